import { median, round2 } from '../../geometry/stats.ts';
import { isForwardLean, leanAtBottom } from './forward-lean.ts';
import { heelRiseAtBottom, heelRiseLimit } from './heel-lift.ts';
import { kneePastToe } from './measures.ts';
import type { RepCheck } from './rep-check.ts';
import { atBottom, medianOver } from './rep-context.ts';
import { LIMITS } from './thresholds.ts';
import { cannotJudge, fault, pass } from './verdict.ts';

/**
 * Knees past the toes is normal in a deep squat with the heels down (current evidence: restricting
 * it moves the load to the hips and back, List 2013), so it is never a fault: at most a note when
 * the heels also lift or the trunk leans far, where the knees travelling forward is the cause.
 */
export const kneesOverToesCheck: RepCheck = {
  id: 'knees-over-toes',
  code: 'knees-over-toes',
  view: { best: 'side', only: true },
  judge(ctx) {
    const standing = ctx.standing;
    if (ctx.view !== 'side')
      return [
        cannotJudge(
          'knees-over-toes',
          'Knees past the toes is measured side-on: turn side-on.',
          'view',
        ),
      ];
    if (standing === undefined)
      return [
        cannotJudge(
          'knees-over-toes',
          'Knees past the toes needs the shins measured standing: stand still a moment before the rep.',
        ),
      ];
    const past = (['left', 'right'] as const).flatMap((side) => {
      const shank = standing.shank[side];
      const v = medianOver(atBottom(ctx), (f) => kneePastToe(f.body, side));
      return shank === undefined || v === undefined ? [] : [v / shank];
    });
    const worst = median(past.length === 0 ? [] : [Math.max(...past)]);
    if (worst === undefined)
      return [
        cannotJudge(
          'knees-over-toes',
          'Knees past the toes needs the knees and toes seen side-on: step back until the feet are in the picture.',
        ),
      ];
    const threshold = LIMITS.kneePastToeShanks[ctx.strictness];
    const heel = heelRiseAtBottom(ctx);
    const lean = leanAtBottom(ctx);
    const compensating =
      (heel !== undefined && round2(heel.rise) > heelRiseLimit(ctx, heel.side)[ctx.strictness]) ||
      (lean !== undefined && isForwardLean(lean, ctx.strictness));
    const shown = round2(worst);
    const common = { value: shown, threshold, unit: 'shank', confidence: 1 };
    if (shown <= threshold || !compensating)
      return [
        pass('knees-over-toes', 'shank', 'Knees forward is fine with the heels down.', common),
      ];
    return [
      fault(
        'knees-over-toes',
        'Sit the hips back a little: the knees run far past the toes.',
        common,
        { severity: 'info', cue: 'Sit the hips back.' },
      ),
    ];
  },
};
