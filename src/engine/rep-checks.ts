import type { ExerciseDef, Tempo } from './catalog.ts';
import type { Fault } from './faults.ts';
import type { Baseline } from './baseline.ts';
import type { FrameFeatures } from './features.ts';
import type { CountedRep } from './rep-counter.ts';
import type { DetectedView } from './view.ts';

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
  /** A phase shorter than this fraction of its prescription is off tempo. */
  tempoFraction: 0.6,
  /** Lowering and pausing both under these = bouncing (uncontrolled). */
  bounceReturnSec: 0.45,
  bounceFarSec: 0.25,
  /** A calf raise under this fraction of the set's best height is a low rep. */
  lowHeightFraction: 0.7,
} as const;

export interface RepContext {
  readonly exercise: ExerciseDef;
  readonly rep: CountedRep;
  /** Smoothed-frame features from the rep's start to its end. */
  readonly frames: readonly FrameFeatures[];
  /** Features of the still start pose the gate calibrated on. */
  readonly baseline: Baseline;
  readonly view: DetectedView;
  readonly bestAmplitude: number;
  readonly tempo: Tempo | undefined;
}

export function atPeak(ctx: RepContext): FrameFeatures | undefined {
  return (
    ctx.frames.find((f) => f.timestampMs === ctx.rep.peakMs) ??
    ctx.frames[Math.floor(ctx.frames.length / 2)]
  );
}

const sec = (ms: number) => Math.round(ms / 10) / 100;

