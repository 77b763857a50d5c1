// Making a clip's video as another reading sees it (mirrored, hand held, dim), with ffmpeg.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { FFMPEG_PATH } from '../node/video-decoder.ts';

const run = promisify(execFile);

/** `video` through the ffmpeg filter `filter` into `out` (near-lossless H.264, no sound). */
export async function filterVideo(video: string, filter: string, out: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const encode = ['-an', '-c:v', 'libx264', '-crf', '16', '-pix_fmt', 'yuv420p'];
  await run(FFMPEG_PATH, ['-loglevel', 'error', '-y', '-i', video, '-vf', filter, ...encode, out]);
}

/**
 * A video's mean luma over all its frames, 0-255 full range (Rec. 601, as the app's light meter
 * measures the camera's picture: src/app/light-meter.ts).
 */
export async function meanLuma(video: string): Promise<number> {
  const stats = ['-vf', 'signalstats,metadata=print:key=lavfi.signalstats.YAVG'];
  const { stderr } = await run(
    FFMPEG_PATH,
    ['-nostdin', '-i', video, ...stats, '-f', 'null', '-'],
    {
      maxBuffer: 1 << 28,
    },
  );
  const ys = [...stderr.matchAll(/YAVG=([\d.]+)/g)].map((m) => Number(m[1]));
  if (ys.length === 0) throw new Error(`${video}: no frame to measure the light of`);
  const studioRange = ys.reduce((a, b) => a + b, 0) / ys.length;
  return ((studioRange - 16) * 255) / 219;
}
