import { round2 } from '../../geometry/stats.ts';
import type { RepCheck } from './rep-check.ts';
import { atPeak } from './rep-context.ts';
import { FORM } from './thresholds.ts';
import { cannotJudge, pass } from './verdict.ts';

/** Knees travelling far past the toes at the bottom (side view). */
export const kneesOverToesCheck: RepCheck = {
  id: 'knees-over-toes',
  code: 'knees-over-toes',
  judge(ctx) {
    const peak = atPeak(ctx);
    if (ctx.view !== 'side' || peak?.kneePastToeShanks === undefined)
      return [cannotJudge('knees-over-toes', 'Needs the side view with the feet seen.')];
    const v = peak.kneePastToeShanks;
    const common = { value: round2(v), threshold: FORM.kneePastToeShanks, unit: 'shank' };
    if (v <= FORM.kneePastToeShanks) return [pass('knees-over-toes', 'shank', 'Fine.', common)];
    return [
      {
        check: 'knees-over-toes',
        status: 'fault',
        severity: 'warn',
        confidence: 1,
        ...common,
        message: 'Sit back: the knees travelled well past the toes.',
      },
    ];
  },
};
