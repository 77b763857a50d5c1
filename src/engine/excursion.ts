import { median } from '../geometry/stats.ts';
import type { Sample } from './rep-events.ts';

/**
 * One movement away from the rest level and back, as a rep counter sees it on its signal
 * (rep-counter.ts): a rep, or what turns out not to be one. Its far end and its start band are read
 * here, the same way for counting, for the live phase and for timing (rep-phase-times.ts).
 */
export interface Excursion {
  readonly restLevel: number;
  /** The samples at rest before the excursion began (the last few seconds), to time its start. */
  readonly lead: readonly Sample[];
  readonly samples: Sample[];
  peak: Sample;
  /**
   * The highest level the signal stayed at for {@link HELD_MS} (and at least two readings): the far
   * end as the person reached it, not one reading over it (`heldTop`).
   */
  held: number;
  /** Turning points inside the excursion, to tell pulses (several dips, no stand-up) from a rep. */
  extreme: number;
  heading: 'away' | 'back';
  bottoms: number;
  /**
   * Where the signal first stopped rising (a frame under the peak): the far end, for the live
   * phase, while it creeps on from there by less than `farFraction` of the excursion (a held top's
   * jitter and slow creep; the tempo bar's "top" began again at each new highest frame).
   */
  reachedFar: number | undefined;
  /** The fastest the signal has risen in the excursion, per ms over the counter's rise window. */
  fastestRise: number;
}

/**
 * The far end is measured from the highest level the signal stayed at for this long, and for at
 * least two readings, not from its highest single reading (ms). The model's landmarks jitter from
 * frame to frame, and the first frames after a quick movement are read from where the person was
 * tracked before it: the calf-raise photos played as a camera read their top 0.28 shank at first
 * and then held it at 0.24, 17 % lower, under the far band, so the top read 0.5 s and the lowering
 * 6 s (rep-counter.md, "The far end: a level held, not one reading"). One reading over the top is
 * now no top; readings over it for longer, before a stop, are `stopAtTheFarEnd`'s. Near a smooth far
 * end with no pause, the signal moves under 1 % of the excursion in 100 ms of a 1-s way (half a
 * cosine), so the band it leaves is the same.
 */
export const HELD_MS = 100;

/**
 * Still this long (within a still signal's jitter, half of `startDelta`), the person stopped (ms):
 * the 1 s a calf raise's top is held for. A stop at the far end, after settling from it, is the far
 * end, and the way back is timed from there (`stopAtTheFarEnd`); a stop part-way along a way is
 * added to that way's time as it was, not stretched as a smooth movement's part (`stoppedSec`). A
 * way at the pace asked for moves further than the jitter in far less time (a lowering over 3 s, as
 * half a cosine, moves a quarter of the way in its first second).
 */
export const STOP_MS = 1000;

/** A dip-and-rise inside one excursion bigger than this fraction of it is a separate pulse. */
export const PULSE_FRACTION = 0.25;

/**
 * The level the person reached at the far end: the highest held for {@link HELD_MS}, or the peak
 * where none was held above the rest level (a one-reading excursion).
 */
export function heldTop(e: Excursion): number {
  return e.held > e.restLevel ? e.held : e.peak.value;
}

/**
 * The far band's edge: `farFraction` of the excursion from the level the person held at its far
 * end (`heldTop`), the excursion measured to that level too.
 */
export function farLevel(e: Excursion, farFraction: number): number {
  const top = heldTop(e);
  return top - farFraction * (top - e.restLevel);
}

/**
 * The level that leaving the rest band means, for an excursion of `amp`: half the start band
 * (`startDelta`, twice a still signal's jitter) or a tenth of the excursion, whichever is more.
 */
export function startLevel(e: Excursion, amp: number, startDelta: number): number {
  return e.restLevel + Math.max(startDelta * 0.5, 0.1 * amp);
}

/**
 * Where the person last stopped at the far end before the way back, if they did: the median of
 * the latest stretch after the peak, at least {@link STOP_MS} long, whose readings all lie
 * within a still signal's jitter of each other (half of `startDelta`, as the pause before a rep
 * takes it) and none further from the level held there than {@link PULSE_FRACTION} of the
 * excursion (the counter's own measure of one far end: a dip-and-rise no deeper is no new pulse),
 * at most that level. Undefined where the person did not stop there. A top read 17 % over where it
 * was then held (the first frames after the calf-raise photos were swapped, at 10 frames/s; a
 * person who rises high and settles a little) timed the held top as part of the way down, 6 s of it
 * (rep-counter.md, "The far end: a level held, not one reading").
 */
export function stopAtTheFarEnd(e: Excursion, startDelta: number): number | undefined {
  const top = heldTop(e);
  const deepest = top - PULSE_FRACTION * (top - e.restLevel);
  const still = startDelta * 0.5;
  const samples = e.samples;
  const peakAt = samples.indexOf(e.peak);
  for (let end = samples.length - 1; end > peakAt; end--) {
    const last = samples[end];
    if (last === undefined || last.value < deepest) continue;
    let lo = last.value;
    let hi = last.value;
    for (let i = end - 1; i > peakAt; i--) {
      const s = samples[i];
      if (s === undefined || s.value < deepest) break;
      lo = Math.min(lo, s.value);
      hi = Math.max(hi, s.value);
      if (hi - lo > still) break;
      if (last.timestampMs - s.timestampMs >= STOP_MS) {
        const level = median(samples.slice(i, end + 1).map((x) => x.value)) ?? top;
        return Math.min(level, top);
      }
    }
  }
  return undefined;
}
