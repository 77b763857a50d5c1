/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import type {
  EstimateOptions,
  EstimateResult,
  FrameInput,
  PoseService,
  PoseServiceOptions,
} from '../src/detector/pose-service.ts';
import { PeopleCountSchedule } from '../src/engine/others-in-view.ts';
import { scaledFrameSize } from '../src/pose/frame-size.ts';

/** One analysed camera frame, with the times the live benchmark breaks the latency into. */
export interface StreamResult extends EstimateResult {
  /**
   * When the camera captured the frame, on the page's clock (ms): the VideoFrame's capture
   * timestamp, aligned to the page's clock by the smallest delivery delay seen (so a frame that
   * waited in the stream while the detector was busy shows that wait).
   */
  readonly receivedMs: number;
  /** Arrival → the detector free to take it (the frame waited for the previous one), ms. */
  readonly queuedMs: number;
  /** VideoFrame → ImageBitmap (scaled to 640 px) in the worker, ms. */
  readonly bitmapMs: number;
  /** Frames that arrived while this one was being analysed and were dropped for newer ones. */
  readonly skipped: number;
  /** tfjs tensors alive after this frame (a leak shows as growth). */
  readonly tensors: number;
}

export interface StreamOptions {
  /** performance.timeOrigin of the page: results carry times on the page's clock. */
  readonly pageTimeOrigin: number;
  /**
   * Also count the people in view this often (ms), and more often after the person followed
   * jumps (others-in-view.ts); undefined = never.
   */
  readonly countPeopleEveryMs?: number;
}

/**
 * Reads camera frames (a transferred MediaStreamTrackProcessor stream) and analyses the newest
 * one whenever the detector is free: frames that arrive meanwhile are closed unread. Nothing of
 * this runs on the page's main thread.
 */
class CameraStream {
  private latest: { frame: VideoFrame; receivedMs: number } | undefined;
  private reader: ReadableStreamDefaultReader<VideoFrame> | undefined;
  private skipped = 0;
  private wake: (() => void) | undefined;
  private running = true;
  /** When to count the people in view, while they are counted. */
  private people: PeopleCountSchedule | undefined;
  private lastTimestampMs = -Infinity;
  /** Page clock minus capture clock, the smallest seen (ms). */
  private captureOffsetMs = Infinity;

  constructor(
    private readonly service: PoseService,
    private readonly readable: ReadableStream<VideoFrame>,
    private readonly onResult: (r: StreamResult) => void,
    private options: StreamOptions,
  ) {
    this.people = peopleSchedule(options);
    void this.read();
    void this.analyse();
  }

  setOptions(options: StreamOptions): void {
    // Counting turned on again (a set starts after a rest): counted on the next frame.
    if (options.countPeopleEveryMs !== this.options.countPeopleEveryMs)
      this.people = peopleSchedule(options);
    this.options = options;
  }

  private pageNowMs(): number {
    return performance.timeOrigin + performance.now() - this.options.pageTimeOrigin;
  }

  /** The frame's capture time on the page's clock; its arrival when it carries no timestamp. */
  private captureMs(frame: VideoFrame): number {
    const now = this.pageNowMs();
    const capturedMs = frame.timestamp / 1000;
    if (!Number.isFinite(capturedMs) || capturedMs <= 0) return now;
    this.captureOffsetMs = Math.min(this.captureOffsetMs, now - capturedMs);
    return capturedMs + this.captureOffsetMs;
  }

  private async read(): Promise<void> {
    const reader = this.readable.getReader();
    this.reader = reader;
    try {
      while (this.running) {
        const { value, done } = await reader.read();
        if (done) break;
        // A frame that arrives after stop() has no one left to analyse it: close it here, or it
        // is garbage collected unclosed and holds the camera's frame pool (Chromium warns).
        if (!this.running) {
          value.close();
          break;
        }
        if (this.latest !== undefined) {
          this.latest.frame.close();
          this.skipped += 1;
        }
        this.latest = { frame: value, receivedMs: this.captureMs(value) };
        this.wake?.();
      }
    } finally {
      this.running = false;
      this.wake?.();
      await reader.cancel().catch(() => undefined);
    }
  }

