import { round2 } from '../../geometry/stats.ts';
import { phaseSecText } from '../phases.ts';
import type { RepCheck } from './rep-check.ts';
import type { RepContext } from './rep-context.ts';
import { TEMPO } from './thresholds.ts';
import { cannotJudge, pass, type Verdict } from './verdict.ts';

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
      threshold: number,
      message: string,
      cue: string,
      severity: 'warn' | 'info',
    ): Verdict => ({
      check: 'tempo',
      status: 'fault',
      severity,
      value: round2(value),
      threshold: round2(threshold),
      unit: 's',
      confidence: 1,
      message,
      cue,
    });
    const verdicts: Verdict[] = [];
    const b = bounceOf(ctx);
    if (b !== undefined && b.lowerSec < TEMPO.bounceLowerSec && b.pauseSec < TEMPO.bouncePauseSec)
      verdicts.push(
        off(
          b.pauseSec,
          TEMPO.bouncePauseSec,
          `Bouncing: down in ${phaseSecText(b.lowerSec)} and straight back up. Pause at the bottom.`,
          'Control it: no bouncing.',
          'warn',
        ),
      );
    if (p.returnSec !== undefined && p.returnSec < tempo.lowerSec * TEMPO.tempoFraction)
      verdicts.push(
        off(
          p.returnSec,
          tempo.lowerSec * TEMPO.tempoFraction,
          `Lowered in ${phaseSecText(p.returnSec)}, aim for ${tempo.lowerSec} s.`,
          `Lower over ${seconds(tempo.lowerSec)}.`,
          'info',
        ),
      );
    if (p.farSec !== undefined && p.farSec < tempo.topSec * TEMPO.tempoFraction)
      verdicts.push(
        off(
          p.farSec,
          tempo.topSec * TEMPO.tempoFraction,
          `Held the top ${phaseSecText(p.farSec)}, aim for ${tempo.topSec} s.`,
          `Hold the top ${seconds(tempo.topSec)}.`,
          'info',
        ),
      );
    if (verdicts.length > 0) return verdicts;
    // A phase that began or ended out of sight has no time (rep-counter.ts, `PhaseTimes`), nor a
    // way back the rep was counted too near the top to time: the rep is not called on tempo on
    // the phases that were timed.
    if (p.returnSec === undefined && p.countedNearTheFarEnd === true)
      return [
        cannotJudge(
          'tempo',
          'The way down was not timed: the rep was counted near the top, as your feet read lower than at the set-up (after turning, say). Before a set, stand still a moment where you will train.',
        ),
      ];
    if (p.returnSec === undefined || p.farSec === undefined)
      return [
        cannotJudge(
          'tempo',
          'Tempo needs the whole rep seen: you were not found for part of it. Stay in the picture, in good light.',
        ),
      ];
    return [pass('tempo', 's', 'On tempo.')];
  },
};

/**
 * Bouncing: lowering quickly into the stretched position and leaving it at once, so the stretch's
 * recoil lifts instead of the muscle (the stretch-shortening cycle). The stretched position is where
 * the lowering ends: for a squat the bottom, the far end of the rep; for a calf raise (or a
 * tibialis lift) the start position, heels (toes) down, between the rep before and this one. A
 * calf raise's top is where the muscle is shortest: a short hold there is off tempo, not a bounce.
 * Undefined where it cannot be told: a raise that is the first of its set has no lowering before it,
 * a lowering or a pause that began or ended out of sight has no time, and a pause between raises
 * seen from two views held a turn: the heel signal's level moves with the view (the real single-leg
 * clip's dropped by more than a raise within 0.1 s as the man turned side-on), so the time spent
 * near its lowest reading between them is the turn's, not the pause's (form-checks.md, "Tempo and
 * height").
 */
function bounceOf(ctx: RepContext): { lowerSec: number; pauseSec: number } | undefined {
  const p = ctx.rep.phases;
  const both = (lowerSec: number | undefined, pauseSec: number | undefined) =>
    lowerSec === undefined || pauseSec === undefined ? undefined : { lowerSec, pauseSec };
  if (ctx.exercise.awayWord === 'down') return both(p.awaySec, p.farSec);
  if (ctx.previous === undefined || ctx.previous.view !== ctx.view) return undefined;
  return both(ctx.previous.phases.returnSec, p.pauseSec);
}
