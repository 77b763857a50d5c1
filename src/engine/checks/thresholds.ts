/**
 * Form thresholds (judging, separate from the counting thresholds in catalog.ts). Where each
 * number comes from is beside it; "labelled clips" means ../shared/data, see README's table.
 */
export const FORM = {
  /** Hip above knee by more than this (shank lengths) at the bottom = not deep enough. A thigh
   *  about 25° above level leaves a gap of ~0.45 shank (thigh ≈ 1.05 shank); the labelled shallow
   *  reps bottom at 0.6-0.95, full reps at -0.2-0.35. */
  shallowGapShanks: 0.5,
  /** Valgus from the front, judged at the bottom of reps deeper than `valgusMinDepthGap`, needs both:
   *  the knees spread less than this ratio (knee/ankle separation at the bottom over standing:
   *  clean labelled squats 1.28-1.97, the labelled valgus squat 1.22-1.48), and ... */
  valgusSpreadRatio: 1.3,
  /** ... the knees sit inside the toes by more than this (shank lengths, mean of both sides: clean
   *  -0.35-0.24, valgus 0.15-0.30). Either alone misjudges clean clips; both together do not. */
  valgusInsideToeShanks: 0.15,
  valgusMinDepthGap: 0.5,
  /** Torso leaning more than the shin by this many degrees at the bottom (side view): the chest
   *  dropped. Coaching cue "torso parallel to the shins"; clean labelled clips reach 29°, the
   *  labelled lean clips 35-62°. */
  forwardLeanExcessDeg: 33,
  /** Knee ahead of the toe at the bottom, shank lengths (side view): clean labelled side squats
   *  reach 0.15, the labelled knees-over-toes squat 0.71. */
  kneePastToeShanks: 0.35,
  /** Heel rise before or at the bottom against standing, shank lengths (needs BlazePose feet).
   *  Clean labelled squats reach 0.14 (ankle flexion moves the BlazePose heel point too). */
  heelLiftShanks: 0.25,
  /** Heels judged around the bottom (±ms), as a median: single-frame foot spikes are common. */
  heelWindowMs: 250,
  /** A phase shorter than this fraction of its prescription is off tempo. */
  tempoFraction: 0.6,
  /** Lowering and pausing both under these = bouncing (uncontrolled). */
  bounceReturnSec: 0.45,
  bounceFarSec: 0.25,
  /** A calf raise under this fraction of the set's best height is a low rep. */
  lowHeightFraction: 0.7,
} as const;
