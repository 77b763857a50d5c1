import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

/** The ffmpeg binary that `npm ci` installed with @ffmpeg-installer (no system ffmpeg needed). */
export const FFMPEG_PATH: string = ffmpegInstaller.path;

export interface VideoInfo {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly fps: number;
  readonly durationSec: number | undefined;
}

export interface DecodedFrame {
  readonly index: number;
  readonly timestampMs: number;
  readonly width: number;
  readonly height: number;
  readonly channels: 3;
  readonly data: Uint8Array;
}

export class VideoError extends Error {
  override name = 'VideoError';
}

function run(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Reads size, frame rate and duration from ffmpeg's stream description. */
export async function probeVideo(path: string): Promise<VideoInfo> {
  try {
    await access(path);
  } catch {
    throw new VideoError(`No such file: ${path}`);
  }
  const { stderr } = await run(['-hide_banner', '-i', path]);
  const video = /Stream #\S+.*Video: .*?, (\d{2,5})x(\d{2,5})[^\n]*?, ([\d.]+) (?:fps|tbr)/.exec(
    stderr,
  );
  if (video === null) {
    throw new VideoError(`${path} is not a video ffmpeg can read (no video stream found).`);
  }
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(stderr);
  // Phones store portrait video as landscape plus a rotation; ffmpeg applies it when decoding.
  const rotation =
    /rotate\s*:\s*(-?\d+)/.exec(stderr) ?? /rotation of (-?[\d.]+) degrees/.exec(stderr);
  const quarterTurns = rotation === null ? 0 : Math.round(Number(rotation[1]) / 90);
  const swap = quarterTurns % 2 !== 0;
  return {
    widthPx: Number(swap ? video[2] : video[1]),
    heightPx: Number(swap ? video[1] : video[2]),
    fps: Number(video[3]),
    durationSec:
      duration === null
        ? undefined
        : Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]),
  };
}

/** Output size: the video's own, scaled down so the longer side is at most `maxSidePx` (even sizes). */
export function decodeSize(info: VideoInfo, maxSidePx: number): { width: number; height: number } {
  const scale = Math.min(1, maxSidePx / Math.max(info.widthPx, info.heightPx));
  const even = (v: number) => Math.max(2, 2 * Math.round((v * scale) / 2));
  return { width: even(info.widthPx), height: even(info.heightPx) };
}

/** A webcam gives 30 frames/s; 60 fps files are analysed at 30 like the live app would see them. */
export const MAX_ANALYSIS_FPS = 30;

export function analysisFps(info: VideoInfo, maxFps = MAX_ANALYSIS_FPS): number {
  return Math.min(info.fps, maxFps);
}

/**
 * Decodes every frame as RGB at a constant frame rate (the video's own, capped at `maxFps`);
 * frame i is at i / fps. Rejects with the tail of ffmpeg's message when the file is corrupt.
 */
export async function* decodeVideo(
  path: string,
  info: VideoInfo,
  maxSidePx = 640,
  maxFps = MAX_ANALYSIS_FPS,
): AsyncGenerator<DecodedFrame> {
  const { width, height } = decodeSize(info, maxSidePx);
  const fps = analysisFps(info, maxFps);
  const frameBytes = width * height * 3;
  const child = spawn(
    FFMPEG_PATH,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      path,
      '-vf',
      `scale=${width}:${height}`,
      '-r',
      String(fps),
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= frameBytes) {
      const data = new Uint8Array(pending.subarray(0, frameBytes));
      pending = pending.subarray(frameBytes);
      yield { index, timestampMs: (index * 1000) / fps, width, height, channels: 3, data };
      index += 1;
    }
  }
  const code = await exited;
  if (code !== 0 && index === 0) {
    throw new VideoError(
      `${path} could not be decoded: ${stderr.trim().split('\n').slice(-2).join(' ')}`,
    );
  }
}
