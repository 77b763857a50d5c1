import { median } from '../../geometry/stats.ts';
import type { Body } from '../body.ts';
import { inclinations3d, inclinationsInPlane, jointScore, type Inclinations } from './measures.ts';
import type { RepCheck } from './rep-check.ts';
import { atBottom, medianOver, type RepContext } from './rep-context.ts';
import { confidenceOf, LIMITS } from './thresholds.ts';
import { cannotJudge, fault, pass } from './verdict.ts';

export interface Lean {
  readonly trunkDeg: number;
  readonly tibiaDeg: number;
}

/**
 * Trunk and tibia inclination at the bottom: in the image plane side on (exact there), from the
 * 3-D landmarks in other views (the image foreshortens a trunk leaning towards the camera).
 */
export function leanAtBottom(ctx: RepContext): Lean | undefined {
  return leanMeasuredBy(ctx, ctx.view === 'side' ? inclinationsInPlane : inclinations3d);
}

/** Trunk and tibia inclination at the bottom, by one way of measuring a frame's inclinations. */
export function leanMeasuredBy(
  ctx: RepContext,
  measure: (body: Body) => Inclinations,
): Lean | undefined {
  const bottom = atBottom(ctx);
  const trunkDeg = medianOver(bottom, (f) => measure(f.body).trunkDeg);
  const tibiaDeg = medianOver(bottom, (f) => measure(f.body).tibiaDeg);
  return trunkDeg === undefined || tibiaDeg === undefined ? undefined : { trunkDeg, tibiaDeg };
}

/**
 * How far the trunk may lean past the tibia in this rep (deg): the margin over the tibia, or less
 * when the trunk would pass its limit from vertical first. Both limits as one, on one measure, so
 * the verdict reports a single value and the limit it broke.
 */
export function leanLimitDeg(lean: Lean, strictness: RepContext['strictness']): number {
  return Math.min(
    LIMITS.trunkOverTibiaDeg[strictness],
    Math.round(LIMITS.trunkFromVerticalDeg[strictness] - lean.tibiaDeg),
  );
}

/** Whether a lean breaks either limit at this strictness (judged on the value reported, in whole degrees). */
export function isForwardLean(lean: Lean, strictness: RepContext['strictness']): boolean {
  return Math.round(lean.trunkDeg - lean.tibiaDeg) > leanLimitDeg(lean, strictness);
}

/** The trunk's lean against the shins' in words: "12° more than the shins" or "8° less than…". */
export function againstShins(excessDeg: number): string {
  return excessDeg < 0 ? `${-excessDeg}° less than the shins` : `${excessDeg}° more than the shins`;
}

/**
 * Forward lean (the chest dropping): at the bottom the trunk should stay about parallel to the
 * tibia (Myer 2014), within a margin for body proportions, and well short of horizontal.
 */
export const forwardLeanCheck: RepCheck = {
  id: 'forward-lean',
  code: 'forward-lean',
  // Side on in the picture; elsewhere from the 3-D landmarks.
  view: { best: 'side', only: false },
  judge(ctx) {
    const lean = leanAtBottom(ctx);
    if (lean === undefined)
      return [
        ctx.view === 'side'
          ? cannotJudge(
              'forward-lean',
              'Lean needs the shoulders, hips, knees and ankles in view: step back until all of you is in the picture.',
            )
          : cannotJudge(
              'forward-lean',
              'Lean needs the side view with this model: turn side-on.',
              'view',
            ),
      ];
    const excess = lean.trunkDeg - lean.tibiaDeg;
    const threshold = leanLimitDeg(lean, ctx.strictness);
    const overTibia = LIMITS.trunkOverTibiaDeg[ctx.strictness];
    const fromVertical = LIMITS.trunkFromVerticalDeg[ctx.strictness];
    const score =
      median(ctx.frames.map((f) => jointScore(f.body, ['shoulder', 'hip', 'knee', 'ankle']))) ?? 0;
    const common = {
      value: Math.round(excess),
      threshold,
      unit: 'deg',
      confidence: Math.min(
        confidenceOf(excess, overTibia, LIMITS.trunkOverTibiaDeg.error, score),
        confidenceOf(lean.trunkDeg, fromVertical, LIMITS.trunkFromVerticalDeg.error, score),
      ),
    };
    const angles = `${Math.round(lean.trunkDeg)}° from vertical, ${againstShins(common.value)}.`;
    if (!isForwardLean(lean, ctx.strictness))
      return [pass('forward-lean', 'deg', `Trunk ${angles}`, common)];
    return [fault('forward-lean', `Chest up: trunk ${angles}`, common, { cue: 'Chest up.' })];
  },
};
