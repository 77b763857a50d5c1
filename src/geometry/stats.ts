/**
 * Small statistics with one definition each, used by every analyzer (the median is the upper
 * median of an even count, as the counters have always used).
 */

/** Median of the finite values; undefined when there are none. */
export function median(values: readonly (number | undefined)[]): number | undefined {
  const sorted = values
    .filter((v): v is number => v !== undefined && Number.isFinite(v))
    .sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The median with an even count taken as the mean of the middle two: unlike `median`'s upper one it
 * turns with the values' sign, so a difference read the other way round (right minus left, or left
 * minus right) gives its negative.
 */
export function symmetricMedian(values: readonly number[]): number | undefined {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const upper = sorted[sorted.length >> 1];
  const lower = sorted[(sorted.length - 1) >> 1];
  return upper === undefined || lower === undefined ? undefined : (lower + upper) / 2;
}

/** Mean of the finite values; undefined when there are none. */
export function meanDefined(values: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== undefined && Number.isFinite(v)) {
      sum += v;
      n += 1;
    }
  }
  return n === 0 ? undefined : sum / n;
}

/**
 * Rounded to two decimals (reports: shank lengths, ratios, seconds). Never -0: a phase timed a
 * hair under nothing (-0.004 s, the crossings between two frames) rounded to -0, which a report
 * saved as JSON reads back as 0, so the saved report was not the one judged.
 */
export function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** Milliseconds to seconds, rounded to 10 ms (times in reports). */
export function msToSec(ms: number): number {
  return Math.round(ms / 10) / 100;
}
