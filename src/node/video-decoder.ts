import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { scaledFrameSize } from '../pose/frame-size.ts';

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
  return scaledFrameSize(info.widthPx, info.heightPx, maxSidePx);
}

/** A webcam gives 30 frames/s; 60 fps files are analysed at 30 like the live app would see them. */
export const MAX_ANALYSIS_FPS = 30;

export function analysisFps(info: VideoInfo, maxFps = MAX_ANALYSIS_FPS): number {
  return Math.min(info.fps, maxFps);
}

export interface DecodeOptions {
  /** The longer side is scaled down to this (px). */
  readonly maxSidePx?: number;
  /** At most this many frames per second (default: the video's own, capped at 30). */
  readonly maxFps?: number;
  /** Decode from here (s, on the frame grid), to `endSec`; the whole video by default. */
  readonly startSec?: number;
  readonly endSec?: number;
  /** ffmpeg decoding threads (1 when several decoders share the cores). */
  readonly threads?: number;
}

/**
 * Decodes frames as RGB at a constant frame rate (the video's own, capped at `maxFps`); frame i
 * of the whole video is at i / fps, also when decoding starts part-way. Rejects with the tail of
 * ffmpeg's message when the file is corrupt.
 */
export async function* decodeVideo(
  path: string,
  info: VideoInfo,
  options: DecodeOptions = {},
): AsyncGenerator<DecodedFrame> {
  const { width, height } = decodeSize(info, options.maxSidePx ?? 640);
  const fps = analysisFps(info, options.maxFps ?? MAX_ANALYSIS_FPS);
  const firstIndex = Math.round((options.startSec ?? 0) * fps);
  const startSec = firstIndex / fps;
  const frameBytes = width * height * 3;
  const args = ['-hide_banner', '-loglevel', 'error'];
  if (options.threads !== undefined) args.push('-threads', String(options.threads));
  if (startSec > 0) args.push('-ss', startSec.toFixed(6));
  args.push('-i', path);
  if (options.endSec !== undefined)
    args.push('-t', Math.max(0, options.endSec - startSec).toFixed(6));
  args.push('-vf', `scale=${width}:${height}`, '-r', String(fps));
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  const child = spawn(FFMPEG_PATH, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const chunks: Buffer[] = [];
  let buffered = 0;
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      buffered += chunk.length;
      while (buffered >= frameBytes) {
        // One copy per frame: join the chunks once a whole frame is in.
        const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, buffered);
        const data = new Uint8Array(all.subarray(0, frameBytes));
        const rest = all.subarray(frameBytes);
        chunks.length = 0;
        if (rest.length > 0) chunks.push(rest);
        buffered = rest.length;
        const i = firstIndex + index;
        yield { index: i, timestampMs: (i * 1000) / fps, width, height, channels: 3, data };
        index += 1;
      }
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0 && index === 0) {
    throw new VideoError(
      `${path} could not be decoded: ${stderr.trim().split('\n').slice(-2).join(' ')}`,
    );
  }
}
