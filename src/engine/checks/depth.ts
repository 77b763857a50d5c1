import { round2 } from '../../geometry/stats.ts';
import { minHipKneeGap } from '../features.ts';
import type { RepCheck } from './rep-check.ts';
import { atPeak } from './rep-context.ts';
import { FORM } from './thresholds.ts';
import { cannotJudge, pass } from './verdict.ts';

/** Squat depth: the hips must come down to the knees. */
export const depthCheck: RepCheck = {
  id: 'depth',
  code: 'shallow-depth',
  judge(ctx) {
    const peak = atPeak(ctx);
    const gap = peak === undefined ? undefined : minHipKneeGap(peak);
    if (gap === undefined) return [cannotJudge('depth', 'Hips and knees not seen at the bottom.')];
    const common = { value: round2(gap), threshold: FORM.shallowGapShanks, unit: 'shank' };
    if (gap <= FORM.shallowGapShanks) return [pass('depth', 'shank', 'Deep enough.', common)];
    return [
      {
        check: 'depth',
        status: 'fault',
        severity: 'warn',
        confidence: 1,
        ...common,
        message: `Go deeper: hips stayed ${round2(gap)} shank lengths above the knees.`,
      },
    ];
  },
};
