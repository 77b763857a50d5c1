import { readFile } from 'node:fs/promises';
import { analyzeTrack } from '../engine/analyze-track.ts';
import { EXERCISES, findExercise } from '../engine/catalog.ts';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { parsePoseTrack, type PoseTrack } from '../pose/pose-track.ts';
import { stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { formatReport } from './format-report.ts';
import type { CliIo } from './poses-command.ts';
import { trackVideo } from '../node/track-video.ts';

/** `formcheck analyze VIDEO_OR_POSE_TRACK --exercise ID [--model NAME] [--json]` */
export async function analyzeCommand(args: ParsedArgs, io: CliIo): Promise<void> {
  const input = args.positional[0];
  const exerciseId = stringFlag(args, 'exercise');
  if (input === undefined || exerciseId === undefined) {
    throw new UsageError(
      `Usage: formcheck analyze VIDEO_OR_POSE_TRACK --exercise ID [--model NAME] [--json]\nExercises: ${EXERCISES.map((e) => e.id).join(', ')}`,
    );
  }
  try {
    findExercise(exerciseId);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const track = await loadTrack(input, stringFlag(args, 'model'), io);
  const report = analyzeTrack(track, exerciseId);
  io.stdout(
    args.flags.get('json') === true ? JSON.stringify(report, null, 2) + '\n' : formatReport(report),
  );
}

async function loadTrack(input: string, model: string | undefined, io: CliIo): Promise<PoseTrack> {
  if (input.endsWith('.json')) {
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch {
      throw new Error(`No such file: ${input}`);
    }
    return parsePoseTrack(text, input);
  }
  let last = 0;
  return trackVideo(input, parseModelId(model ?? DEFAULT_MODEL), ({ frame, totalFrames }) => {
    if (frame - last < 30) return;
    last = frame;
    io.stderr(
      `${io.isTty ? '\r' : ''}analysing frame ${frame}${totalFrames ? ` of ~${totalFrames}` : ''}${io.isTty ? '' : '\n'}`,
    );
  });
}
