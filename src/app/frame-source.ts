import { frameBitmap } from './frame-bitmap.ts';
import type { PoseSource } from './pose-source.ts';
import type { LiveResult } from './live-loop.ts';
import { PeopleCountSchedule } from '../engine/others-in-view.ts';

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * The page-side live loop (MediaPipe on the main thread, or a browser that cannot hand camera
 * frames to a worker): each new camera frame becomes an ImageBitmap sent to the detector, unless
 * it is still busy (then the frame is skipped: one in flight, never a queue).
 */
export class CameraFrameLoop {
  private running = false;
  private handle: number | undefined;
  private lastMediaTime = -1;
  /** When to count the people in view, while they are counted (a fresh one each time on). */
  private people: PeopleCountSchedule | undefined;

  constructor(
    private readonly video: FrameCallbackVideo,
    private readonly source: PoseSource,
    private readonly onResult: (result: LiveResult) => void,
    private readonly onError: (error: unknown) => void,
    private readonly countPeople: () => boolean = () => false,
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
    if (this.source.busy || mediaTime === this.lastMediaTime || this.video.readyState < 2) return;
    this.lastMediaTime = mediaTime;
    const receivedMs = performance.now();
    if (!this.countPeople()) this.people = undefined;
    else this.people ??= new PeopleCountSchedule();
    const people = this.people;
    const countPeople = people?.due(receivedMs) === true;
    frameBitmap(this.video)
      .then((bitmap) => {
        const bitmapMs = performance.now() - receivedMs;
        return this.source
          .submit(bitmap, receivedMs, countPeople ? { countPeople } : {})
          .then((r) => {
            if (r === undefined) return undefined;
            people?.saw(r.pose, receivedMs);
            return { ...r, receivedMs, bitmapMs };
          });
      })
      .then((result) => {
        if (result !== undefined && this.running) this.onResult(result);
      })
      .catch((error: unknown) => this.onError(error));
  }
}
