import { median } from '../geometry/stats.ts';
import type { Sample } from './rep-events.ts';

/**
 * Reading a counter's signal over time (rep-counter.ts): the level it stayed at, the time it stood
 * still, and when it crossed a level, interpolated between frames and known to be out of sight when
 * the frames either side are far apart (rep-counter.md, "A phase out of sight").
 */

/**
 * The lowest of the last samples spanning `ms` and at least two readings: the level the signal
 * stayed at over that time, up to the newest sample.
 */
export function heldOver(samples: readonly Sample[], ms: number): number {
  const now = samples.at(-1);
  if (now === undefined) return -Infinity;
  let lowest = now.value;
  for (let i = samples.length - 2; i >= 0; i--) {
    const s = samples[i];
    if (s === undefined) break;
    lowest = Math.min(lowest, s.value);
    if (now.timestampMs - s.timestampMs >= ms) break;
  }
  return lowest;
}

/**
 * The time the signal stood still between `fromMs` and `toMs` (seconds): each stretch of readings
 * there, at least `stopMs` long, within `still` of each other, from its first reading to its last.
 */
export function stoppedSec(
  samples: readonly Sample[],
  fromMs: number,
  toMs: number,
  still: number,
  stopMs: number,
): number {
  const inside = samples.filter((s) => s.timestampMs > fromMs && s.timestampMs < toMs);
  let totalMs = 0;
  let i = 0;
  while (i < inside.length) {
    const first = inside[i];
    if (first === undefined) break;
    let lo = first.value;
    let hi = first.value;
    let j = i;
    for (let k = i + 1; k < inside.length; k++) {
      const v = inside[k]?.value ?? NaN;
      if (!(Math.max(hi, v) - Math.min(lo, v) <= still)) break;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      j = k;
    }
    const spanMs = (inside[j]?.timestampMs ?? first.timestampMs) - first.timestampMs;
    if (spanMs >= stopMs) {
      totalMs += spanMs;
      i = j + 1;
    } else i += 1;
  }
  return totalMs / 1000;
}

/** The last of `samples` at or under `level` before `peakMs` (the first sample where none is). */
export function lastInBand(samples: readonly Sample[], level: number, peakMs: number): number {
  let start = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (s === undefined || s.timestampMs >= peakMs) break;
    if (s.value <= level) start = i;
  }
  return start;
}

/**
 * When the signal crossed a level, and how far apart the frames either side of that moment were
 * (ms): the crossing is somewhere between them, interpolated.
 */
export interface Crossing {
  readonly atMs: number;
  readonly gapMs: number;
}

/**
 * When the signal crossed `level` between sample `i` and its neighbour `i + step`, linearly
 * interpolated; sample `i`'s own time when there is no neighbour or no crossing between them.
 */
export function crossingOf(
  samples: readonly Sample[],
  i: number,
  step: 1 | -1,
  level: number,
): Crossing {
  const at = samples[i];
  if (at === undefined) return { atMs: NaN, gapMs: 0 };
  const next = samples[i + step];
  if (next === undefined) return { atMs: at.timestampMs, gapMs: 0 };
  const gapMs = Math.abs(next.timestampMs - at.timestampMs);
  if (next.value === at.value) return { atMs: at.timestampMs, gapMs };
  const f = (at.value - level) / (at.value - next.value);
  return {
    atMs:
      f >= 0 && f <= 1 ? at.timestampMs + f * (next.timestampMs - at.timestampMs) : at.timestampMs,
    gapMs,
  };
}

/**
 * A crossing is out of sight when the frames either side of it are further apart than this (ms):
 * three of the rep's typical frame intervals (two frames in a row missed), and never under
 * {@link MIN_UNSEEN_GAP_MS}. A crossing interpolated between frames close together is timed to
 * well under a frame; one in a longer gap (the person not found for a while) could be anywhere
 * in it.
 */
export function unseenGapMs(samples: readonly Sample[]): number {
  const steps = samples.slice(1).map((s, i) => s.timestampMs - (samples[i]?.timestampMs ?? 0));
  return Math.max(MIN_UNSEEN_GAP_MS, 3 * (median(steps) ?? 0));
}

/**
 * The least gap that puts a crossing out of sight (ms): at 10 frames/s, the lowest rate the engine
 * is specified at, two frames missed in a row are still in sight; at 30 frames/s, eight. A
 * crossing in a gap is found exactly where the signal moves evenly through it, and could be off
 * by as much as the gap where it does not (rep-counter.md, "A phase out of sight").
 */
const MIN_UNSEEN_GAP_MS = 300;

/** How fast the signal rose to `sample` over the last `windowMs` (per ms; 0 if it fell). */
export function riseRate(samples: readonly Sample[], sample: Sample, windowMs: number): number {
  let from: Sample | undefined;
  for (let i = samples.length - 1; i >= 0; i -= 1) {
    const s = samples[i];
    if (s === undefined) continue;
    from = s;
    if (sample.timestampMs - s.timestampMs >= windowMs) break;
  }
  if (from === undefined || from.timestampMs >= sample.timestampMs) return 0;
  return Math.max(0, (sample.value - from.value) / (sample.timestampMs - from.timestampMs));
}
