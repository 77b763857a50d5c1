import type { FeatureName, FrameFeatures } from './features.ts';

interface Bound {
  readonly feature: FeatureName;
  /**
   * Checked only when the feature is measured: for features from the 3-D world landmarks, which
   * only BlazePose gives (with MoveNet the bound is left out rather than never met).
   */
  readonly whenMeasured?: true;
}

/** The feature must be at least `min`; `cue` is what to say when it falls under. */
interface AtLeast extends Bound {
  readonly min: number;
  readonly max?: undefined;
  readonly cue: string;
}

/** The feature must be at most `max`; `cue` is what to say when it goes over. */
interface AtMost extends Bound {
  readonly max: number;
  readonly min?: undefined;
  readonly cue: string;
}

/**
 * The feature must stay within [min, max], with what to say on each side: a knee bent too little
 * and one bent too far are told opposite things, a trunk leaning forward and one leaning back.
 * `cueAbove` is also said when the feature is not seen: for the knee angles, the side a person not
 * yet in the pose (standing) is on; for warrior I's trunk, what its one-sided bound said before.
 */
interface Between extends Bound {
  readonly min: number;
  readonly max: number;
  readonly cueBelow: string;
  readonly cueAbove: string;
  readonly cue?: undefined;
}

/** One bound of a held pose. */
export type EnvelopeCondition = AtLeast | AtMost | Between;

export type EnvelopeVerdict =
  | { readonly inside: true }
  | {
      readonly inside: false;
      readonly broken: EnvelopeCondition;
      readonly value: number | undefined;
      /** What to say: the way back into the pose from the side the value left by. */
      readonly cue: string;
    };

/** What a bound says when the value left it by its lower or its upper side. */
function cueOf(c: EnvelopeCondition, side: 'below' | 'above'): string {
  if (c.cue !== undefined) return c.cue;
  return side === 'below' ? c.cueBelow : c.cueAbove;
}

/**
 * Inside only if every feature is seen (or, `whenMeasured`, not measured at all) and within its
 * bounds; the first broken bound is reported, with the cue for the side it was left by.
 */
export function checkEnvelope(
  conditions: readonly EnvelopeCondition[],
  f: FrameFeatures,
): EnvelopeVerdict {
  for (const c of conditions) {
    const v = f[c.feature];
    if (v === undefined || !Number.isFinite(v)) {
      if (c.whenMeasured === true) continue;
      return { inside: false, broken: c, value: undefined, cue: cueOf(c, 'above') };
    }
    if (c.min !== undefined && v < c.min)
      return { inside: false, broken: c, value: v, cue: cueOf(c, 'below') };
    if (c.max !== undefined && v > c.max)
      return { inside: false, broken: c, value: v, cue: cueOf(c, 'above') };
  }
  return { inside: true };
}
