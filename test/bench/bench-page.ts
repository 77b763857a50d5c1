// The bench page: loads each model in the real worker (and, for comparison, in this page's main
// thread), runs every frame of the chosen video and reports timings and keypoints. Driven by
// test/bench/run-bench.ts and the Chromium tests through window.formcheckBench.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { frameBitmap } from '../../src/app/frame-bitmap.ts';
import { PoseClient } from '../../src/app/pose-client.ts';
import { wasmThreadsHere } from '../../src/app/pose-runtime.ts';
import { analyseVideoFile } from '../../src/app/video-file.ts';
import { frameSoughtAt, type VideoSampling } from '../../src/app/video-frames.ts';
import type { ModelId } from '../../src/pose/model-catalog.ts';
import type { Pose } from '../../src/pose/skeleton.ts';
import type { BackendPreference } from '../../src/detector/backend.ts';
import { createBrowserPoseService } from '../../workers/browser-pose-service.ts';
import type { PoseServiceInfo } from '../../src/detector/pose-service.ts';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface BenchRun {
  readonly model: ModelId;
  readonly where: 'worker' | 'main-thread';
  readonly backend: string;
  readonly backendReason: string;
  readonly loadMs: number;
  /** Wall time per frame as the page sees it (worker: round trip including transfer). */
  readonly frameMs: readonly number[];
  /** Time inside the detector per frame, as the service measured it (the raw model cost). */
  readonly inferenceMs: readonly number[];
  readonly poses: readonly (Pose | null)[];
  readonly heapMB: number | undefined;
}

const video = document.createElement('video');
video.muted = true;
const frames: ImageBitmap[] = [];
let fps = 0;

async function loadFrames(file: File, maxFrames: number): Promise<number> {
  video.src = URL.createObjectURL(file);
  await new Promise((resolve, reject) => {
    video.onloadeddata = resolve;
    video.onerror = () => reject(new Error('video could not be decoded'));
  });
  fps = Number(new URLSearchParams(location.search).get('fps') ?? '0') || 30;
  const count = Math.min(maxFrames, Math.round(video.duration * fps));
  for (let i = 0; i < count; i++) {
    video.currentTime = (i + 0.5) / fps;
    await new Promise((r) => (video.onseeked = r));
    frames.push(await frameBitmap(video));
  }
  return count;
}

const copy = (b: ImageBitmap) => createImageBitmap(b);

type Estimator = (
  frame: ImageBitmap,
  timestampMs: number,
) => Promise<{ pose: Pose | null; inferenceMs: number } | undefined>;

/** Every decoded frame through `estimate`, timed from the page (a fresh copy each time). */
async function timeFrames(
  estimate: Estimator,
): Promise<{ frameMs: number[]; inferenceMs: number[]; poses: (Pose | null)[] }> {
  const frameMs: number[] = [];
  const inferenceMs: number[] = [];
  const poses: (Pose | null)[] = [];
  for (let i = 0; i < frames.length; i++) {
    const frame = await copy(frames[i] as ImageBitmap);
    const t0 = performance.now();
    const result = await estimate(frame, (i * 1000) / fps);
    frameMs.push(performance.now() - t0);
    inferenceMs.push(result?.inferenceMs ?? NaN);
    poses.push(result?.pose ?? null);
  }
  return { frameMs, inferenceMs, poses };
}

function report(
  where: BenchRun['where'],
  model: ModelId,
  info: PoseServiceInfo,
  timed: { frameMs: number[]; inferenceMs: number[]; poses: (Pose | null)[] },
): BenchRun {
  return {
    model,
    where,
    backend: info.backend.name,
    backendReason: info.backend.reason,
    loadMs: info.loadMs,
    ...timed,
    heapMB: heap(),
  };
}

async function runWorker(
  model: ModelId,
  backend: BackendPreference,
  wasmThreads = true,
): Promise<BenchRun> {
  const client = PoseClient.start();
  try {
    const info = await client.init({ model, backend, wasmThreads });
    return report('worker', model, info, await timeFrames((f, t) => client.submit(f, t)));
  } finally {
    client.stop();
  }
}

async function runMainThread(
  model: ModelId,
  backend: BackendPreference,
  wasmThreads = true,
): Promise<BenchRun> {
  const service = createBrowserPoseService(new URL('/models/', location.origin).href);
  try {
    const info = await service.init({ model, backend, wasmThreads });
    return report('main-thread', model, info, await timeFrames((f, t) => service.estimate(f, t)));
  } finally {
    service.dispose();
  }
}

export interface VideoRun {
  readonly frames: number;
  readonly wallMs: number;
  readonly inferenceMs: readonly number[];
  readonly poses: number;
}

/** The page's own video element, shown as in the app (a video plays only where it is drawn). */
const shownVideo = document.createElement('video');
shownVideo.width = 320;
document.body.append(shownVideo);

/**
 * The video chosen in #analyse-file analysed as the app's "Analyse a video" does (the real
 * worker, frames reached `how`), timed from the choice to the last result.
 */
async function analyseVideo(how: VideoSampling, model: ModelId): Promise<VideoRun> {
  const file = (document.getElementById('analyse-file') as HTMLInputElement).files?.[0];
  if (file === undefined) throw new Error('no video chosen in #analyse-file');
  const client = PoseClient.start();
  try {
    await client.init({ model, backend: 'auto', wasmThreads: wasmThreadsHere() });
    const inferenceMs: number[] = [];
    let poses = 0;
    const t0 = performance.now();
    await analyseVideoFile(
      file,
      shownVideo,
      client,
      (r) => {
        inferenceMs.push(r.inferenceMs);
        if (r.pose !== null) poses += 1;
      },
      new AbortController().signal,
      how,
    );
    return { frames: inferenceMs.length, wallMs: performance.now() - t0, inferenceMs, poses };
  } finally {
    client.stop();
  }
}

/**
 * The times (s, on the video's clock) of the frames the app's seeks to `times` hold, one after
 * another, in `file` played a moment first (as "Analyse a video" measures the frame rate).
 */
async function framesSought(file: File, times: readonly number[]): Promise<number[]> {
  const url = URL.createObjectURL(file);
  try {
    shownVideo.muted = true;
    shownVideo.src = url;
    await new Promise((resolve) =>
      shownVideo.addEventListener('loadeddata', resolve, { once: true }),
    );
    await shownVideo.play();
    await new Promise((resolve) => setTimeout(resolve, 300));
    shownVideo.pause();
    const out: number[] = [];
    for (const t of times) {
      const held = await frameSoughtAt(shownVideo, t);
      out.push(held.atSec);
      held.frame.close();
    }
    return out;
  } finally {
    shownVideo.removeAttribute('src');
    URL.revokeObjectURL(url);
  }
}

function heap(): number | undefined {
  const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return m === undefined ? undefined : m.usedJSHeapSize / 1e6;
}

const api = {
  loaded: false,
  loadFrames,
  frameCount: () => frames.length,
  runWorker,
  runMainThread,
  analyseVideo,
  framesSought,
};
(globalThis as { formcheckBench?: typeof api }).formcheckBench = api;
api.loaded = true;

document.getElementById('file')?.addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file === undefined) return;
  void loadFrames(file, 300).then(async (n) => {
    const out = document.getElementById('out');
    if (out === null) return;
    out.textContent = `${n} frames\n`;
    const run = await runWorker('blazepose-lite', 'auto');
    const sorted = [...run.frameMs].sort((a, b) => a - b);
    out.textContent += `${run.model} in the worker on ${run.backend}: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms/frame\n`;
  });
});