  private async analyse(): Promise<void> {
    while (this.running) {
      if (this.latest === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      const { frame, receivedMs } = this.latest;
      this.latest = undefined;
      const skipped = this.skipped;
      this.skipped = 0;
      const started = performance.now();
      const queuedMs = this.pageNowMs() - receivedMs;
      let input: FrameInput;
      try {
        const size = scaledFrameSize(frame.displayWidth, frame.displayHeight);
        // The page asks the camera for this size (app/camera.ts); a larger frame is resized here.
        input =
          size.width === frame.displayWidth
            ? await createImageBitmap(frame)
            : await createImageBitmap(frame, {
                resizeWidth: size.width,
                resizeHeight: size.height,
                resizeQuality: 'medium',
              });
      } finally {
        frame.close();
      }
      const bitmapMs = performance.now() - started;
      // Strictly rising timestamps on the page's clock (pose-detection smooths with them).
      const timestampMs = Math.max(receivedMs, this.lastTimestampMs + 0.001);
      this.lastTimestampMs = timestampMs;
      const people = this.people;
      const countPeople = people?.due(timestampMs) === true;
      const estimateOptions: EstimateOptions = countPeople ? { countPeople } : {};
      const result = await this.service.estimate(input, timestampMs, estimateOptions);
      if (!this.running) break;
      people?.saw(result.pose, timestampMs);
      this.onResult({
        ...result,
        receivedMs,
        queuedMs,
        bitmapMs,
        skipped,
        tensors: tf.memory().numTensors,
      });
    }
    this.latest?.frame.close();
    this.latest = undefined;
  }

  stop(): void {
    this.running = false;
    this.wake?.();
    // The stream is locked to the reader: cancel through it (a pending read then ends).
    void (this.reader ?? this.readable).cancel().catch(() => undefined);
  }
}

/** A fresh schedule (its first frame is counted) when the options ask for counts. */
const peopleSchedule = (options: StreamOptions): PeopleCountSchedule | undefined =>
  options.countPeopleEveryMs === undefined
    ? undefined
    : new PeopleCountSchedule(0, options.countPeopleEveryMs);

/**
 * What the pose worker exposes over comlink (the page's PoseClient owns it): frames one at a
 * time (recorded videos, tests), or the camera's frames streamed straight into the worker.
 */
export function createWorkerApi(
  service: PoseService,
  lifeLock: Promise<boolean> = Promise.resolve(false),
) {
  let stream: CameraStream | undefined;
  return {
    init: (options: PoseServiceOptions) => service.init(options),
    estimate: (frame: FrameInput, timestampMs: number, options?: EstimateOptions) =>
      service.estimate(frame, timestampMs, options),
    reset: () => {
      stream?.stop();
      stream = undefined;
      service.reset();
    },
    startStream(
      readable: ReadableStream<VideoFrame>,
      onResult: (r: StreamResult) => void,
      options: StreamOptions,
    ): void {
      stream?.stop();
      service.reset();
      stream = new CameraStream(service, readable, onResult, options);
    },
    setStreamOptions(options: StreamOptions): void {
      stream?.setOptions(options);
    },
    stopStream(): void {
      stream?.stop();
      stream = undefined;
    },
    /** Whether the worker holds its life lock (named by the page; life-lock.ts). */
    lifeLock: () => lifeLock,
    /** Answers at once when the worker is alive and its event loop free (the liveness probe). */
    ping(): true {
      return true;
    },

    /** Ends the worker as a crash would (a test seam for the page's recovery). */
    crash(): void {
      self.close();
    },

    /** Blocks the worker for good, as an endless loop in a model would (a test seam). */
    hang(): void {
      setTimeout(() => {
        for (;;) {
          // never returns: the worker answers nothing from here on
        }
      }, 0);
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
