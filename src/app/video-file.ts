import { sampleCount, sampledFrames, UNREADABLE_REST, type VideoSampling } from './video-frames.ts';
import type { PoseSource } from './pose-source.ts';
import type { EstimateResult } from '../detector/pose-service.ts';
import { PeopleCountSchedule } from '../engine/others-in-view.ts';

/** Same cap as the command line (src/node/video-decoder.ts): analyse at most 30 frames/s. */
const MAX_FPS = 30;

function once(target: EventTarget, event: string, errorEvent = 'error'): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      target.removeEventListener(errorEvent, bad);
      resolve();
    };
    const bad = () => {
      target.removeEventListener(event, ok);
      reject(
        new Error(
          'This file could not be read as a video (corrupt, or a format this browser cannot play).',
        ),
      );
    };
    target.addEventListener(event, ok, { once: true });
    target.addEventListener(errorEvent, bad, { once: true });
  });
}

/** Measures the video's frame rate from a few frames shown (a browser does not expose it). */
async function measureFps(video: HTMLVideoElement): Promise<number> {
  type V = HTMLVideoElement & {
    requestVideoFrameCallback?: (cb: (n: number, m: { mediaTime: number }) => void) => number;
  };
  const v = video as V;
  if (v.requestVideoFrameCallback === undefined) return MAX_FPS;
  const times: number[] = [];
  video.muted = true;
  await video.play();
  await new Promise<void>((resolve) => {
    const step = (_n: number, m: { mediaTime: number }) => {
      times.push(m.mediaTime);
      if (times.length >= 6 || video.ended) resolve();
      else v.requestVideoFrameCallback?.(step);
    };
    v.requestVideoFrameCallback?.(step);
    setTimeout(resolve, 3000);
  });
  video.pause();
  const deltas = times
    .slice(1)
    .map((t, i) => t - (times[i] ?? t))
    .filter((d) => d > 0.001)
    .sort((a, b) => a - b);
  const median = deltas[Math.floor(deltas.length / 2)];
  // To 0.01 frames/s, as ffmpeg gives it to the command line (12.5, 29.97).
  return median === undefined ? MAX_FPS : Math.round(100 / median) / 100;
}

/** How much of a video was read: all of it, or up to where it could be read no further. */
export type VideoRead =
  | { readonly complete: true }
  | { readonly complete: false; readonly readSec: number; readonly durationSec: number };

/**
 * Analyses every frame of a recorded video, in order, at the video's own frame rate (capped at
 * 30 frames/s): frame i is at i / fps (the picture a seek to half a frame later shows), as in
 * `formcheck analyze`, so both give the same report. As there, the people in view are counted
 * every 2 s of the video (someone else who comes into view is noted on the report). The video
 * plays while it is analysed, each frame decoded once (`video-frames.ts`).
 */
export async function analyseVideoFile(
  file: File,
  video: HTMLVideoElement,
  client: PoseSource,
  onResult: (result: EstimateResult, progress: number) => void,
  signal: AbortSignal,
  how: VideoSampling = 'played',
): Promise<VideoRead> {
  const url = URL.createObjectURL(file);
  // The last frame analysed (s): a file that cannot be read past a point is reported up to there,
  // as `formcheck analyze` does, rather than lost (a file that gives no frame at all throws).
  let readSec: number | undefined;
  try {
    video.srcObject = null;
    video.src = url;
    await once(video, 'loadeddata');
    const videoFps = await measureFps(video);
    const fps = Math.min(MAX_FPS, videoFps);
    // The length the file says it has (a browser may change it once it finds the file shorter).
    const durationSec = video.duration;
    const frames = sampleCount(durationSec, fps);
    await client.reset();
    const people = new PeopleCountSchedule();
    try {
      for await (const { index, bitmap } of sampledFrames(
        video,
        fps,
        frames,
        1 / videoFps,
        signal,
        how,
      )) {
        const ms = (index * 1000) / fps;
        const countPeople = people.due(ms);
        const result = await client.submit(bitmap, ms, countPeople ? { countPeople } : {});
        if (result !== undefined) {
          people.saw(result.pose, ms);
          readSec = ms / 1000;
          onResult(result, (index + 1) / frames);
        }
      }
    } catch (error) {
      // Only the file's own end: a detector that failed part-way is not a file cut short.
      const unreadable = error instanceof Error && error.message === UNREADABLE_REST;
      if (readSec === undefined || !unreadable) throw error;
      return { complete: false, readSec, durationSec };
    }
    return { complete: true };
  } finally {
    URL.revokeObjectURL(url);
  }
}
