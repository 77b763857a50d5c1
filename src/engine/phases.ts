import { round2 } from '../geometry/stats.ts';
import type { PhaseTimes, RepPhase } from './rep-events.ts';

/**
 * The counter's phases in words. The counter knows only "away from the start" and "back"; for a
 * squat away is down and the far end the bottom, for a calf raise away is up and the far end the
 * top. Named here once, for the report, the overlay's tempo bar and the command line.
 */
export type PhaseWord = 'down' | 'bottom' | 'up' | 'top';

/**
 * A rep's phase times, seconds. The one at the start position (the top of a squat, the bottom of
 * a raise) is left out where it was not measured: before the first rep of a set.
 */
export interface PhasesInWords {
  /**
   * Each left out where the rep began before the recording did (`phasesInWords`), and each phase
   * that began or ended out of sight (`PhaseTimes`, rep-counter.ts).
   */
  readonly downSec?: number;
  readonly bottomSec?: number;
  readonly upSec?: number;
  readonly topSec?: number;
}

export function phaseWord(phase: RepPhase, awayWord: 'down' | 'up'): PhaseWord {
  const down = awayWord === 'down';
  switch (phase) {
    case 'away':
      return down ? 'down' : 'up';
    case 'far':
      return down ? 'bottom' : 'top';
    case 'return':
      return down ? 'up' : 'down';
    case 'rest':
      return down ? 'top' : 'bottom';
  }
}

/**
 * A rep's phase times by name, rounded to 10 ms. `timed` false: the rep began before the recording
 * did, so its way away from the start was not seen, and the rest of it was measured against the
 * first frame's position, not where the person stood: none is given.
 */
export function phasesInWords(p: PhaseTimes, awayWord: 'down' | 'up', timed = true): PhasesInWords {
  if (!timed) return {};
  const byWord: Partial<Record<PhaseWord, number>> = {};
  const put = (phase: RepPhase, sec: number | undefined) => {
    if (sec !== undefined) byWord[phaseWord(phase, awayWord)] = round2(sec);
  };
  put('away', p.awaySec);
  put('far', p.farSec);
  put('return', p.returnSec);
  put('rest', p.restSec);
  return {
    ...(byWord.down === undefined ? {} : { downSec: byWord.down }),
    ...(byWord.bottom === undefined ? {} : { bottomSec: byWord.bottom }),
    ...(byWord.up === undefined ? {} : { upSec: byWord.up }),
    ...(byWord.top === undefined ? {} : { topSec: byWord.top }),
  };
}

/**
 * A phase's time as it is shown, "0.7 s": from the 10 ms the report keeps, so a rep's line and
 * its tempo note never disagree (0.649 s is kept as 0.65 and read "0.7", not "0.6", everywhere).
 */
export const phaseSecText = (sec: number | undefined): string =>
  sec === undefined ? '–' : `${round2(sec).toFixed(1)} s`;

/**
 * "down 1.2 s, bottom 0.3 s, up 0.9 s" in the order the person moves; `withRest`, first the pause
 * at the start position before the rep ("top 1.1 s, down …"; "top –" before a set's first rep).
 */
export function phasesLine(p: PhasesInWords, awayWord: 'down' | 'up', withRest = false): string {
  const f = phaseSecText;
  const line =
    awayWord === 'up'
      ? `up ${f(p.upSec)}, top ${f(p.topSec)}, down ${f(p.downSec)}`
      : `down ${f(p.downSec)}, bottom ${f(p.bottomSec)}, up ${f(p.upSec)}`;
  if (!withRest) return line;
  return awayWord === 'up' ? `bottom ${f(p.bottomSec)}, ${line}` : `top ${f(p.topSec)}, ${line}`;
}
