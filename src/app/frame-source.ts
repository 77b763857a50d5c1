import { frameBitmap } from './frame-bitmap.ts';
import type { PoseSource } from './pose-source.ts';
import type { EstimateResult } from '../../workers/pose-service.ts';

const PEOPLE_COUNT_EVERY_MS = 1000;

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * The live loop: each new camera frame becomes an ImageBitmap sent to the worker, unless the
 * worker is still busy (then the frame is skipped: one in flight, never a queue). Timestamps come
 * from the page clock, so they always rise.
 */
export class CameraFrameLoop {
  private running = false;
  private handle: number | undefined;
  private lastMediaTime = -1;
  private lastPeopleCountMs = -Infinity;

  constructor(
    private readonly video: FrameCallbackVideo,
    private readonly client: PoseSource,
    private readonly onResult: (result: EstimateResult) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.handle !== undefined) {
      if (this.video.cancelVideoFrameCallback) this.video.cancelVideoFrameCallback(this.handle);
      else cancelAnimationFrame(this.handle);
    }
    this.handle = undefined;
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.video.requestVideoFrameCallback) {
      this.handle = this.video.requestVideoFrameCallback((_now, meta) =>
        this.onFrame(meta.mediaTime),
      );
    } else {
      this.handle = requestAnimationFrame(() => this.onFrame(this.video.currentTime));
    }
  }

  private onFrame(mediaTime: number): void {
    this.schedule();
    if (this.client.busy || mediaTime === this.lastMediaTime || this.video.readyState < 2) return;
    this.lastMediaTime = mediaTime;
    const timestampMs = performance.now();
    // Count the people in view about once a second (a second, small model): the set-up check.
    const countPeople = timestampMs - this.lastPeopleCountMs >= PEOPLE_COUNT_EVERY_MS;
    if (countPeople) this.lastPeopleCountMs = timestampMs;
    frameBitmap(this.video)
      .then((bitmap) => this.client.submit(bitmap, timestampMs, { countPeople }))
      .then((result) => {
        if (result !== undefined && this.running) this.onResult(result);
      })
      .catch((error: unknown) => this.onError(error));
  }
}
