import { median, round2 } from '../../geometry/stats.ts';
import type { Side } from '../../pose/skeleton.ts';
import { jointScore } from './measures.ts';
import type { RepContext } from './rep-context.ts';
import { confidenceOf, type Limit } from './thresholds.ts';

/** What a verdict reports about a measured value: the value as shown, its limit, the confidence. */
export interface Measured {
  readonly value: number;
  readonly threshold: number;
  readonly unit: string;
  readonly confidence: number;
}

/**
 * A rep's measured value held to its limit at the set's strictness. Whether it is past the limit
 * is decided on the value as reported (whole degrees, hundredths of a ratio), so a verdict never
 * reads "15°, limit 15°: fault". The confidence is the keypoints' median score over the rep (of the
 * side the value was read from, when it was read from one) times the distance to the limit in
 * units of the measure's error (thresholds.ts).
 */
export function heldToLimit(
  ctx: RepContext,
  raw: number,
  limit: Limit,
  how: {
    readonly unit: string;
    readonly decimals: 0 | 2;
    readonly joints: Parameters<typeof jointScore>[1];
    /** The fault is a value under the limit (knees closer than the ankles), not over it. */
    readonly faultBelow?: boolean;
    /** The side the value was read from (the deeper thigh, the better-seen foot): its joints' scores. */
    readonly side?: Side;
  },
): { readonly measured: Measured; readonly past: boolean } {
  const threshold = limit[ctx.strictness];
  const value = how.decimals === 0 ? Math.round(raw) : round2(raw);
  const score = median(ctx.frames.map((f) => jointScore(f.body, how.joints, how.side))) ?? 0;
  return {
    measured: {
      value,
      threshold,
      unit: how.unit,
      confidence: confidenceOf(raw, threshold, limit.error, score),
    },
    past: how.faultBelow === true ? value < threshold : value > threshold,
  };
}
