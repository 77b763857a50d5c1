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
  return composite([left, right], seconds, graph, out);
}

/** The first `seconds` of two clips through an ffmpeg filter graph whose output is `[v]`. */
function composite(
  clips: readonly [string, string],
  seconds: number,
  graph: string,
  out: string,
): string {
  const r = spawnSync(
    FFMPEG_PATH,
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...clips.flatMap((clip) => ['-t', String(seconds), '-i', clip]),
      ...['-filter_complex', graph, '-map', '[v]', out],
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return out;
}

/**
 * Someone crossing in front: a real clip (`behind`) in a 640×480 picture at 10 frames/s, and a
 * second real clip's person (`crosser`, drawn 15 % larger: nearer the camera) walking across it
 * from left to right in `acrossSec`, from `fromSec`. At the middle of the crossing the crosser
 * hides the person behind.
 */
export async function crossingInFront(
  behind: string,
  crosser: string,
  file: `${string}.${'y4m' | 'mp4'}`,
  seconds: number,
  fromSec: number,
  acrossSec = 1.5,
): Promise<string> {
  const out = join(await scratchDir('formcheck-crossing-'), file);
  // The crosser's picture is 310 px wide: from just left of the frame to just right of it.
  const speed = (640 + 320) / acrossSec;
  const graph =
    `[0:v]scale=-2:480,fps=10,pad=640:480:(ow-iw)/2:0:color=gray[bg];` +
    `[1:v]scale=-2:552,fps=10,setpts=PTS+${fromSec}/TB[fg];` +
    `[bg][fg]overlay=x='-320+(t-${fromSec})*${speed}':y=-40:enable='between(t,${fromSec},${fromSec + acrossSec})':eof_action=pass,format=yuv420p[v]`;
  return composite([behind, crosser], seconds, graph, out);
}
