import type { EstimateResult } from '../detector/pose-service.ts';
import type { CameraFeed } from './camera-feed.ts';
import { CameraFrameLoop } from './frame-source.ts';
import type { PoseClient, StreamResult } from './pose-client.ts';
import type { PoseSource } from './pose-source.ts';

/** A live result with where its time went (the bitmap path fills in what it can). */
export type LiveResult = EstimateResult & Partial<StreamResult> & { readonly receivedMs: number };

/** Camera frames arrive but no pose comes back for this long: the worker is hung or dead (ms). */
export const WORKER_SILENT_MS = 4000;

/**
 * Connects the camera to the detector. With the pose worker and a browser that can hand it the
 * camera's frames (MediaStreamTrackProcessor), frames go straight to the worker and never touch
 * this thread; otherwise (MediaPipe on the main thread, other browsers) each new video frame is
 * turned into a bitmap here. Restarts a worker that has gone quiet while the camera is live.
 */
export class LiveLoop {
  private bitmapLoop: CameraFrameLoop | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastResultMs = 0;
  private countPeople = false;

  constructor(
    private readonly feed: CameraFeed,
    private readonly onResult: (r: LiveResult) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(source: PoseSource, client: PoseClient | undefined): Promise<void> {
    this.stop();
    this.lastResultMs = performance.now();
    if (client !== undefined && source === client && this.feed.canStream) {
      await client.startStream(
        () => this.feed.frames(),
        (r) => this.deliver(r),
        this.streamOptions(),
      );
      this.watchdog = setInterval(() => {
        if (
          this.feed.active &&
          !client.busy &&
          performance.now() - this.lastResultMs > WORKER_SILENT_MS
        ) {
          this.lastResultMs = performance.now();
          void client.restart(`no poses for ${WORKER_SILENT_MS / 1000} s`).catch(this.onError);
        }
      }, 500);
      this.client = client;
      return;
    }
    this.bitmapLoop = new CameraFrameLoop(
      this.feed.videoElement,
      source,
      (r) => this.deliver(r),
      this.onError,
      () => this.countPeople,
    );
    this.bitmapLoop.start();
  }

  private client: PoseClient | undefined;

  private streamOptions() {
    return {
      pageTimeOrigin: performance.timeOrigin,
      ...(this.countPeople ? { countPeopleEveryMs: 2000 } : {}),
    };
  }

  /** People are counted (a second model) only while setting up, never during a set. */
  setCountPeople(on: boolean): void {
    if (on === this.countPeople) return;
    this.countPeople = on;
    this.client?.setStreamOptions(this.streamOptions());
  }

  private deliver(r: LiveResult): void {
    this.lastResultMs = performance.now();
    this.onResult(r);
  }

  stop(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    this.bitmapLoop?.stop();
    this.bitmapLoop = undefined;
    if (this.client !== undefined) void this.client.stopStream().catch(() => undefined);
    this.client = undefined;
  }
}
