import { round2 } from '../geometry/stats.ts';
import type { PhaseTimes, RepPhase } from './rep-counter.ts';

/**
 * The counter's phases in words. The counter knows only "away from the start" and "back"; for a
 * squat away is down and the far end the bottom, for a calf raise away is up and the far end the
 * top. Named here once, for the report, the overlay's tempo bar and the command line.
 */
export type PhaseWord = 'down' | 'bottom' | 'up' | 'top';

export interface PhasesInWords {
  readonly downSec: number;
  readonly bottomSec: number;
  readonly upSec: number;
  readonly topSec: number;
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

/** A rep's phase times by name, rounded to 10 ms. */
export function phasesInWords(p: PhaseTimes, awayWord: 'down' | 'up'): PhasesInWords {
  const byWord: Record<PhaseWord, number> = { down: 0, bottom: 0, up: 0, top: 0 };
  byWord[phaseWord('away', awayWord)] = round2(p.awaySec);
  byWord[phaseWord('far', awayWord)] = round2(p.farSec);
  byWord[phaseWord('return', awayWord)] = round2(p.returnSec);
  byWord[phaseWord('rest', awayWord)] = round2(p.restSec);
  return { downSec: byWord.down, bottomSec: byWord.bottom, upSec: byWord.up, topSec: byWord.top };
}

/**
 * A phase's time as it is shown, "0.7 s": from the 10 ms the report keeps, so a rep's line and
 * its tempo note never disagree (0.649 s is kept as 0.65 and read "0.7", not "0.6", everywhere).
 */
export const phaseSecText = (sec: number): string => `${round2(sec).toFixed(1)} s`;

/** "down 1.2 s, bottom 0.3 s, up 0.9 s" in the order the person moves. */
export function phasesLine(p: PhasesInWords, awayWord: 'down' | 'up'): string {
  const f = phaseSecText;
  return awayWord === 'up'
    ? `up ${f(p.upSec)}, top ${f(p.topSec)}, down ${f(p.downSec)}`
    : `down ${f(p.downSec)}, bottom ${f(p.bottomSec)}, up ${f(p.upSec)}`;
}
