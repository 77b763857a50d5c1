import type { CircleDirection } from '../engine/circle-counter.ts';
import type { Fault } from '../engine/faults.ts';
import { holdEndWords } from '../engine/hold-end.ts';
import type { HoldReport } from '../engine/report.ts';

/**
 * The line beside the picture when a hold ends, kept there as a rep's line is (rep-line.ts):
 * "Hold 2: 12.4 s, ended: Sit lower.", "…, ended: you moved." A hold that lasted until the set
 * ended has no reason.
 */
export function holdLine(index: number, hold: HoldReport): string {
  const ended = holdEndWords(hold.endedBecause);
  return `Hold ${index}: ${hold.seconds.toFixed(1)} s${ended === undefined ? '' : `, ended: ${ended}`}.`;
}

/**
 * The line beside the picture when a circle is counted: "Circle 7 clockwise." with what was wrong
 * in it, if anything ("Circle 7 clockwise: Keep your head still: only the knees move."). Nothing is
 * claimed of a circle with no fault: the head may not have been judged in it (face out of view).
 */
export function circleLine(
  count: number,
  direction: CircleDirection,
  faults: readonly Fault[],
): string {
  const what = faults.map((f) => f.message).join(' ');
  return `Circle ${count} ${direction}${what === '' ? '.' : `: ${what}`}`;
}
