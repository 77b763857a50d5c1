/**
 * What a rep counter (rep-counter.ts) reads and says: the samples of its signal, the phase the
 * person is in, and the reps it counts or lets go, with why.
 */

export type RepPhase = 'rest' | 'away' | 'far' | 'return';

export interface Sample {
  readonly timestampMs: number;
  readonly value: number;
}

/**
 * Time spent in each phase of one rep, in seconds (rep-counter.md, "Phases: whole movements"). The
 * ways there and back are whole movements, from when the person began to move to when they
 * stopped, timed from the part of each that the counter's levels see as a smooth movement spends
 * its time (`movement-profile.ts`); the far end is the time spent near it, within `farFraction` of
 * the rep's excursion, and so holds the slow end of the way there and the slow start of the way
 * back. A phase that begins or ends out of sight is not timed (undefined): where the frames either
 * side of the moment the signal crossed its boundary are further apart than `unseenGapMs`
 * (signal-samples.ts; the person was not found in between), the crossing could lie anywhere in the
 * gap, and so could the phase's length (rep-counter.md, "A phase out of sight").
 */
export interface PhaseTimes {
  /** Moving away from the start (down in a squat, up in a calf raise): the whole movement. */
  readonly awaySec?: number;
  /** Near the far end (bottom of a squat, top of a calf raise). */
  readonly farSec?: number;
  /** Coming back (up in a squat, down in a calf raise): the whole movement. */
  readonly returnSec?: number;
  /**
   * The rep was counted too near its far end for the way back to be timed (`wayBackTimed`): why
   * `returnSec` is missing where both its ends were seen.
   */
  readonly countedNearTheFarEnd?: true;
  /**
   * At the start before this rep (top of a squat, bottom of a calf raise): from the count of the rep
   * before to leaving the start band. Not measured before the first rep after the counter started
   * or was interrupted: that wait is setting up, not a pause between reps (it read "0.0 s", as if
   * there had been none).
   */
  readonly restSec?: number;
  /**
   * The pause itself in the start position before this rep: how long the signal stayed near the
   * lowest it reached between the rep before and this one, within `farFraction` of this rep's
   * excursion (as the far end is timed near the peak; at least half of `startDelta`, a still
   * signal's jitter), the crossings timed between frames. `restSec` also holds the end of the rep
   * before (from its count on) and the start of this one. Measured as `restSec` is.
   */
  readonly pauseSec?: number;
}

export interface CountedRep {
  readonly index: number;
  readonly startMs: number;
  readonly peakMs: number;
  readonly endMs: number;
  readonly restLevel: number;
  readonly peakValue: number;
  readonly amplitude: number;
  /**
   * With `backAtTheStartPosition` or `pastTheStartPosition` (calf raises, tibialis lifts): how far
   * the peak rose above where the heels (toes) stood flat (the start position; for heels followed
   * down as they settle: "Back where the heels stood", rep-counter.md), the lift's height whatever
   * lower point its excursion began from.
   */
  readonly aboveTheStart?: number;
  readonly phases: PhaseTimes;
}

/** Why an excursion was let go without a count (said to the person, kept in the report). */
export type PartialReason =
  | 'too small'
  | 'too quick'
  | 'much smaller than your other reps'
  | 'pulses without standing up between them'
  | 'too long to be a rep'
  | 'stopped part-way'
  /** Set by the rep analyzer, not the counter: a calf raise's toes travelled (feet-planted.ts). */
  | 'the feet moved (a step, not a raise)';

export type RepEvent =
  | { readonly type: 'rep'; readonly rep: CountedRep }
  | {
      readonly type: 'partial';
      /** When the excursion began, and when it was let go. */
      readonly startMs: number;
      readonly atMs: number;
      readonly amplitude: number;
      readonly reason: PartialReason;
    };
