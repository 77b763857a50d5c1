import type { EstimateOptions, EstimateResult } from '../detector/pose-service.ts';

/** Anything that turns frames into poses for the page: the pose worker, or MediaPipe on the main thread. */
export interface PoseSource {
  /** True while a frame is being analysed: frames submitted now are dropped (closed). */
  readonly busy: boolean;
  /** Resolves to the result, or undefined for a dropped frame. The frame is always released. */
  submit(
    frame: ImageBitmap,
    timestampMs: number,
    options?: EstimateOptions,
  ): Promise<EstimateResult | undefined>;
  /** Forget tracking state (a new video, a new camera). */
  reset(): Promise<void>;
}
