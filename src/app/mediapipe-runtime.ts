import { BLAZEPOSE_LANDMARKS } from '../pose/blazepose-landmarks.ts';
import type { ModelId } from '../pose/model-catalog.ts';
import { poseFromDetector } from '../pose/from-detector.ts';
import type { EstimateResult } from '../detector/pose-service.ts';
import { fetchModelFile, fetchModelManifest } from '../detector/fetch-model-file.ts';
import { ModelFileError, readVerified } from '../detector/model-files.ts';
import { withDeadline } from './deadline.ts';
import type { PoseSource } from './pose-source.ts';

/** A frame unanswered after this long is given up (heavy on a CPU takes ~1 s) (ms). */
export const MEDIAPIPE_FRAME_DEADLINE_MS = 10_000;

/** The three MediaPipe model complexities, as the app offers them. */
export const MEDIAPIPE_RUNTIMES = ['mediapipe-lite', 'mediapipe-full', 'mediapipe-heavy'] as const;
export type MediaPipeRuntimeId = (typeof MEDIAPIPE_RUNTIMES)[number];

/**
 * The BlazePose network each runs, by the name of formcheck's tfjs model converted from it: its
 * keypoints are taken to read the body as that model's do (model-catalog.ts; not measured, as the
 * MediaPipe runtime is for machines with a GPU).
 */
export const MEDIAPIPE_NETWORK: Readonly<Record<MediaPipeRuntimeId, ModelId>> = {
  'mediapipe-lite': 'blazepose-lite',
  'mediapipe-full': 'blazepose-full',
  'mediapipe-heavy': 'blazepose-heavy',
};

const BASE = '/models/mediapipe/';
const COMPLEXITY: Record<MediaPipeRuntimeId, 0 | 1 | 2> = {
  'mediapipe-lite': 0,
  'mediapipe-full': 1,
  'mediapipe-heavy': 2,
};
const TFLITE: Record<MediaPipeRuntimeId, string> = {
  'mediapipe-lite': 'pose_landmark_lite.tflite',
  'mediapipe-full': 'pose_landmark_full.tflite',
  'mediapipe-heavy': 'pose_landmark_heavy.tflite',
};

interface Landmark {
  readonly x: number;
  readonly y: number;
  readonly visibility?: number;
}
interface MpResults {
  readonly poseLandmarks?: readonly Landmark[];
}
interface MpPose {
  setOptions(o: object): void;
  onResults(cb: (r: MpResults) => void): void;
  initialize(): Promise<void>;
  send(inputs: { image: HTMLCanvasElement }, at?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

function loadClassicScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    // Checked against the manifest just before, so the file was there: the server went away.
    script.onerror = () =>
      reject(
        new ModelFileError('mediapipe/pose.js', {
          kind: 'unreachable',
          detail: 'the script did not load',
        }),
      );
    document.head.append(script);
  });
}

/**
 * MediaPipe's own BlazePose runtime (`@mediapipe/pose`). Its legacy API only works on the main
 * thread (it cannot run in a worker), so analysis here competes with drawing the page; on a
 * machine without a GPU its WebGL is software and slow (~300-500 ms/frame, POSE-STACK.md).
 * Offered for machines with a GPU; the worker's tfjs runtime is the default.
 */
export class MediaPipeRuntime implements PoseSource {
  private inFlight = false;
  private resolveResult: ((r: MpResults) => void) | undefined;
  private readonly canvas = document.createElement('canvas');

  private constructor(private readonly pose: MpPose) {
    pose.onResults((r) => this.resolveResult?.(r));
  }

  static async load(id: MediaPipeRuntimeId): Promise<MediaPipeRuntime> {
    // Check what the solution will load against models/manifest.json first (it fetches them itself).
    const models = new URL('/models/', location.href).href;
    const manifest = await fetchModelManifest(models);
    const read = (name: string) => fetchModelFile(models, name);
    for (const f of [
      'pose.js',
      'pose_solution_simd_wasm_bin.wasm',
      'pose_solution_packed_assets.data',
      TFLITE[id],
    ]) {
      await readVerified(read, manifest, `mediapipe/${f}`);
    }
    const g = globalThis as {
      Pose?: new (config: { locateFile: (f: string) => string }) => MpPose;
    };
    if (g.Pose === undefined) await loadClassicScript(`${BASE}pose.js`);
    if (g.Pose === undefined) throw new Error('models/mediapipe/pose.js did not define Pose.');
    const pose = new g.Pose({ locateFile: (file) => `${BASE}${file}` });
    pose.setOptions({
      modelComplexity: COMPLEXITY[id],
      smoothLandmarks: true,
      enableSegmentation: false,
      selfieMode: false,
    });
    await pose.initialize();
    return new MediaPipeRuntime(pose);
  }

  get busy(): boolean {
    return this.inFlight;
  }

  async submit(frame: ImageBitmap, timestampMs: number): Promise<EstimateResult | undefined> {
    if (this.inFlight) {
      frame.close();
      return undefined;
    }
    this.inFlight = true;
    try {
      const { width, height } = frame;
      this.canvas.width = width;
      this.canvas.height = height;
      this.canvas.getContext('2d')?.drawImage(frame, 0, 0);
      frame.close();
      const started = performance.now();
      // Its result comes through a callback: a frame it never answers must not stall the loop.
      const results = await withDeadline(
        new Promise<MpResults>((resolve, reject) => {
          this.resolveResult = resolve;
          this.pose.send({ image: this.canvas }, timestampMs).catch(reject);
        }),
        MEDIAPIPE_FRAME_DEADLINE_MS,
        () => new Error(`MediaPipe gave no pose for ${MEDIAPIPE_FRAME_DEADLINE_MS / 1000} s`),
      );
      const landmarks = results.poseLandmarks;
      const frameSize = { widthPx: width, heightPx: height };
      const pose =
        landmarks === undefined
          ? null
          : poseFromDetector(
              landmarks.map((l, i) => ({
                name: BLAZEPOSE_LANDMARKS[i],
                x: l.x * width,
                y: l.y * height,
                score: l.visibility ?? 0,
              })),
              undefined,
              frameSize,
              timestampMs,
            );
      return { timestampMs, pose, inferenceMs: performance.now() - started };
    } finally {
      this.inFlight = false;
    }
  }

  reset(): Promise<void> {
    this.pose.reset();
    return Promise.resolve();
  }
}
