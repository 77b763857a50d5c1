/**
 * Judging thresholds, one per measure and strictness, separate from the counting thresholds in
 * catalog.ts. Each comes from a definition with a source (design note: form-checks.md); the
 * labelled clips check them, they do not set them. `error` is the measure's typical error on
 * real footage: a value within about one error of its limit gets a low confidence.
 */
export const STRICTNESS_LEVELS = ['gentle', 'standard', 'strict'] as const;
export type Strictness = (typeof STRICTNESS_LEVELS)[number];
export const DEFAULT_STRICTNESS: Strictness = 'standard';

export interface Limit {
  readonly gentle: number;
  readonly standard: number;
  readonly strict: number;
  readonly error: number;
}

export const LIMITS = {
  /** Depth: thigh angle above level at the bottom. Parallel (CSCCa, powerlifting) = 0°; a half
   *  squat (knee 80-100°) leaves the thigh ~20-35° above level. */
  thighAboveLevelDeg: { gentle: 25, standard: 15, strict: 5, error: 5 },
  /** Lunge depth: the front knee's internal angle at the bottom. Forward-lunge studies take the
   *  front knee to ~90° (Farrokhi 2008, Escamilla 2008); the margins match the squat's against its
   *  target (15° standard, 25° gentle, 5° strict). */
  lungeKneeAngleDeg: { gentle: 115, standard: 105, strict: 95, error: 7 },
  /** Knee valgus: knee separation over ankle separation at the bottom, from the front. Under 1
   *  the knees are inside the ankles: the fault's definition (standard). Gentle lets the knees
   *  come a tenth inside; strict wants them out over the feet (toes turned out put the knees
   *  outside the ankles when they track the toes). */
  kneeAnkleSeparationRatio: { gentle: 0.9, standard: 1.0, strict: 1.1, error: 0.05 },
  /** Forward lean: trunk inclined more than the tibia (Myer 2014: parallel) by this, deg, ... */
  trunkOverTibiaDeg: { gentle: 40, standard: 30, strict: 20, error: 5 },
  /** ... or the trunk itself this far from vertical (NSCA: as upright as possible). */
  trunkFromVerticalDeg: { gentle: 70, standard: 60, strict: 50, error: 5 },
  /** Heel lift: heel above the toe at the bottom, against standing, in standing shank lengths.
   *  BlazePose's heel rises with a forward shin on flat feet (0.10-0.12 at the bottom of the
   *  rendered flat-footed squat, up to 0.17 on real ones at 40°; form-checks.md); a still heel
   *  jitters ±0.03-0.04. The limit is that bias plus twice the jitter; side on it rises with the
   *  bias when the shin leans further forward than about 38° (heel-lift.ts, `heelRiseLimit`). */
  heelRiseShanks: { gentle: 0.25, standard: 0.2, strict: 0.18, error: 0.03 },
  /** Knees past the toes (side on), shank lengths: only a note, and only with heels up or a lean. */
  kneePastToeShanks: { gentle: 0.5, standard: 0.35, strict: 0.25, error: 0.05 },
  /** A hold's position: how far the hips may move from where the hold settled, towards leaving the
   *  pose (up out of a squat hold or a stance, down out of a downward dog), in shank lengths. The
   *  wall-sit test ends when the knee angle is no longer held; 10° of thigh angle, twice the depth
   *  measure's error, moves the hips 0.14-0.17 shank (a thigh about a shank long, 0-30° above
   *  level): standard 0.15 (~10°), gentle 0.2 (~13°), strict 0.1 (~6°). Error: 2-s medians of a
   *  still hold vary ~0.03 (form-checks.md, "Holds: the position kept"). */
  holdDriftShanks: { gentle: 0.2, standard: 0.15, strict: 0.1, error: 0.03 },
  /** Head bob: nose's vertical range about its trend over a circle, in statures (2.5 % ≈ 4 cm). */
  headBobHeights: { gentle: 0.035, standard: 0.025, strict: 0.02, error: 0.005 },
} as const satisfies Record<string, Limit>;

export function limitOf(limit: Limit, strictness: Strictness): number {
  return limit[strictness];
}

/**
 * Confidence of a verdict: how sure the keypoints were (mean score, 0-1) times how far the value is
 * from its limit in units of the measure's error (0.5 at the limit, 1 a whole error or more away).
 */
export function confidenceOf(value: number, limit: number, error: number, score: number): number {
  const distance = Math.min(1, 0.5 + Math.abs(value - limit) / (2 * error));
  return Math.round(distance * Math.max(0, Math.min(1, score)) * 100) / 100;
}

/** Tempo and calf-raise height (coaching, not the four promised checks). */
export const TEMPO = {
  /** A phase shorter than this fraction of its prescription is off tempo. */
  tempoFraction: 0.6,
  /**
   * Bouncing (tempo.ts): the lowering, the whole movement, under bounceLowerSec, and the time in
   * the stretched position after it under bouncePauseSec. Quick: faster than the fastest pace calf
   * raises are prescribed at clinically, the heel-rise test's metronome at 30 rises a minute, up on
   * one beat and down on the next (1 s; Hébert-Losier 2017, as for the quick lifts, quick-lifts.ts).
   * What a stretch adds to the lift after it decays with the pause, with a half-life of 0.85 s
   * (Wilson, Elliott & Wood 1991, Med Sci Sports Exerc 23:364, rebound and paused bench presses):
   * after 0.25 s over four-fifths of it is still there.
   */
  bounceLowerSec: 1,
  bouncePauseSec: 0.25,
  /** A calf raise under this fraction of the set's best height from the same view is a low rep. */
  lowHeightFraction: 0.7,
} as const;
