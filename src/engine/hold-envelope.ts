import type { FeatureName, FrameFeatures } from './features.ts';

/** One bound of a held pose: the feature must stay within [min, max]. */
export interface EnvelopeCondition {
  readonly feature: FeatureName;
  readonly min?: number;
  readonly max?: number;
  /** What to say when this bound is broken. */
  readonly cue: string;
}

export type EnvelopeVerdict =
  | { readonly inside: true }
  | {
      readonly inside: false;
      readonly broken: EnvelopeCondition;
      readonly value: number | undefined;
    };

/** Inside only if every feature is seen and within its bounds; the first broken bound is reported. */
export function checkEnvelope(
  conditions: readonly EnvelopeCondition[],
  f: FrameFeatures,
): EnvelopeVerdict {
  for (const c of conditions) {
    const v = f[c.feature];
    if (v === undefined || !Number.isFinite(v))
      return { inside: false, broken: c, value: undefined };
    if ((c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)) {
      return { inside: false, broken: c, value: v };
    }
  }
  return { inside: true };
}
