import { transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { PoseSource } from './pose-source.ts';
import type {
  EstimateOptions,
  EstimateResult,
  PoseService,
  PoseServiceInfo,
  PoseServiceOptions,
  RawFrame,
} from '../../workers/pose-service.ts';

export type Frame = ImageBitmap | RawFrame;

export interface ClientStats {
  readonly submitted: number;
  readonly analysed: number;
  readonly dropped: number;
}

function transferables(frame: Frame): Transferable[] {
  return 'data' in frame ? [frame.data.buffer as ArrayBuffer] : [frame];
}

function release(frame: Frame): void {
  if (!('data' in frame)) frame.close();
}

/**
 * The main thread's one handle on the pose worker: starts it, sends frames (transferred, never
 * copied), keeps one frame in flight and drops the rest, and stops it. Timestamps must rise;
 * the client enforces it so the worker's smoothing always has a clock.
 */
export class PoseClient implements PoseSource {
  private readonly remote: Remote<PoseService>;
  private inFlight = false;
  private lastTimestampMs = -Infinity;
  private stats = { submitted: 0, analysed: 0, dropped: 0 };

  constructor(
    endpoint: Endpoint,
    private readonly terminate: () => void = () => undefined,
  ) {
    this.remote = wrap<PoseService>(endpoint);
  }

  /** Starts the real module worker. */
  static start(): PoseClient {
    const worker = new Worker(new URL('../../workers/pose.worker.ts', import.meta.url), {
      type: 'module',
    });
    return new PoseClient(worker, () => worker.terminate());
  }

  async init(options: PoseServiceOptions): Promise<PoseServiceInfo> {
    const info = await this.remote.init(options);
    this.lastTimestampMs = -Infinity;
    return info;
  }

  /** True while a frame is being analysed: a frame submitted now would be dropped. */
  get busy(): boolean {
    return this.inFlight;
  }

  /**
   * Sends one frame, or drops it (closing it) when the worker is still busy or the timestamp does
   * not rise. Resolves to the result, or `undefined` for a dropped frame.
   */
  async submit(
    frame: Frame,
    timestampMs: number,
    options: EstimateOptions = {},
  ): Promise<EstimateResult | undefined> {
    this.stats.submitted += 1;
    if (this.inFlight || !(timestampMs > this.lastTimestampMs)) {
      this.stats.dropped += 1;
      release(frame);
      return undefined;
    }
    this.inFlight = true;
    this.lastTimestampMs = timestampMs;
    try {
      const result = await this.remote.estimate(
        transfer(frame, transferables(frame)),
        timestampMs,
        options,
      );
      this.stats.analysed += 1;
      return result;
    } finally {
      this.inFlight = false;
    }
  }

  async reset(): Promise<void> {
    await this.remote.reset();
    this.lastTimestampMs = -Infinity;
  }

  counts(): ClientStats {
    return { ...this.stats };
  }

  stop(): void {
    this.terminate();
  }
}
