import { median, round2 } from '../../geometry/stats.ts';
import type { RepCheck } from './rep-check.ts';
import { aroundPeak } from './rep-context.ts';
import { FORM } from './thresholds.ts';
import { cannotJudge, pass } from './verdict.ts';

/** Heels leaving the floor in the squat (judged around the bottom, not at the top). */
export const heelLiftCheck: RepCheck = {
  id: 'heel-lift',
  code: 'heel-lift',
  judge(ctx) {
    const base = ctx.baseline.heelAboveToeShanks;
    // Heels rising while standing back up (into a calf raise) is not this fault: only the bottom counts.
    const heel = median(aroundPeak(ctx, FORM.heelWindowMs).map((f) => f.heelAboveToeShanks));
    if (base === undefined || heel === undefined)
      return [cannotJudge('heel-lift', 'Heels and toes not seen standing and at the bottom.')];
    const lift = heel - base;
    const common = { value: round2(lift), threshold: FORM.heelLiftShanks, unit: 'shank' };
    if (lift <= FORM.heelLiftShanks) return [pass('heel-lift', 'shank', 'Heels down.', common)];
    return [
      {
        check: 'heel-lift',
        status: 'fault',
        severity: 'warn',
        confidence: 1,
        ...common,
        message: 'Heels down: push through the whole foot.',
      },
    ];
  },
};
