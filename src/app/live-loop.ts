import type { EstimateResult } from '../detector/pose-service.ts';
import type { CameraFeed } from './camera-feed.ts';
import { PEOPLE_COUNT_EVERY_MS } from '../engine/others-in-view.ts';
import { CameraFrameLoop } from './frame-source.ts';
import type { PoseClient, StreamResult } from './pose-client.ts';
import type { PoseSource } from './pose-source.ts';

/** A live result with where its time went (the bitmap path fills in what it can). */
export type LiveResult = EstimateResult & Partial<StreamResult> & { readonly receivedMs: number };

/**
 * Camera frames arrive but no pose has come back for this long: ask the worker whether it is alive
 * (ms). BlazePose full answers every ~50-70 ms here, heavy every ~350 ms.
 */
export const WORKER_QUIET_MS = 1000;
/**
 * How long a living worker may take to answer that question: it answers between two frames, so
 * this must exceed the slowest frame of the slowest model (heavy, ~350 ms here) and the first
 * frames after a model loads (kernels set up, the people counter loading: a second or two on a
 * slow CPU). A worker that has *ended* is noticed at once through its life lock; this only
 * catches one that hangs.
 */
export const WORKER_PROBE_TIMEOUT_MS = 5000;
/** A worker that answers but has sent no pose for this long has lost its stream: restart it (ms). */
export const WORKER_STUCK_MS = 5000;
const WATCH_EVERY_MS = 250;

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
  private client: PoseClient | undefined;
  private probing = false;

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
      this.watchdog = setInterval(() => void this.watch(client), WATCH_EVERY_MS);
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

  /**
   * A worker that sends no poses while camera frames arrive is probed; one that does not answer
   * is replaced (same model, same stream). A quiet camera is the camera feed's business.
   */
  private async watch(client: PoseClient): Promise<void> {
    if (!this.feed.delivering) this.lastResultMs = performance.now();
    const quietMs = performance.now() - this.lastResultMs;
    if (this.probing || client.busy || quietMs < WORKER_QUIET_MS) return;
    this.probing = true;
    try {
      const alive = await client.alive(WORKER_PROBE_TIMEOUT_MS);
      if (this.client !== client || (alive && quietMs < WORKER_STUCK_MS)) return;
      this.lastResultMs = performance.now();
      await client.restart(alive ? 'no poses for 5 s' : 'it stopped answering');
    } catch (error) {
      this.onError(error);
    } finally {
      this.probing = false;
    }
  }

  private streamOptions() {
    return {
      pageTimeOrigin: performance.timeOrigin,
      ...(this.countPeople ? { countPeopleEveryMs: PEOPLE_COUNT_EVERY_MS } : {}),
    };
  }

  /** Camera frames are going to the detector (started, not stopped since). */
  get running(): boolean {
    return this.bitmapLoop !== undefined || this.client !== undefined;
  }

  /**
   * People are counted (a second model, every 2 s) while setting up and during a set, not in the
   * rest between sets (WorkoutSession.watchesForOthers).
   */
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