/** Every applicable check for one completed rep. */
export function checkRep(ctx: RepContext): Fault[] {
  const faults: Fault[] = [];
  const checks = ctx.exercise.checks;
  const peak = atPeak(ctx);
  const rep = ctx.rep.index;
  const atSec = sec(ctx.rep.peakMs);
  if (peak === undefined) return faults;
  if (checks.includes('shallow-depth')) {
    const gaps = [peak.hipKneeGapShanksBySide.left, peak.hipKneeGapShanksBySide.right].filter(
      (v): v is number => v !== undefined,
    );
    const gap = gaps.length === 0 ? undefined : Math.min(...gaps);
    if (gap !== undefined && gap > FORM.shallowGapShanks) {
      faults.push({
        code: 'shallow-depth',
        severity: 'warn',
        rep,
        atSec,
        value: round2(gap),
        unit: 'shank',
        message: `Go deeper: hips stayed ${round2(gap)} shank lengths above the knees.`,
      });
    }
  }
  if (checks.includes('knee-valgus')) faults.push(...kneeValgus(ctx, peak, rep, atSec));
  if (
    checks.includes('forward-lean') &&
    peak.torsoLeanDeg !== undefined &&
    peak.shinLeanDeg !== undefined
  ) {
    if (ctx.view === 'side') {
      const excess = peak.torsoLeanDeg - peak.shinLeanDeg;
      if (excess > FORM.forwardLeanExcessDeg) {
        faults.push({
          code: 'forward-lean',
          severity: 'warn',
          rep,
          atSec,
          value: Math.round(excess),
          unit: 'deg',
          message: `Chest up: torso leaned ${Math.round(excess)}° more than the shins.`,
        });
      }
    }
  }
  if (
    checks.includes('knees-over-toes') &&
    ctx.view === 'side' &&
    peak.kneePastToeShanks !== undefined
  ) {
    if (peak.kneePastToeShanks > FORM.kneePastToeShanks) {
      faults.push({
        code: 'knees-over-toes',
        severity: 'warn',
        rep,
        atSec,
        value: round2(peak.kneePastToeShanks),
        unit: 'shank',
        message: 'Sit back: the knees travelled well past the toes.',
      });
    }
  }
  if (checks.includes('heel-lift')) faults.push(...heelLift(ctx, rep));
  if (checks.includes('tempo') && ctx.tempo !== undefined)
    faults.push(...tempoFaults(ctx, ctx.tempo, rep, atSec));
  if (
    checks.includes('low-height') &&
    ctx.bestAmplitude > 0 &&
    ctx.rep.amplitude < FORM.lowHeightFraction * ctx.bestAmplitude
  ) {
    const pct = Math.round((100 * ctx.rep.amplitude) / ctx.bestAmplitude);
    faults.push({
      code: 'low-height',
      severity: 'info',
      rep,
      atSec,
      value: pct,
      unit: '%',
      message: `Higher: ${pct} % of your best rep.`,
    });
  }
  return faults;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function kneeValgus(ctx: RepContext, peak: FrameFeatures, rep: number, atSec: number): Fault[] {
  if (ctx.view !== 'front') return [];
  const base = ctx.baseline.kneeOverAnkleSeparation;
  const now = peak.kneeOverAnkleSeparation;
  const gap = peak.hipKneeGapShanks;
  if (
    base === undefined ||
    now === undefined ||
    !(base > 0) ||
    gap === undefined ||
    gap > FORM.valgusMinDepthGap
  )
    return [];
  const spread = now / base;
  const inside = peak.kneeInsideToeShanksBySide;
  const insideMean =
    inside.left !== undefined && inside.right !== undefined
      ? (inside.left + inside.right) / 2
      : undefined;
  // Without toe points (MoveNet) only the spread can be judged.
  const insideToes = insideMean === undefined || insideMean > FORM.valgusInsideToeShanks;
  if (spread >= FORM.valgusSpreadRatio || !insideToes) return [];
  const side =
    inside.left !== undefined &&
    inside.right !== undefined &&
    Math.abs(inside.left - inside.right) > 0.1
      ? inside.left > inside.right
        ? 'left'
        : 'right'
      : 'both';
  return [
    {
      code: 'knee-valgus',
      severity: 'warn',
      side,
      rep,
      atSec,
      value: round2(spread),
      unit: 'ratio',
      message: 'Knees out: push them over your toes.',
    },
  ];
}

/** Heels judged around the bottom (±HEEL_WINDOW_MS), as a median: single-frame foot spikes are common. */
const HEEL_WINDOW_MS = 250;

function heelLift(ctx: RepContext, rep: number): Fault[] {
  const base = ctx.baseline.heelAboveToeShanks;
  if (base === undefined) return [];
  // Heels rising while standing back up (into a calf raise) is not this fault: only the bottom counts.
  const near = ctx.frames
    .filter((f) => Math.abs(f.timestampMs - ctx.rep.peakMs) <= HEEL_WINDOW_MS)
    .map((f) => f.heelAboveToeShanks)
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b);
  const heel = near[Math.floor(near.length / 2)];
  if (heel === undefined || heel - base <= FORM.heelLiftShanks) return [];
  const lift = heel - base;
  return [
    {
      code: 'heel-lift',
      severity: 'warn',
      rep,
      atSec: sec(ctx.rep.peakMs),
      value: round2(lift),
      unit: 'shank',
      message: 'Heels down: push through the whole foot.',
    },
  ];
}

function tempoFaults(ctx: RepContext, tempo: Tempo, rep: number, atSec: number): Fault[] {
  const p = ctx.rep.phases;
  const faults: Fault[] = [];
  // In a calf raise "away" is the rise, "far" the top hold and "return" the lowering.
  if (p.returnSec < FORM.bounceReturnSec && p.farSec < FORM.bounceFarSec) {
    faults.push({
      code: 'tempo',
      severity: 'warn',
      rep,
      atSec,
      value: round2(p.returnSec),
      unit: 's',
      message: `Bouncing: lowered in ${p.returnSec.toFixed(1)} s with no pause. Control it.`,
    });
    return faults;
  }
  if (p.returnSec < tempo.lowerSec * FORM.tempoFraction) {
    faults.push({
      code: 'tempo',
      severity: 'info',
      rep,
      atSec,
      value: round2(p.returnSec),
      unit: 's',
      message: `Lowered in ${p.returnSec.toFixed(1)} s, aim for ${tempo.lowerSec} s.`,
    });
  }
  if (p.farSec < tempo.topSec * FORM.tempoFraction) {
    faults.push({
      code: 'tempo',
      severity: 'info',
      rep,
      atSec,
      value: round2(p.farSec),
      unit: 's',
      message: `Held the top ${p.farSec.toFixed(1)} s, aim for ${tempo.topSec} s.`,
    });
  }
  return faults;
}
