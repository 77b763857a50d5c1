import type { Fault } from './faults.ts';
import type { RepsExercise, Tempo } from './exercise-def.ts';
import { median, msToSec, round2 } from '../geometry/stats.ts';

/**
 * A run of quick lifts that were not counted: bouncing on the toes, pulsing in a half squat.
 * Each lift on its own is just "too small to count" and says nothing a person can act on; several
 * in a rhythm faster than any rep can be done properly is a pattern to name.
 *
 * The pace: the standardised heel-rise test, the fastest way calf raises are done in clinics, sets
 * a metronome at 30 rises a minute (up on one beat, down on the next: 2 s a rep; Hébert-Losier
 * 2017; Sleeswijk Visser's incline test), each rise as high as possible. Lifts that begin less
 * than 2 s after the one before and stay under the counted height are faster and smaller than
 * that. Three in a row is the least that makes a rhythm; one or two stray excursions (a shuffle,
 * a wobble) do not.
 */

/** Lifts starting closer together than this (ms) are quicker than a proper rep can be. */
export const QUICK_LIFT_CYCLE_MS = 2000;
/** This many uncounted quick lifts in a row make a run. */
export const QUICK_LIFT_RUN = 3;

export interface UncountedLift {
  readonly startMs: number;
  readonly endMs: number;
  /** Why it was not counted: under the countable height, or high enough but too quick. */
  readonly why: 'small' | 'quick';
}

export interface QuickLiftRun {
  /** Lifts in the run so far. */
  readonly lifts: number;
  readonly firstMs: number;
  readonly lastMs: number;
  /** Median time from one lift's start to the next one's (ms). */
  readonly cycleMs: number;
  /** Every lift in the run was high enough to count and too quick: not "small". */
  readonly allQuick: boolean;
}

export class QuickLifts {
  private run: UncountedLift[] = [];
  private reported = false;

  /** A lift the counter let go as too small or too quick; a run the first time it is long enough. */
  uncounted(lift: UncountedLift): QuickLiftRun | undefined {
    const previous = this.run[this.run.length - 1];
    if (previous !== undefined && lift.startMs - previous.startMs >= QUICK_LIFT_CYCLE_MS)
      this.counted();
    this.run.push(lift);
    if (this.reported || this.run.length < QUICK_LIFT_RUN) return undefined;
    this.reported = true;
    return this.summary();
  }

  /** A counted rep (or a pause) ends the run. */
  counted(): void {
    this.run = [];
    this.reported = false;
  }

  private summary(): QuickLiftRun {
    const cycles = this.run.slice(1).map((l, i) => l.startMs - (this.run[i]?.startMs ?? l.startMs));
    return {
      lifts: this.run.length,
      firstMs: this.run[0]?.startMs ?? 0,
      lastMs: this.run[this.run.length - 1]?.endMs ?? 0,
      cycleMs: median(cycles) ?? 0,
      allQuick: this.run.every((l) => l.why === 'quick'),
    };
  }
}

/**
 * What the person is told: with a prescribed tempo (calf raise, tibialis lift) the run breaks it
 * (`tempo`, warn); without one (a squat) the dips are named as not counted (`partial-reps`, a note).
 */
export function quickLiftFault(
  run: QuickLiftRun,
  tempo: Tempo | undefined,
  away: RepsExercise['awayWord'],
): Fault {
  const measured = {
    atSec: msToSec(run.firstMs),
    value: round2(run.cycleMs / 1000),
    threshold: QUICK_LIFT_CYCLE_MS / 1000,
    confidence: 1,
    unit: 's',
  };
  const moves = away === 'down' ? 'dips' : 'lifts';
  // Lifts that reached a countable height were left uncounted for their speed alone.
  const which = run.allQuick ? `${moves} this quick` : `small quick ${moves}`;
  if (tempo !== undefined)
    return {
      code: 'tempo',
      severity: 'warn',
      ...measured,
      message: `Bouncing: ${which} are not counted. Go all the way ${away}, hold ${tempo.topSec} s, lower over ${tempo.lowerSec} s.`,
      cue: run.allQuick ? 'Slower, hold at the top.' : `All the way ${away}, no bouncing.`,
    };
  return {
    code: 'partial-reps',
    severity: 'info',
    ...measured,
    message: `${which.charAt(0).toUpperCase()}${which.slice(1)} are not counted: ${
      run.allQuick ? 'slow down, ' : ''
    }go all the way ${away} and all the way back each rep.`,
    cue: run.allQuick ? 'Not counted: slower.' : `Not counted: all the way ${away}.`,
  };
}
