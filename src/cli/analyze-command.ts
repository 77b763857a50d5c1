import { analyzeTrack } from '../engine/analyze-track.ts';
import { EXERCISES, findExercise } from '../engine/catalog.ts';
import { STRICTNESS_LEVELS, type Strictness } from '../engine/checks/thresholds.ts';
import { movementMismatch } from '../engine/movement-match.ts';
import type { Report } from '../engine/report.ts';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { resampleTrack } from '../pose/resample-track.ts';
import { fpsOption, parseCommandLine, UsageError } from './args.ts';
import { formatReport } from './format-report.ts';
import {
  assertReadable,
  isTrackFile,
  loadTrackFile,
  loadVideo,
  type LoadedInput,
} from './inputs.ts';
import { ProgressLine, type CliIo } from './io.ts';
import { speedLine, withTracker } from './tracking.ts';

export const ANALYZE_USAGE =
  'Usage: formcheck analyze VIDEO_OR_POSE_TRACK... --exercise ID [--model NAME] [--fps N] [--strictness gentle|standard|strict] [--one-person] [--json]';

const OPTIONS = {
  exercise: { type: 'string' },
  model: { type: 'string' },
  fps: { type: 'string' },
  /** The video has one person in it: the people in view are not counted (a second model). */
  'one-person': { type: 'boolean' },
  strictness: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function strictnessOption(value: string | undefined): Strictness | undefined {
  if (value === undefined) return undefined;
  const found = STRICTNESS_LEVELS.find((s) => s === value);
  if (found === undefined)
    throw new UsageError(`--strictness ${value}: choose ${STRICTNESS_LEVELS.join(', ')}.`);
  return found;
}

/**
 * `formcheck analyze`: one report per input (a video, or a pose track from `formcheck poses`),
 * all in one process: the model loads once and long videos are tracked on every core.
 * Returns 1 when a result cannot be stood behind (a truncated file, nobody in view, frames out of
 * order), after printing what it has.
 */
export async function analyzeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine(argv, OPTIONS);
  if (positionals.length === 0 || values.exercise === undefined)
    throw new UsageError(`${ANALYZE_USAGE}\nExercises: ${EXERCISES.map((e) => e.id).join(', ')}`);
  try {
    findExercise(values.exercise);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const exerciseId = values.exercise;
  const strictness = strictnessOption(values.strictness);
  const maxFps = fpsOption(values.fps);
  const model = parseModelId(values.model ?? DEFAULT_MODEL);
  if (values.model !== undefined && positionals.every(isTrackFile))
    io.stderr(
      `formcheck: --model is ignored for pose tracks: their poses were detected when they were made.\n`,
    );
  await assertReadable(positionals);
  const progress = new ProgressLine(io);
  const reports: Report[] = [];
  const problems: string[] = [];
  const videos: LoadedInput[] = [];
  await withTracker(
    positionals.some((p) => !isTrackFile(p)) ? model : undefined,
    async (tracker) => {
      for (const path of positionals) {
        const input =
          isTrackFile(path) || tracker === undefined
            ? await loadTrackFile(path)
            : await loadVideo(path, tracker, {
                ...(maxFps === undefined ? {} : { maxFps }),
                ...(values['one-person'] === true ? { countPeople: false } : {}),
                onProgress: ({ frame, totalFrames }) =>
                  progress.update(
                    `${path}: frame ${frame}${totalFrames === undefined ? '' : ` of ~${totalFrames}`}`,
                  ),
              });
        progress.end();
        if (input.video !== undefined) videos.push(input);
        // A video is decoded at most --fps frames a second; a pose track drops frames to it, as
        // a slower camera would have given them (`npm run eval -- --fps N` does the same).
        const track =
          input.video === undefined && maxFps !== undefined
            ? resampleTrack(input.track, maxFps)
            : input.track;
        const report = analyzeTrack(track, exerciseId, {
          ...(strictness === undefined ? {} : { strictness }),
        });
        const mismatch = movementMismatch(track, exerciseId, report);
        if (mismatch !== undefined) io.stderr(`formcheck: ${path}: ${mismatch}\n`);
        reports.push({
          ...report,
          source: track.source || path,
          // The engine's notes may already say what the mismatch says (squat or lunge).
          notes: [
            ...new Set([
              ...report.notes,
              ...input.notes,
              ...(mismatch === undefined ? [] : [mismatch]),
            ]),
          ],
        });
        problems.push(...input.problems);
      }
    },
  );
  if (values.json === true) {
    const doc = reports.length === 1 ? reports[0] : reports;
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
  } else {
    io.stdout(reports.map(formatReport).join('\n'));
  }
  for (const v of videos) if (v.video !== undefined) io.stderr(speedLine(v.path, v.video));
  for (const p of problems) io.stderr(`formcheck: ${p}\n`);
  return problems.length === 0 ? 0 : 1;
}
