import { round2 } from '../../geometry/stats.ts';
import type { RepCheck } from './rep-check.ts';
import { atPeak } from './rep-context.ts';
import { FORM } from './thresholds.ts';
import { cannotJudge, pass } from './verdict.ts';

/** Knees caving in at the bottom, judged from the front. */
export const kneeValgusCheck: RepCheck = {
  id: 'knee-valgus',
  code: 'knee-valgus',
  judge(ctx) {
    if (ctx.view !== 'front')
      return [cannotJudge('knee-valgus', 'Valgus needs the front view: face the camera.')];
    const peak = atPeak(ctx);
    const base = ctx.baseline.kneeOverAnkleSeparation;
    const now = peak?.kneeOverAnkleSeparation;
    const gap = peak?.hipKneeGapShanks;
    if (peak === undefined || base === undefined || now === undefined || !(base > 0))
      return [cannotJudge('knee-valgus', 'Knees and ankles not seen standing and at the bottom.')];
    if (gap === undefined || gap > FORM.valgusMinDepthGap)
      return [cannotJudge('knee-valgus', 'Too shallow to judge the knees.')];
    const spread = now / base;
    const inside = peak.kneeInsideToeShanksBySide;
    const insideMean =
      inside.left !== undefined && inside.right !== undefined
        ? (inside.left + inside.right) / 2
        : undefined;
    // Without toe points (MoveNet) only the spread can be judged.
    const insideToes = insideMean === undefined || insideMean > FORM.valgusInsideToeShanks;
    const common = { value: round2(spread), threshold: FORM.valgusSpreadRatio, unit: 'ratio' };
    if (spread >= FORM.valgusSpreadRatio || !insideToes)
      return [pass('knee-valgus', 'ratio', 'Knees track over the toes.', common)];
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
        check: 'knee-valgus',
        status: 'fault',
        severity: 'warn',
        side,
        confidence: 1,
        ...common,
        message: 'Knees out: push them over your toes.',
      },
    ];
  },
};
