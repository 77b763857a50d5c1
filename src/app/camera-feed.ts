import { openCamera, stopStream } from './camera.ts';

/** No new camera frame for this long: the camera has stopped (ms). */
export const CAMERA_STALL_MS = 2000;
const WATCH_EVERY_MS = 250;

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

type ProcessorCtor = new (init: { track: MediaStreamTrack }) => {
  readonly readable: ReadableStream<VideoFrame>;
};

export interface CameraFeedEvents {
  /** The camera ended (unplugged, revoked) or stopped sending frames. */
  readonly onLost: (why: 'ended' | 'stalled') => void;
  /** Frames flow again after a stall. */
  readonly onResumed: () => void;
  /** Each frame the camera delivers to the page (counted by the live stats). */
  readonly onFrame?: () => void;
}

/**
 * The camera: shows it in the <video>, hands the pose worker a stream of its frames, notices when
 * it ends or goes quiet, and can reopen the same device ("Try again").
 */
export class CameraFeed {
  private stream: MediaStream | undefined;
  private clones: MediaStreamTrack[] = [];
  private deviceId: string | undefined;
  private lastFrameMs = 0;
  private stalled = false;
  /** The track ended: no frame can follow, only reopening the camera brings it back. */
  private ended = false;
  private watch: ReturnType<typeof setInterval> | undefined;
  private frameHandle: number | undefined;
  /** Times stopped: an open that finds it changed was stopped while the browser opened it. */
  private stops = 0;

  constructor(
    private readonly video: FrameCallbackVideo,
    private readonly events: CameraFeedEvents,
  ) {}

  get videoElement(): HTMLVideoElement {
    return this.video;
  }

  get active(): boolean {
    return this.stream !== undefined;
  }

  /** Frames are arriving (open, and neither ended nor quiet for CAMERA_STALL_MS). */
  get delivering(): boolean {
    return this.stream !== undefined && !this.stalled;
  }

  get device(): string | undefined {
    return this.deviceId;
  }

  /**
   * Opens a camera (the last one used, or `deviceId`); throws a CameraError a person can act on.
   * Stopped (or opened again) before the browser hands the camera over, it closes that camera and
   * stays off: a person who left the workout while the browser asked for the camera does not find
   * it on behind the home screen.
   */
  async open(deviceId: string | undefined = this.deviceId): Promise<void> {
    this.stop();
    const opening = this.stops;
    const stream = await openCamera(deviceId, () => this.lost('ended'));
    if (opening !== this.stops) {
      stopStream(stream);
      return;
    }
    this.stream = stream;
    this.deviceId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
    this.video.srcObject = stream;
    await this.video.play();
    this.lastFrameMs = performance.now();
    this.stalled = false;
    this.ended = false;
    this.watchFrames();
  }

  /** Whether frames can be streamed straight into a worker (MediaStreamTrackProcessor). */
  get canStream(): boolean {
    return (
      (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor !==
      undefined
    );
  }

  /** A fresh stream of the camera's frames (from a clone of its track), for the pose worker. */
  frames(): ReadableStream<VideoFrame> {
    const track = this.stream?.getVideoTracks()[0];
    const Processor = (globalThis as { MediaStreamTrackProcessor?: ProcessorCtor })
      .MediaStreamTrackProcessor;
    if (track === undefined || Processor === undefined) throw new Error('No camera stream.');
    const clone = track.clone();
    this.clones.push(clone);
    return new Processor({ track: clone }).readable;
  }

  private watchFrames(): void {
    const onFrame = () => {
      this.lastFrameMs = performance.now();
      this.events.onFrame?.();
      if (this.stalled && !this.ended) {
        this.stalled = false;
        this.events.onResumed();
      }
      if (this.stream !== undefined)
        this.frameHandle = this.video.requestVideoFrameCallback?.(onFrame);
    };
    this.frameHandle = this.video.requestVideoFrameCallback?.(onFrame);
    this.watch = setInterval(() => {
      if (!this.stalled && performance.now() - this.lastFrameMs > CAMERA_STALL_MS) {
        this.lost('stalled');
      }
    }, WATCH_EVERY_MS);
  }

  private lost(why: 'ended' | 'stalled'): void {
    if (this.stream === undefined || this.ended) return;
    this.stalled = true;
    this.ended = why === 'ended';
    this.events.onLost(why);
  }

  stop(): void {
    this.stops += 1;
    clearInterval(this.watch);
    this.watch = undefined;
    if (this.frameHandle !== undefined) this.video.cancelVideoFrameCallback?.(this.frameHandle);
    this.frameHandle = undefined;
    for (const c of this.clones) c.stop();
    this.clones = [];
    stopStream(this.stream);
    this.stream = undefined;
    this.video.srcObject = null;
  }
}
