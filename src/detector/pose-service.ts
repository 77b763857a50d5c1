import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as poseDetection from '@tensorflow-models/pose-detection';
import { MODELS, type ModelId } from '../pose/model-catalog.ts';
import { poseFromDetector } from '../pose/from-detector.ts';
import type { Pose } from '../pose/skeleton.ts';
import { chooseBackend, type BackendPreference, type BackendReport } from './backend.ts';
import { verifiedModelHandler, type AssetReader, type ModelManifest } from './model-files.ts';

/** A decoded frame as raw pixels (the command line's ffmpeg output, or tests). */
export interface RawFrame {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/**
 * A decoded picture the browser holds (an ImageBitmap in the page or the worker), described by
 * what the detector needs of it: this module is also compiled for Node, which has no ImageBitmap.
 */
export interface BitmapFrame {
  readonly width: number;
  readonly height: number;
  close(): void;
}

export type FrameInput = BitmapFrame | RawFrame;

export interface PoseServiceOptions {
  readonly model: ModelId;
  readonly backend: BackendPreference;
  /** Let the wasm backend use threads when the page is cross-origin isolated (default true). */
  readonly wasmThreads?: boolean;
}

export interface PoseServiceInfo {
  readonly model: ModelId;
  readonly backend: BackendReport;
  readonly loadMs: number;
}

export interface EstimateResult {
  readonly timestampMs: number;
  /** The person found, or null when nobody was found. */
  readonly pose: Pose | null;
  readonly inferenceMs: number;
  /** People in view (MoveNet MultiPose), when asked for with `countPeople`. */
  readonly personCount?: number;
  /** The time counting them took (ms), on top of `inferenceMs`, when they were counted. */
  readonly peopleMs?: number;
}

export interface EstimateOptions {
  /**
   * Also count the people in view (MoveNet MultiPose Lightning, ~77 ms a count on a 2-core CPU):
   * while setting up, and now and then during a set (someone who walks in).
   */
  readonly countPeople?: boolean;
}

/** A MultiPose person counts from this score (its own default threshold is 0.25; people half in view score ~0.2). */
const PERSON_SCORE = 0.3;

export interface PoseServiceDeps {
  readonly readAsset: AssetReader;
  /** models/manifest.json: the sha256 of every model file. */
  readonly loadManifest: () => Promise<ModelManifest>;
  readonly nowMs: () => number;
}

const BLAZEPOSE_TYPES: Partial<Record<ModelId, poseDetection.BlazePoseModelType>> = {
  'blazepose-lite': 'lite',
  'blazepose-full': 'full',
  'blazepose-heavy': 'heavy',
};

function isRawFrame(frame: FrameInput): frame is RawFrame {
  return 'data' in frame && 'channels' in frame;
}

/** pose-detection takes an RGB int32 tensor; RGBA frames lose their alpha channel here. */
function rgbTensor(frame: RawFrame): tf.Tensor3D {
  return tf.tidy(() => {
    const bytes = new Uint8Array(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
    const t = tf.tensor3d(bytes, [frame.height, frame.width, frame.channels], 'int32');
    return frame.channels === 3 ? t : t.slice([0, 0, 0], [-1, -1, 3]);
  });
}

function closeFrame(frame: FrameInput): void {
  if (!isRawFrame(frame)) frame.close();
}

/**
 * Owns one pose detector: loads a verified model on the chosen backend and turns frames into poses
 * of the common skeleton. Runs in the web worker and, unchanged, in Node for the command line.
 */
export class PoseService {
  private detector: poseDetection.PoseDetector | undefined;
  private model: ModelId | undefined;
  private lastTimestampMs = -Infinity;
  private manifest: ModelManifest | undefined;
  private peopleCounter: Promise<poseDetection.PoseDetector> | undefined;
  private loading: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PoseServiceDeps) {}

  /**
   * Loads a model, after any load already running: one at a time, in the order asked. Two at once
   * (a model picked in the settings while the first still loaded) started the backend twice, fell
   * back to the slowest one (cpu), and kept the model that finished last, not the one asked for.
   */
  init(options: PoseServiceOptions): Promise<PoseServiceInfo> {
    const turn = this.loading.catch(() => undefined).then(() => this.load(options));
    this.loading = turn;
    return turn;
  }

  private async load(options: PoseServiceOptions): Promise<PoseServiceInfo> {
    const started = this.deps.nowMs();
    this.dispose();
    this.manifest ??= await this.deps.loadManifest();
    const backend = await chooseBackend(options.backend, options.wasmThreads ?? true);
    await tf.ready();
    this.detector = await this.createDetector(options.model, this.manifest);
    this.model = options.model;
    this.lastTimestampMs = -Infinity;
    return { model: options.model, backend, loadMs: this.deps.nowMs() - started };
  }

  private async createDetector(
    model: ModelId,
    manifest: ModelManifest,
  ): Promise<poseDetection.PoseDetector> {
    const info = MODELS[model];
    const handler = (file: string) => verifiedModelHandler(this.deps.readAsset, manifest, file);
    if (info.family === 'movenet') {
      return poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
        modelType:
          model === 'movenet-thunder'
            ? poseDetection.movenet.modelType.SINGLEPOSE_THUNDER
            : poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING,
        modelUrl: await handler(info.files[0] ?? ''),
        enableSmoothing: true,
      });
    }
    const config: poseDetection.BlazePoseTfjsModelConfig = {
      runtime: 'tfjs',
      modelType: BLAZEPOSE_TYPES[model] ?? 'full',
      detectorModelUrl: await handler(info.files[0] ?? ''),
      landmarkModelUrl: await handler(info.files[1] ?? ''),
      enableSmoothing: true,
    };
    return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, config);
  }

  /**
   * Finds the person in one frame. The frame is always released (an ImageBitmap is closed on every
   * path). `timestampMs` must increase strictly: pose-detection's smoothing uses it, and in a
   * worker (no video element) it has no other clock.
   */
  async estimate(
    frame: FrameInput,
    timestampMs: number,
    options: EstimateOptions = {},
  ): Promise<EstimateResult> {
    let input: tf.Tensor3D | BitmapFrame | undefined;
    try {
      const detector = this.detector;
      if (detector === undefined) throw new Error('PoseService.estimate called before init.');
      if (!(timestampMs > this.lastTimestampMs)) {
        throw new Error(
          `timestampMs must increase: got ${timestampMs} after ${this.lastTimestampMs}.`,
        );
      }
      this.lastTimestampMs = timestampMs;
      input = isRawFrame(frame) ? rgbTensor(frame) : frame;
      const frameSize = { widthPx: frame.width, heightPx: frame.height };
      // The people count is a hint: if its model fails, the frame's pose still comes back.
      const counting = this.deps.nowMs();
      const personCount =
        options.countPeople === true
          ? await this.countPeople(input).catch(() => undefined)
          : undefined;
      const started = this.deps.nowMs();
      const poses = await detector.estimatePoses(
        input,
        { maxPoses: 1, flipHorizontal: false },
        timestampMs,
      );
      const inferenceMs = this.deps.nowMs() - started;
      const found = poses[0];
      const pose =
        found === undefined
          ? null
          : poseFromDetector(
              found.keypoints,
              found.score,
              frameSize,
              timestampMs,
              found.keypoints3D,
            );
      return personCount === undefined
        ? { timestampMs, pose, inferenceMs }
        : { timestampMs, pose, inferenceMs, personCount, peopleMs: started - counting };
    } finally {
      if (input instanceof tf.Tensor) input.dispose();
      closeFrame(frame);
    }
  }

  private async countPeople(input: tf.Tensor3D | BitmapFrame): Promise<number> {
    const manifest = this.manifest;
    if (manifest === undefined) return 0;
    this.peopleCounter ??= verifiedModelHandler(
      this.deps.readAsset,
      manifest,
      'movenet-multipose.json',
    ).then((modelUrl) =>
      poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
        modelType: poseDetection.movenet.modelType.MULTIPOSE_LIGHTNING,
        modelUrl,
        enableTracking: false,
        enableSmoothing: false,
      }),
    );
    const people = await (await this.peopleCounter).estimatePoses(input, { maxPoses: 6 });
    return people.filter((p) => (p.score ?? 0) >= PERSON_SCORE).length;
  }

  /** Forgets tracking state (a new video, or a long pause); the model stays loaded. */
  reset(): void {
    this.detector?.reset();
    this.lastTimestampMs = -Infinity;
  }

  currentModel(): ModelId | undefined {
    return this.model;
  }

  dispose(): void {
    this.detector?.dispose();
    this.detector = undefined;
    void this.peopleCounter?.then((d) => d.dispose());
    this.peopleCounter = undefined;
    this.model = undefined;
  }
}
