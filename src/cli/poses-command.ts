import { access, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { serializePoseTrack } from '../pose/pose-track.ts';
import { fpsOption, parseCommandLine, UsageError } from './args.ts';
import { assertReadable, isTrackFile, loadVideo } from './inputs.ts';
import { ProgressLine, type CliIo } from './io.ts';
import { speedLine, withTracker } from './tracking.ts';

export const POSES_USAGE =
  'Usage: formcheck poses VIDEO... [--model NAME] [--fps N] [--one-person] [--out FILE_OR_FOLDER]';

const OPTIONS = {
  model: { type: 'string' },
  fps: { type: 'string' },
  /** The video has one person in it: the people in view are not counted (a second model). */
  'one-person': { type: 'boolean' },
  out: { type: 'string' },
} as const;

async function isFolder(path: string): Promise<boolean> {
  return stat(path)
    .then((s) => s.isDirectory())
    .catch(() => false);
}

/** Where each video's track goes, checked before any decoding starts. */
async function outputPaths(videos: readonly string[], out: string | undefined) {
  if (out === undefined) {
    if (videos.length > 1)
      throw new UsageError('Several videos need --out FOLDER (one track file each).');
    return [undefined];
  }
  const folder = await isFolder(out);
  if (videos.length > 1 && !folder)
    throw new UsageError(`--out ${out}: give an existing folder for several videos.`);
  const target = folder ? out : dirname(out);
  try {
    await access(target, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${target} does not exist or is not writable.`);
  }
  return videos.map((v) =>
    folder ? join(out, `${basename(v).replace(/\.[^.]+$/, '')}.track.json`) : out,
  );
}

/**
 * `formcheck poses`: the pose track (JSON) of each video. One video without --out goes to stdout.
 */
export async function posesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine(argv, OPTIONS);
  if (positionals.length === 0) throw new UsageError(POSES_USAGE);
  // A pose track is what this command writes: said before the model loads, with what to run.
  const track = positionals.find(isTrackFile);
  if (track !== undefined)
    throw new UsageError(
      `${track} is a pose track already: analyse it with \`formcheck analyze ${track} --exercise ID\`.`,
    );
  const model = parseModelId(values.model ?? DEFAULT_MODEL);
  const maxFps = fpsOption(values.fps);
  const outs = await outputPaths(positionals, values.out);
  await assertReadable(positionals);
  const progress = new ProgressLine(io);
  const problems: string[] = [];
  await withTracker(model, async (tracker) => {
    if (tracker === undefined) return;
    for (const [i, video] of positionals.entries()) {
      const input = await loadVideo(video, tracker, {
        ...(maxFps === undefined ? {} : { maxFps }),
        ...(values['one-person'] === true ? { countPeople: false } : {}),
        onProgress: ({ frame, totalFrames }) =>
          progress.update(
            `${video}: frame ${frame}${totalFrames === undefined ? '' : ` of ~${totalFrames}`}`,
          ),
      });
      progress.end();
      const text = serializePoseTrack(input.track) + '\n';
      const out = outs[i];
      if (out === undefined) io.stdout(text);
      else {
        await writeFile(out, text);
        const found = input.track.frames.filter((f) => f.pose !== null).length;
        io.stderr(
          `${out}: ${input.track.frames.length} frames, person found in ${found}, model ${model} on ${input.track.backend}\n`,
        );
      }
      if (input.video !== undefined) io.stderr(speedLine(video, input.video));
      problems.push(...input.problems);
    }
  });
  for (const p of problems) io.stderr(`formcheck: ${p}\n`);
  return problems.length === 0 ? 0 : 1;
}
