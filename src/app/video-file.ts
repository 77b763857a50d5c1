import { frameBitmap } from './frame-bitmap.ts';
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

/** Measures the frame rate from a few presented frames (a browser does not expose it). */
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
  return median === undefined ? MAX_FPS : Math.min(MAX_FPS, Math.round(1 / median));
}

/**
 * Analyses every frame of a recorded video, in order, at the video's own frame rate (capped at
 * 30 frames/s): frame i is at i / fps, as in `formcheck analyze`, so both give the same report.
 * As there, the people in view are counted every 2 s of the video (someone else who comes into
 * view is noted on the report).
 */
export async function analyseVideoFile(
  file: File,
  video: HTMLVideoElement,
  client: PoseSource,
  onResult: (result: EstimateResult, progress: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const url = URL.createObjectURL(file);
  try {
    video.srcObject = null;
    video.src = url;
    await once(video, 'loadeddata');
    const fps = await measureFps(video);
    const duration = video.duration;
    const frames = Math.floor(duration * fps + 1e-6);
    await client.reset();
    const people = new PeopleCountSchedule();
    for (let i = 0; i < frames && !signal.aborted; i++) {
      video.currentTime = Math.min(duration, (i + 0.5) / fps);
      await once(video, 'seeked');
      const bitmap = await frameBitmap(video);
      const ms = (i * 1000) / fps;
      const countPeople = people.due(ms);
      const result = await client.submit(bitmap, ms, countPeople ? { countPeople } : {});
      if (result !== undefined) {
        people.saw(result.pose, ms);
        onResult(result, (i + 1) / frames);
      }
    }
  } finally {
    URL.revokeObjectURL(url);
  }
}
