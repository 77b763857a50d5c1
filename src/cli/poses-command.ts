import { writeFile } from 'node:fs/promises';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { serializePoseTrack } from '../pose/pose-track.ts';
import { stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { trackVideo } from '../node/track-video.ts';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

/** `formcheck poses VIDEO [--model NAME] [--out FILE]`: writes the video's pose track as JSON. */
export async function posesCommand(args: ParsedArgs, io: CliIo): Promise<void> {
  const video = args.positional[0];
  if (video === undefined)
    throw new UsageError('Usage: formcheck poses VIDEO [--model NAME] [--out FILE]');
  const model = parseModelId(stringFlag(args, 'model') ?? DEFAULT_MODEL);
  const out = stringFlag(args, 'out');
  let lastReport = 0;
  const track = await trackVideo(video, model, ({ frame, totalFrames }) => {
    // Progress on stderr, at most twice a second's worth of frames, so stdout stays clean JSON.
    if (frame - lastReport < 15) return;
    lastReport = frame;
    const of = totalFrames === undefined ? '' : ` of ~${totalFrames}`;
    io.stderr(io.isTty ? `\rframe ${frame}${of}` : `frame ${frame}${of}\n`);
  });
  if (io.isTty) io.stderr('\n');
  const text = serializePoseTrack(track);
  if (out === undefined) {
    io.stdout(text + '\n');
  } else {
    await writeFile(out, text + '\n');
    const found = track.frames.filter((f) => f.pose !== null).length;
    io.stderr(
      `${out}: ${track.frames.length} frames, person found in ${found}, model ${model} on ${track.backend}\n`,
    );
  }
}
