import { round2 } from '../../geometry/stats.ts';
import { phaseSecText } from '../phases.ts';
import type { RepCheck } from './rep-check.ts';
import { TEMPO } from './thresholds.ts';
import { pass, type Verdict } from './verdict.ts';

/** A duration as it is said: "1 second", "3 seconds" (a voice reads "3 s" as a letter). */
export const seconds = (sec: number): string => `${sec} second${sec === 1 ? '' : 's'}`;

/**
 * Tempo against the prescription. In a calf raise "away" is the rise, "far" the top hold and
 * "return" the lowering.
 */
export const tempoCheck: RepCheck = {
  id: 'tempo',
  code: 'tempo',
  view: { best: 'any', only: false },
  judge(ctx) {
    const tempo = ctx.tempo;
    if (tempo === undefined) return [];
    const p = ctx.rep.phases;
    const off = (
      value: number,
      message: string,
      cue: string,
      severity: 'warn' | 'info',
    ): Verdict => ({
      check: 'tempo',
      status: 'fault',
      severity,
      value: round2(value),
      unit: 's',
      confidence: 1,
      message,
      cue,
    });
    if (p.returnSec < TEMPO.bounceReturnSec && p.farSec < TEMPO.bounceFarSec)
      return [
        off(
          p.returnSec,
          `Bouncing: lowered in ${phaseSecText(p.returnSec)} with no pause. Control it.`,
          'Control it: no bouncing.',
          'warn',
        ),
      ];
    const verdicts: Verdict[] = [];
    if (p.returnSec < tempo.lowerSec * TEMPO.tempoFraction)
      verdicts.push(
        off(
          p.returnSec,
          `Lowered in ${phaseSecText(p.returnSec)}, aim for ${tempo.lowerSec} s.`,
          `Lower over ${seconds(tempo.lowerSec)}.`,
          'info',
        ),
      );
    if (p.farSec < tempo.topSec * TEMPO.tempoFraction)
      verdicts.push(
        off(
          p.farSec,
          `Held the top ${phaseSecText(p.farSec)}, aim for ${tempo.topSec} s.`,
          `Hold the top ${seconds(tempo.topSec)}.`,
          'info',
        ),
      );
    return verdicts.length > 0 ? verdicts : [pass('tempo', 's', 'On tempo.')];
  },
};
