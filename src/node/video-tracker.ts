import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PEOPLE_COUNT_EVERY_MS } from '../engine/others-in-view.ts';
import type { ModelId } from '../pose/model-catalog.ts';
import type { PoseTrack, TrackFrame } from '../pose/pose-track.ts';
import { planStretches } from './stretch-plan.ts';
import type { WorkerReply, WorkerRequest } from './track-worker-main.ts';
import { analysisFps, decodeSize, probeVideo, type VideoInfo } from './video-decoder.ts';

/** A video's poses and what the decoding found. */
export interface TrackedVideo {
  readonly track: PoseTrack;
  readonly info: VideoInfo;
  /** Seconds of video decoded (the last frame's time plus one frame). */
  readonly decodedSec: number;
  /** Seconds of processing, for frames/s and the real-time factor. */
  readonly elapsedSec: number;
}

export interface TrackProgress {
  readonly frame: number;
  readonly totalFrames: number | undefined;
}

export interface TrackOptions {
  /** Analyse at most this many frames per second (default 30, as the live app sees a webcam). */
  readonly maxFps?: number;
  readonly onProgress?: (p: TrackProgress) => void;
  /**
   * Split a long video between the workers (default). Off, one worker tracks it from start to
   * end, exactly as a single detector would: for fixtures that must not depend on the core count.
   */
  readonly split?: boolean;
  /**
   * Count the people in view every 2 s of the video (a second model), so that a report can say
   * someone else came into view (engine/others-in-view.ts). Default off: the eval's and the tests'
   * clips have one person.
   */
  readonly countPeople?: boolean;
}

/** Videos shorter than this are tracked by one worker: a split costs a second of warm-up. */
const MIN_SPLIT_SEC = 8;
/**
 * Each stretch after the first starts decoding this much earlier and drops those poses, so the
 * detector's tracking and smoothing have settled as if it had seen the whole video.
 */
const WARMUP_SEC = 1;

interface Job {
  readonly request: Extract<WorkerRequest, { type: 'job' }>;
  readonly resolve: (frames: readonly TrackFrame[]) => void;
  readonly reject: (error: Error) => void;
  readonly onFrames: (n: number) => void;
}

/**
 * Runs the pose detector over video files in worker threads, one per core: a long video is split
 * into stretches tracked side by side, several videos share the workers, and each worker loads the
 * model once for all of them. Decoding (ffmpeg, a process per stretch) overlaps with inference.
 */
export class VideoTracker {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly busy = new Map<Worker, Job>();
  private nextId = 0;

  private constructor(
    private readonly workers: readonly Worker[],
    readonly model: ModelId,
    readonly backend: string,
  ) {
    for (const w of workers) {
      w.on('message', (reply: WorkerReply) => this.onReply(w, reply));
      w.on('error', (e) => this.fail(w, e));
      this.idle.push(w);
    }
  }

  /** Starts `workers` detectors (default: one per core) and loads the model in each. */
  static async start(model: ModelId, workers = availableParallelism()): Promise<VideoTracker> {
    const url = new URL('./track-worker.mjs', import.meta.url);
    const started = Array.from({ length: Math.max(1, workers) }, () => new Worker(url));
    try {
      const backends = await Promise.all(
        started.map(
          (w) =>
            new Promise<string>((resolve, reject) => {
              const onReply = (reply: WorkerReply) => {
                if (reply.type === 'ready') resolve(reply.backend);
                else if (reply.type === 'error') reject(new Error(reply.message));
                else return;
                w.off('message', onReply);
              };
              w.on('message', onReply);
              w.once('error', reject);
              w.postMessage({ type: 'init', model } satisfies WorkerRequest);
            }),
        ),
      );
      return new VideoTracker(started, model, backends[0] ?? 'wasm');
    } catch (error) {
      await Promise.all(started.map((w) => w.terminate()));
      throw error;
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** The poses of every analysed frame of one video. */
  async track(path: string, options: TrackOptions = {}): Promise<TrackedVideo> {
    const started = performance.now();
    const info = await probeVideo(path);
    const maxFps = options.maxFps ?? 30;
    const fps = analysisFps(info, maxFps);
    const duration = info.durationSec;
    const totalFrames = duration === undefined ? undefined : Math.round(duration * fps);
    const whole = options.split === false || duration === undefined || duration < MIN_SPLIT_SEC;
    const stretches = whole
      ? [{ fromSec: 0, toSec: undefined, warmupSec: 0 }]
      : planStretches(duration, fps, Math.min(this.size, 8), WARMUP_SEC);
    const parts = stretches.length;
    const done = new Array<number>(parts).fill(0);
    const report = () => {
      const frame = done.reduce((a, b) => a + b, 0);
      options.onProgress?.({
        // Warm-up frames are decoded twice: never show more than the video has.
        frame: totalFrames === undefined ? frame : Math.min(frame, totalFrames),
        totalFrames,
      });
    };
    const tracked = await Promise.all(
      stretches.map((stretch, k) =>
        this.run(
          {
            type: 'job',
            id: this.nextId++,
            path,
            info,
            maxFps,
            ...stretch,
            ...(options.countPeople === true ? { countPeopleEveryMs: PEOPLE_COUNT_EVERY_MS } : {}),
          },
          (n) => {
            done[k] = n;
            report();
          },
        ),
      ),
    );
    const frames = mergeStretches(tracked);
    const last = frames[frames.length - 1];
    const size = decodeSize(info, 640);
    return {
      track: {
        source: basename(path),
        model: this.model,
        backend: this.backend,
        frameSize: { widthPx: size.width, heightPx: size.height },
        frames,
      },
      info,
      decodedSec: last === undefined ? 0 : last.timestampMs / 1000 + 1 / fps,
      elapsedSec: (performance.now() - started) / 1000,
    };
  }

  private run(
    request: Job['request'],
    onFrames: (n: number) => void,
  ): Promise<readonly TrackFrame[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject, onFrames });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.busy.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    const job = this.busy.get(worker);
    if (job === undefined) return;
    if (reply.type === 'progress') return job.onFrames(reply.frames);
    if (reply.type !== 'done' && reply.type !== 'error') return;
    this.busy.delete(worker);
    this.idle.push(worker);
    if (reply.type === 'done') job.resolve(reply.frames);
    else job.reject(new Error(reply.message));
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The stretches' frames in order, each frame once (a stretch starts where the last ended). */
function mergeStretches(stretches: readonly (readonly TrackFrame[])[]): TrackFrame[] {
  const out: TrackFrame[] = [];
  for (const s of stretches)
    for (const f of s) {
      const last = out[out.length - 1];
      if (last === undefined || f.timestampMs > last.timestampMs + 1e-6) out.push(f);
    }
  return out;
}

/** One video's pose track with one worker (tests, the eval): the tracker's pool of one. */
export async function trackVideo(
  path: string,
  model: ModelId,
  onProgress?: (p: TrackProgress) => void,
): Promise<PoseTrack> {
  const tracker = await VideoTracker.start(model, 1);
  try {
    return (await tracker.track(path, onProgress === undefined ? {} : { onProgress })).track;
  } finally {
    await tracker.close();
  }
}
