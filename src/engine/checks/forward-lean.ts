import type { RepCheck } from './rep-check.ts';
import { atPeak } from './rep-context.ts';
import { FORM } from './thresholds.ts';
import { cannotJudge, pass } from './verdict.ts';

/** The chest dropping: the torso leaning further than the shins at the bottom (side view). */
export const forwardLeanCheck: RepCheck = {
  id: 'forward-lean',
  code: 'forward-lean',
  judge(ctx) {
    if (ctx.view !== 'side')
      return [cannotJudge('forward-lean', 'Lean needs the side view: turn side-on.')];
    const peak = atPeak(ctx);
    if (peak?.torsoLeanDeg === undefined || peak.shinLeanDeg === undefined)
      return [cannotJudge('forward-lean', 'Torso and shins not seen at the bottom.')];
    const excess = peak.torsoLeanDeg - peak.shinLeanDeg;
    const common = {
      value: Math.round(excess),
      threshold: FORM.forwardLeanExcessDeg,
      unit: 'deg',
    };
    if (excess <= FORM.forwardLeanExcessDeg)
      return [pass('forward-lean', 'deg', 'Chest up, torso with the shins.', common)];
    return [
      {
        check: 'forward-lean',
        status: 'fault',
        severity: 'warn',
        confidence: 1,
        ...common,
        message: `Chest up: torso leaned ${Math.round(excess)}° more than the shins.`,
      },
    ];
  },
};
