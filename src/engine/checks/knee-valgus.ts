import type { Side } from '../../pose/skeleton.ts';
import type { Body } from '../body.ts';
import { depthAtBottom } from './depth.ts';
import type { RepCheck } from './rep-check.ts';
import { atBottom, medianOver } from './rep-context.ts';
import { heldToLimit } from './held-to-limit.ts';
import { LIMITS } from './thresholds.ts';
import { cannotJudge, fault, pass, type Verdict } from './verdict.ts';

/** Knee separation over ankle separation (the knee-to-ankle separation ratio), from the front. */
export function kneeAnkleSeparationRatio(body: Body): number | undefined {
  const lk = body.joint('left', 'knee');
  const rk = body.joint('right', 'knee');
  const la = body.joint('left', 'ankle');
  const ra = body.joint('right', 'ankle');
  if (!lk || !rk || !la || !ra) return undefined;
  const ankles = Math.abs(la.x - ra.x);
  return ankles > 1e-6 ? Math.abs(lk.x - rk.x) / ankles : undefined;
}

/**
 * The knee-to-ankle ratio judges a rep only if its thighs came down to this far above level (deg)
 * or lower: a half squat (20-35°). Higher up the knees have not left the line from hip to ankle they
 * stand on, which is inside the ankles whenever the feet are wider than the hips: with the thighs
 * 30-60° above level two clean front-view clips read 0.76-0.99, as low as the valgus clip
 * (form-checks.md).
 */
export const VALGUS_MIN_DEPTH_DEG = 30;

/** How far a knee sits towards the midline from its own ankle (frame-height units). */
function kneeInsideAnkle(body: Body, side: Side): number | undefined {
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  const hips = body.mid('hip');
  if (!k || !a || !hips) return undefined;
  return (k.x - a.x) * (Math.sign(hips.x - a.x) || 0);
}

/**
 * Knee valgus (knees caving in), from the front: at the bottom the knees end up closer together
 * than the ankles. The knee-to-ankle separation ratio (KASR) is the clinical 2-D screen for it;
 * under 1 the knees are inside the ankles. The frontal-plane projection angle is not used at the
 * bottom of a squat: the thigh points at the camera there and its image angle means little.
 */
export const kneeValgusCheck: RepCheck = {
  id: 'knee-valgus',
  code: 'knee-valgus',
  view: { best: 'front', only: true },
  // Neither screen is defined for a split stance: the ankles are not side by side, and the front
  // knee's offset from its hip-ankle line did not tell the labelled valgus lunge from a clean one
  // (form-checks.md). Say so rather than ask the person to fix a view that would not help.
  measures: (exercise) => exercise.kind !== 'reps' || exercise.splitStance !== true,
  judge(ctx) {
    if (kneeValgusCheck.measures?.(ctx.exercise) === false)
      return [
        cannotJudge(
          'knee-valgus',
          'Knee valgus is not measured in a split stance yet: check it in the squat.',
        ),
      ];
    if (ctx.view !== 'front')
      return [
        cannotJudge('knee-valgus', 'Knee valgus needs the front view: face the camera.', 'view'),
      ];
    const bottom = atBottom(ctx);
    const ratio = medianOver(bottom, (f) => kneeAnkleSeparationRatio(f.body));
    if (ratio === undefined)
      return [
        cannotJudge(
          'knee-valgus',
          'Knee valgus needs both knees and ankles in view: step back until the feet are in the picture.',
        ),
      ];
    const { measured, past } = heldToLimit(ctx, ratio, LIMITS.kneeAnkleSeparationRatio, {
      unit: 'ratio',
      decimals: 2,
      joints: ['knee', 'ankle'],
      faultBelow: true,
    });
    if (!past) return [pass('knee-valgus', 'ratio', 'Knees stayed over the feet.', measured)];
    // Above a half squat the knees are still near where standing put them: inside the ankles in
    // any stance wider than the hips, caving or not (form-checks.md, "Knee valgus").
    const depth = depthAtBottom(ctx);
    if (depth !== undefined && depth > VALGUS_MIN_DEPTH_DEG)
      return [
        cannotJudge(
          'knee-valgus',
          'Knee valgus is judged from half way down: squat deeper to check the knees.',
        ),
      ];
    const inside = (['left', 'right'] as const).map((s) => ({
      side: s,
      v: medianOver(bottom, (f) => kneeInsideAnkle(f.body, s)) ?? 0,
    }));
    const [l, r] = [inside[0]?.v ?? 0, inside[1]?.v ?? 0];
    const side: Verdict['side'] =
      Math.abs(l - r) < 0.5 * Math.max(Math.abs(l), Math.abs(r))
        ? 'both'
        : l > r
          ? 'left'
          : 'right';
    const which = side === 'both' ? 'Knees' : `${side === 'left' ? 'Left' : 'Right'} knee`;
    return [
      fault('knee-valgus', `${which} caving in: push the knees out over your toes.`, measured, {
        side,
        cue: side === 'both' ? 'Knees out.' : `${side === 'left' ? 'Left' : 'Right'} knee out.`,
      }),
    ];
  },
};
