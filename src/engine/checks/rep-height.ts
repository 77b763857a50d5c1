import type { CountedRep } from '../rep-events.ts';
import type { RepCheck } from './rep-check.ts';
import { TEMPO } from './thresholds.ts';
import { pass } from './verdict.ts';

/**
 * A calf raise or tibialis lift well below this person's best rep of the set seen from the same view
 * (`ctx.bestAmplitude`): form-checks.md, "Height: above where the heels stood…".
 */
export const repHeightCheck: RepCheck = {
  id: 'rep-height',
  code: 'low-height',
  view: { best: 'any', only: false },
  judge(ctx) {
    if (!(ctx.bestAmplitude > 0)) return [];
    const height = repHeight(ctx.rep);
    const pct = Math.round((100 * height) / ctx.bestAmplitude);
    const threshold = Math.round(100 * TEMPO.lowHeightFraction);
    if (height >= TEMPO.lowHeightFraction * ctx.bestAmplitude)
      return [pass('rep-height', '%', 'Full height.', { value: pct, threshold })];
    return [
      {
        check: 'rep-height',
        status: 'fault',
        severity: 'info',
        value: pct,
        threshold,
        unit: '%',
        confidence: 1,
        message: `Higher: ${pct} % of your best rep.`,
        cue: 'Higher.',
      },
    ];
  },
};

/**
 * How high a rep went: above where the heels (toes) stood where the counter knows it (calf raises,
 * tibialis lifts), else its excursion's size.
 */
export function repHeight(rep: CountedRep): number {
  return rep.aboveTheStart ?? rep.amplitude;
}
