import { proxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type {
  EstimateOptions,
  EstimateResult,
  PoseServiceInfo,
  PoseServiceOptions,
  RawFrame,
} from '../detector/pose-service.ts';
import type { StreamOptions, StreamResult, WorkerApi } from '../../workers/pose-worker-api.ts';
import { withDeadline } from './deadline.ts';
import type { PoseSource } from './pose-source.ts';

export type Frame = ImageBitmap | RawFrame;
export type { StreamResult };

export interface ClientStats {
  readonly submitted: number;
  readonly analysed: number;
  readonly dropped: number;
  readonly restarts: number;
}

/** A worker to talk to: where its messages go, how to end it, how it reports dying. */
export interface WorkerHandle {
  readonly endpoint: Endpoint;
  terminate(): void;
  /** Called when the worker fails to load or throws outside a call. */
  onError(listener: (message: string) => void): void;
  /** The Web Lock the worker holds for its life (life-lock.ts), when there is one. */
  readonly lifeLock?: string;
}

/** A frame still unanswered after this long means the worker hung (a heavy model takes ~1 s). */
export const FRAME_DEADLINE_MS = 10_000;

function transferables(frame: Frame): Transferable[] {
  return 'data' in frame ? [frame.data.buffer as ArrayBuffer] : [frame];
}

function release(frame: Frame): void {
  if (!('data' in frame)) frame.close();
}

class WorkerLost extends Error {
  override name = 'WorkerLost';
}

/** The worker failed before it loaded a model: its script could not be loaded or run. */
export class WorkerNotStarted extends Error {
  override name = 'WorkerNotStarted';
}

/** Told when the client replaces its worker, and when a replacement it started on its own fails. */
export interface RestartCallbacks {
  readonly onRestart?: (reason: string) => void;
  /** A restart nobody awaits failed (the model could not load, say); the watchdog tries again. */
  readonly onRestartFailed?: (error: unknown) => void;
}

/**
 * The main thread's one handle on the pose worker: starts it, sends frames (transferred, never
 * copied, one in flight, the rest dropped) or streams the camera into it, and restarts it with the
 * same model when it dies or hangs (`restart`, also called by whoever notices it has gone quiet).
 */
export class PoseClient implements PoseSource {
  private handle: WorkerHandle;
  private remote: Remote<WorkerApi>;
  private options: PoseServiceOptions | undefined;
  private stream:
    | {
        readonly open: () => ReadableStream<VideoFrame>;
        readonly onResult: (r: StreamResult) => void;
        options: StreamOptions;
      }
    | undefined;
  private inFlight = false;
  private lastTimestampMs = -Infinity;
  private restarting: Promise<void> | undefined;
  /**
   * Rejects when the current worker fails before it has loaded a model (its script did not load,
   * say): a call on such a worker would wait for ever, so a load races this.
   */
  private failed: Promise<never> = new Promise<never>(() => undefined);
  /** The current worker has loaded a model: a failure from now on is a crash, to restart from. */
  private workerLoaded = false;
  /** The current worker failed before it loaded one (see `failed`). */
  private workerFailed = false;
  private stopped = false;
  private stats = { submitted: 0, analysed: 0, dropped: 0, restarts: 0 };

  private readonly onRestart: (reason: string) => void;
  private readonly onRestartFailed: (error: unknown) => void;
  private readonly frameDeadlineMs: number;

  constructor(
    private readonly spawn: () => WorkerHandle,
    options: RestartCallbacks & { readonly frameDeadlineMs?: number } = {},
  ) {
    this.onRestart = options.onRestart ?? (() => undefined);
    this.onRestartFailed = options.onRestartFailed ?? (() => undefined);
    this.frameDeadlineMs = options.frameDeadlineMs ?? FRAME_DEADLINE_MS;
    this.handle = this.connect();
    this.remote = wrap<WorkerApi>(this.handle.endpoint);
    this.watchLife(this.handle, this.remote);
  }

  /** Starts the real module worker. */
  static start(callbacks: RestartCallbacks = {}): PoseClient {
    return new PoseClient(() => {
      const lifeLock = `formcheck-pose-worker-${crypto.randomUUID()}`;
      const worker = new Worker(new URL('../../workers/pose.worker.ts', import.meta.url), {
        type: 'module',
        name: lifeLock,
      });
      return {
        lifeLock,
        endpoint: worker,
        terminate: () => worker.terminate(),
        onError: (listener) => {
          worker.addEventListener('error', (e) => listener(e.message || 'the worker failed'));
          worker.addEventListener('messageerror', () => listener('a message could not be read'));
        },
      };
    }, callbacks);
  }

  /**
   * Starts a worker. One that fails once it has loaded a model is replaced (`restart`); one that
   * fails before (a worker script the browser could not load: an update's, a host's error) makes
   * the load fail with the reason, where it waited for ever and the page stalled with no word.
   */
  private connect(): WorkerHandle {
    const handle = this.spawn();
    let fail: (error: Error) => void = () => undefined;
    this.failed = new Promise<never>((_resolve, reject) => (fail = reject));
    this.failed.catch(() => undefined);
    this.workerLoaded = false;
    this.workerFailed = false;
    handle.onError((message) => {
      if (handle !== this.handle) return;
      if (this.workerLoaded) {
        this.restartUnawaited(`the pose worker failed (${message})`);
        return;
      }
      this.workerFailed = true;
      fail(new WorkerNotStarted(`The pose worker could not start (${message}): reload the page.`));
    });
    return handle;
  }

  /** A fresh worker in place of the current one (which is ended). */
  private replaceWorker(): void {
    this.handle.terminate();
    this.handle = this.connect();
    this.remote = wrap<WorkerApi>(this.handle.endpoint);
    this.watchLife(this.handle, this.remote);
  }

  /**
   * Waits on the worker's life lock: the browser grants it to the page only when the worker has
   * ended (a crash, `self.close()`), and then the worker is replaced at once.
   */
  private watchLife(handle: WorkerHandle, remote: Remote<WorkerApi>): void {
    const name = handle.lifeLock;
    const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
    if (name === undefined || locks === undefined) return;
    void remote
      .lifeLock()
      .then((held) => {
        if (!held) return;
        return locks.request(name, () => {
          if (handle === this.handle && !this.stopped)
            this.restartUnawaited('the pose worker ended');
        });
      })
      .catch(() => undefined);
  }

  /**
   * Loads a model in the worker. A worker that failed before loading one is replaced first (a
   * retry after its script could not load starts a new one); the load fails as soon as the
   * worker does.
   */
  async init(options: PoseServiceOptions): Promise<PoseServiceInfo> {
    this.options = options;
    if (this.workerFailed) this.replaceWorker();
    const handle = this.handle;
    const info = await Promise.race([this.remote.init(options), this.failed]);
    if (handle === this.handle) this.workerLoaded = true;
    this.lastTimestampMs = -Infinity;
    return info;
  }

  /** True while a frame is being analysed: a frame submitted now would be dropped. */
  get busy(): boolean {
    return this.inFlight || this.restarting !== undefined;
  }

  /**
   * Sends one frame, or drops it (closing it) when the worker is busy or the timestamp does not
   * rise. Resolves to the result, `undefined` for a dropped frame or a lost worker (restarted).
   */
  async submit(
    frame: Frame,
    timestampMs: number,
    options: EstimateOptions = {},
  ): Promise<EstimateResult | undefined> {
    this.stats.submitted += 1;
    if (this.busy || !(timestampMs > this.lastTimestampMs)) {
      this.stats.dropped += 1;
      release(frame);
      return undefined;
    }
    this.inFlight = true;
    this.lastTimestampMs = timestampMs;
    try {
      const result = await withDeadline(
        this.remote.estimate(transfer(frame, transferables(frame)), timestampMs, options),
        this.frameDeadlineMs,
        () => new WorkerLost('no answer'),
      );
      this.stats.analysed += 1;
      return result;
    } catch (error) {
      if (!(error instanceof WorkerLost)) throw error;
      this.restartUnawaited(`the pose worker did not answer for ${this.frameDeadlineMs / 1000} s`);
      return undefined;
    } finally {
      this.inFlight = false;
    }
  }

  /**
   * Streams camera frames into the worker: it analyses the newest whenever it is free and calls
   * back with each result. `open` makes a fresh frame stream (a restarted worker needs a new one).
   */
  async startStream(
    open: () => ReadableStream<VideoFrame>,
    onResult: (r: StreamResult) => void,
    options: StreamOptions,
  ): Promise<void> {
    this.stream = { open, onResult, options };
    const readable = open();
    await this.remote.startStream(transfer(readable, [readable]), proxy(onResult), options);
  }

  setStreamOptions(options: StreamOptions): void {
    if (this.stream === undefined) return;
    this.stream.options = options;
    void this.remote.setStreamOptions(options);
  }

  async stopStream(): Promise<void> {
    this.stream = undefined;
    await this.remote.stopStream();
  }

  /** A restart started where nothing awaits it: a failure goes to `onRestartFailed`. */
  private restartUnawaited(reason: string): void {
    this.restart(reason).catch((error: unknown) => this.onRestartFailed(error));
  }

  /**
   * Replaces a dead or hung worker with a new one: same model, and the camera stream again if one
   * was running. Concurrent calls share one restart.
   */
  restart(reason: string): Promise<void> {
    this.restarting ??= (async () => {
      this.stats.restarts += 1;
      this.onRestart(reason);
      this.replaceWorker();
      this.inFlight = false;
      if (this.options !== undefined) await this.init(this.options);
      const s = this.stream;
      if (s !== undefined) await this.startStream(s.open, s.onResult, s.options);
    })().finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  async reset(): Promise<void> {
    this.stream = undefined;
    await this.remote.reset();
    this.lastTimestampMs = -Infinity;
  }

  /**
   * Whether the worker answers within `timeoutMs`: a worker that ended itself or crashed without
   * an error event never does (a busy one answers once its current frame is done).
   */
  async alive(timeoutMs: number): Promise<boolean> {
    return withDeadline(this.remote.ping(), timeoutMs, () => new WorkerLost('no answer')).then(
      () => true,
      () => false,
    );
  }

  /** Ends the worker as a crash would: a test seam for the recovery above. */
  crashForTest(): void {
    void this.remote.crash().catch(() => undefined);
  }

  /** Blocks the worker for good: a test seam for the hang detection. */
  hangForTest(): void {
    void this.remote.hang().catch(() => undefined);
  }

  counts(): ClientStats {
    return { ...this.stats };
  }

  stop(): void {
    this.stopped = true;
    this.handle.terminate();
  }
}
