import type { FeatureName, FrameFeatures } from './features.ts';

/** One bound of a held pose: the feature must stay within [min, max]. */
export interface EnvelopeCondition {
  readonly feature: FeatureName;
  readonly min?: number;
  readonly max?: number;
  /** What to say when this bound is broken. */
  readonly cue: string;
  /**
   * Checked only when the feature is measured: for features from the 3-D world landmarks, which
   * only BlazePose gives (with MoveNet the bound is left out rather than never met).
   */
  readonly whenMeasured?: true;
}

export type EnvelopeVerdict =
  | { readonly inside: true }
  | {
      readonly inside: false;
      readonly broken: EnvelopeCondition;
      readonly value: number | undefined;
    };

/**
 * Inside only if every feature is seen (or, `whenMeasured`, not measured at all) and within its
 * bounds; the first broken bound is reported.
 */
export function checkEnvelope(
  conditions: readonly EnvelopeCondition[],
  f: FrameFeatures,
): EnvelopeVerdict {
  for (const c of conditions) {
    const v = f[c.feature];
    if (v === undefined || !Number.isFinite(v)) {
      if (c.whenMeasured === true) continue;
      return { inside: false, broken: c, value: undefined };
    }
    if ((c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)) {
      return { inside: false, broken: c, value: v };
    }
  }
  return { inside: true };
}
