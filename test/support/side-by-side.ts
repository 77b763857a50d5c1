import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FFMPEG_PATH } from '../../src/node/video-decoder.ts';
import { scratchDir } from './scratch.ts';

/**
 * Two real clips side by side in one picture (two people in view), 480 px high at 10 frames/s,
 * as a webcam file (.y4m) or a video file (.mp4, H.264). With `rightFromSec`, the right half is a
 * grey wall until then and its person walks in at that second.
 */
export async function sideBySide(
  left: string,
  right: string,
  file: `${string}.${'y4m' | 'mp4'}`,
  seconds = 8,
  rightFromSec = 0,
): Promise<string> {
  const out = join(await scratchDir('formcheck-two-'), file);
  const wall = rightFromSec > 0 ? `,tpad=start_duration=${rightFromSec}:color=gray` : '';
  const graph = `[0:v]scale=-2:480,fps=10[a];[1:v]scale=-2:480,fps=10${wall}[b];[a][b]hstack=inputs=2,format=yuv420p[v]`;
  const r = spawnSync(
    FFMPEG_PATH,
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-t', String(seconds), '-i', left, '-t', String(seconds), '-i', right],
      ...['-filter_complex', graph, '-map', '[v]', out],
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return out;
}
