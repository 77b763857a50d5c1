import { median } from '../../geometry/stats.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import {
  inclinations3d,
  inclinationsInPlane,
  inclinationsTurnedInPlane,
  jointScore,
  type Inclinations,
} from './measures.ts';
import type { RepCheck } from './rep-check.ts';
import { atBottom, medianOver, type RepContext } from './rep-context.ts';
import { confidenceOf, LIMITS } from './thresholds.ts';
import { cannotJudge, fault, pass } from './verdict.ts';

export interface Lean {
  readonly trunkDeg: number;
  readonly tibiaDeg: number;
  /**
   * Judged by the trunk's own limit from vertical alone, not against the shins: facing the camera,
   * where the 3-D landmarks read the trunk 18-27° more upright than it is and the shins 3-16°
   * (the rendered squats' exact truth; form-checks.md, "Forward lean").
   */
  readonly trunkOnly?: boolean;
}

/**
 * Trunk and tibia inclination at the bottom: in the picture side on (exact there) and at 3/4 (the
 * lean's sideways part shortened by the body's turn, undone), from the 3-D landmarks facing the
 * camera (the picture cannot see a trunk leaning towards it). At 3/4 the 3-D landmarks were used
 * until the clips were read a second time, mirrored (`npm run eval -- --mirrored`): on the same
 * reps their lean moved 13° (median; 14° at the 90th percentile) and the picture's 2°, and they
 * read the shins of a deep overhead squat 9-10° from vertical where the picture reads 26-28°
 * (form-checks.md, "Repeatability").
 */
export function leanAtBottom(ctx: RepContext): Lean | undefined {
  if (ctx.view === 'side' || ctx.view === 'three-quarter') return leanInPicture(ctx);
  const lean = leanMeasuredBy(ctx, (f) => inclinations3d(f.body));
  return lean && { ...lean, trunkOnly: true };
}

/**
 * The turn of a 3/4 frame whose turn is not known (no 3-D landmarks): the middle of the 3/4 band,
 * 45-60° from facing the camera.
 */
const THREE_QUARTER_TURN_DEG = 52.5;

/** Trunk and tibia inclination at the bottom in the picture, side on as seen, at 3/4 turned back. */
export function leanInPicture(ctx: RepContext): Lean | undefined {
  if (ctx.view !== 'three-quarter') return leanMeasuredBy(ctx, (f) => inclinationsInPlane(f.body));
  return leanMeasuredBy(ctx, (f) =>
    inclinationsTurnedInPlane(f.body, f.features.turnFromCameraDeg ?? THREE_QUARTER_TURN_DEG),
  );
}

/** Trunk and tibia inclination at the bottom, by one way of measuring a frame's inclinations. */
export function leanMeasuredBy(
  ctx: RepContext,
  measure: (f: AnalyzedFrame) => Inclinations,
): Lean | undefined {
  const bottom = atBottom(ctx);
  const trunkDeg = medianOver(bottom, (f) => measure(f).trunkDeg);
  const tibiaDeg = medianOver(bottom, (f) => measure(f).tibiaDeg);
  return trunkDeg === undefined || tibiaDeg === undefined ? undefined : { trunkDeg, tibiaDeg };
}

/** The unit of a lean judged by the trunk alone: its angle from vertical. */
export const FROM_VERTICAL = 'deg from vertical';

/**
 * The one value a lean is judged by, and its limit (deg): the trunk's lean past the tibia against
 * the margin over the tibia, or less when the trunk would pass its limit from vertical first (both
 * limits as one, on one measure, so the verdict reports a single value and the limit it broke);
 * facing the camera (`trunkOnly`), the trunk from vertical against that limit alone.
 */
export function leanAgainstLimit(
  lean: Lean,
  strictness: RepContext['strictness'],
): { readonly valueDeg: number; readonly limitDeg: number; readonly unit: string } {
  const fromVertical = LIMITS.trunkFromVerticalDeg[strictness];
  if (lean.trunkOnly === true)
    return { valueDeg: lean.trunkDeg, limitDeg: fromVertical, unit: FROM_VERTICAL };
  return {
    valueDeg: lean.trunkDeg - lean.tibiaDeg,
    limitDeg: Math.min(
      LIMITS.trunkOverTibiaDeg[strictness],
      Math.round(fromVertical - lean.tibiaDeg),
    ),
    unit: 'deg',
  };
}

/** Whether a lean breaks its limit at this strictness (judged on the value reported, in whole degrees). */
export function isForwardLean(lean: Lean, strictness: RepContext['strictness']): boolean {
  const { valueDeg, limitDeg } = leanAgainstLimit(lean, strictness);
  return Math.round(valueDeg) > limitDeg;
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
  // Side on and at 3/4 in the picture; facing the camera from the 3-D landmarks.
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
    const score =
      median(ctx.frames.map((f) => jointScore(f.body, ['shoulder', 'hip', 'knee', 'ankle']))) ?? 0;
    const fromVertical = LIMITS.trunkFromVerticalDeg[ctx.strictness];
    const trunkConfidence = confidenceOf(
      lean.trunkDeg,
      fromVertical,
      LIMITS.trunkFromVerticalDeg.error,
      score,
    );
    const { valueDeg, limitDeg, unit } = leanAgainstLimit(lean, ctx.strictness);
    const trunk = `${Math.round(lean.trunkDeg)}° from vertical`;
    if (lean.trunkOnly === true) {
      // Seen from the front or behind: the trunk's own limit only, and a pass says what does not show.
      const common = {
        value: Math.round(valueDeg),
        threshold: limitDeg,
        unit,
        confidence: trunkConfidence,
      };
      if (!isForwardLean(lean, ctx.strictness))
        return [
          pass(
            'forward-lean',
            unit,
            'Trunk not folded forward (from the front or behind, a lean against the shins does not show: turn side-on to check it).',
            common,
          ),
        ];
      return [fault('forward-lean', `Chest up: trunk ${trunk}.`, common, { cue: 'Chest up.' })];
    }
    const overTibia = LIMITS.trunkOverTibiaDeg[ctx.strictness];
    const common = {
      value: Math.round(valueDeg),
      threshold: limitDeg,
      unit,
      confidence: Math.min(
        confidenceOf(valueDeg, overTibia, LIMITS.trunkOverTibiaDeg.error, score),
        trunkConfidence,
      ),
    };
    const angles = `${trunk}, ${againstShins(common.value)}.`;
    if (!isForwardLean(lean, ctx.strictness))
      return [pass('forward-lean', unit, `Trunk ${angles}`, common)];
    return [fault('forward-lean', `Chest up: trunk ${angles}`, common, { cue: 'Chest up.' })];
  },
};
