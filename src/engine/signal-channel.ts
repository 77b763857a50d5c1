import { MedianFilter } from '../geometry/median-filter.ts';
import { oneEuroStep, type OneEuroParams, type OneEuroState } from '../geometry/one-euro-filter.ts';
import type { Side } from '../pose/skeleton.ts';
import { SideFuser } from './side-fuser.ts';

/**
 * Signal smoothing: a 150 ms running median drops single-frame keypoint spikes, then One Euro. The
 * detector already smooths keypoints (pose-detection's own filters, driven by our timestamps);
 * this second One Euro pass on the counted signal trades a few ms of lag for steadier hysteresis.
 * 1.5 Hz at rest keeps a still stand steady; beta lets 1-2 Hz reps through.
 */
const SIGNAL_FILTER: OneEuroParams = { minCutoffHz: 1.5, beta: 2, derivativeCutoffHz: 1 };

/** One counted signal from per-side values: side-fused, spike-filtered, One Euro smoothed. */
export class SignalChannel {
  private readonly sides: SideFuser;
  private readonly spikes = new MedianFilter();
  private filter: OneEuroState | undefined;

  /** `maxSideDisagreement`: see `SideFuser` (a movement both legs make alike). */
  constructor(maxSideDisagreement?: number) {
    this.sides = new SideFuser(maxSideDisagreement);
  }

  push(
    bySide: Readonly<Record<Side, number | undefined>> | undefined,
    timestampMs: number,
  ): number | undefined {
    const v = bySide === undefined ? undefined : this.sides.push(bySide, timestampMs);
    if (v === undefined || !Number.isFinite(v)) return undefined;
    this.filter = oneEuroStep(
      this.filter,
      this.spikes.push(v, timestampMs),
      timestampMs,
      SIGNAL_FILTER,
    );
    return this.filter.value;
  }

  /** The last value given (undefined before the first, and after a reset). */
  get value(): number | undefined {
    return this.filter?.value;
  }

  /** A gap in the frames: start the smoothing afresh (the side offsets are kept). */
  reset(): void {
    this.filter = undefined;
    this.spikes.reset();
  }
}
