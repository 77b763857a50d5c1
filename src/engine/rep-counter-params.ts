/**
 * How a rep counter (rep-counter.ts) reads its signal: the levels and times that make a rep, each
 * exercise's in the catalogue with where its numbers come from (catalog.ts).
 */
export interface RepCounterParams {
  /** Leaving the start: signal above the rest level by this much (signal units). */
  readonly startDelta: number;
  /** Smallest excursion that can be a rep at all (measured noise x ~4). */
  readonly minAmplitude: number;
  /** The far end: within this fraction of the excursion from the peak. */
  readonly farFraction: number;
  /** Back at the start: below this fraction of the excursion. */
  readonly returnFraction: number;
  /** An excursion under this fraction of the median of earlier reps is a partial (a pulse). */
  readonly relativeMinAmplitude: number;
  /** More bottoms than this in one excursion, without returning to the start: pulses, not a rep. */
  readonly maxBottoms: number;
  /** Shortest rep, timed from the last reading at the start to the first reading back (ms). */
  readonly minRepMs: number;
  /**
   * A rep quicker than `minRepMs` still counts when it rises at least `minAmplitude` (signal units)
   * and lasts at least `minMs`, and is no larger than the set's reps (their typical size over
   * `relativeMinAmplitude`, as the smallest is that share of it): the time limit keeps small
   * wobbles from counting, a lift twice the smallest countable one is no wobble, and one many
   * times a rep's size is something else done quickly (catalog.ts, the calf raise; rep-counter.md,
   * "Quicker than the test cadence").
   */
  readonly quickRep?: { readonly minAmplitude: number; readonly minMs: number };
  readonly maxRepMs: number;
  /** Time constant with which the rest level follows the signal while at rest (camera drift). */
  readonly restTrackingMs: number;
  /**
   * A rep's far end must also be `minAmplitude` past the start position the setup gate saw
   * (`calibrate`), not only past wherever the signal was just before it: a movement that only
   * comes back to the start from the other side is not a rep (catalog.ts, the tibialis lift).
   */
  readonly pastTheStartPosition?: true;
  /**
   * A rep is also back at the start once the signal is within `returnFraction` of its lift above
   * the start position the setup gate saw, not only within that fraction of the excursion from
   * the lowest point before it: a dip below the start just before a lift (a person looking down at
   * their feet) does not make the way back longer (catalog.ts, the calf raise; rep-counter.md,
   * "Back where the heels stood").
   */
  readonly backAtTheStartPosition?: true;
}
