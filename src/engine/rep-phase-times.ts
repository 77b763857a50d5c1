import { wholeMovementSec } from './movement-profile.ts';
import type { RepCounterParams } from './rep-counter-params.ts';
import type { PhaseTimes, Sample } from './rep-events.ts';
import {
  farLevel,
  heldTop,
  startLevel,
  STOP_MS,
  stopAtTheFarEnd,
  type Excursion,
} from './excursion.ts';
import {
  crossingOf,
  lastInBand,
  stoppedSec,
  unseenGapMs,
  type Crossing,
} from './signal-samples.ts';

/**
 * The least share of the way back, from the far end to the rest level, gone at the count for the
 * way back to be timed. The way back is timed from the far end to the level the rep was closed at,
 * the whole movement from that part (`wholeMovementSec`), so the smaller the part, the more a
 * frame's error counts: a quarter of the way is 16 % of a smooth movement's time, and the crossings'
 * error (up to half a frame each, between frames) is ±21 % of a 1-s lowering at 30 frames/s and ±64 %
 * at 10. A count back where the heels stood comes earlier when they read lower now (the person
 * turned), until a rest between raises shows where they stand: 6-23 % of the way on the
 * 3/4-then-side calf-raise clip, whose raises were "lowered in 0.0-0.2 s" timed so. A person who
 * looked down at the feet before the first raise counts a third of the way
 * (`calfraise_34front_home_bodyweight`, 31 %), timed as any other.
 */
const MIN_TIMED_RETURN = 0.25;

/**
 * Whether the way back is timed, with `closedShare` of it gone when the rep was closed: not where
 * under {@link MIN_TIMED_RETURN} of the way from the far end to the rest level was. A rep closed
 * back where the heels stood, when they read lower now than at the set-up (the person turned)
 * and no rest has shown it yet, closes just under the top, and the way down read "0.0 s"
 * (rep-counter.md, "A phase out of sight").
 */
export function wayBackTimed(closedShare: number, farFraction: number): boolean {
  return closedShare - farFraction >= MIN_TIMED_RETURN * (1 - farFraction);
}

/** What the counter knows around a rep it has just counted, to time it. */
export interface RepSurroundings {
  /** The level the signal crossed on its way back when the rep was closed. */
  readonly closedAt: number;
  /** Where the rep before came back (the rest between them is timed from there), if seen. */
  readonly lastRepEnd: Crossing | undefined;
  /** The samples at rest since the rep before (undefined before the first rep). */
  readonly sinceLastRep: readonly Sample[] | undefined;
}

/**
 * The time a counted rep of `amp` spent in each phase, and the crossing it came back at (the rest
 * before the next rep is timed from there).
 */
export function phaseTimes(
  e: Excursion,
  amp: number,
  p: RepCounterParams,
  around: RepSurroundings,
): { phases: PhaseTimes; back: Crossing } {
  // Phase boundaries are the times the signal crossed each level, between the frames that saw
  // it, so phase times neither shrink nor grow with the frame rate (at 10 frames/s the frame
  // that happens to see a crossing is up to 100 ms late).
  // The far end is measured from the level held there (`held`), not one reading over it; it is
  // left from there, or from where the person stopped after sinking from it.
  const heldAmp = heldTop(e) - e.restLevel;
  const farFrom = farLevel(e, p.farFraction);
  const backFrom = stopAtTheFarEnd(e, p.startDelta) ?? heldTop(e);
  const backAmp = backFrom - e.restLevel;
  const leaveLevel = backFrom - p.farFraction * backAmp;
  const farStart = crossingOf(
    e.samples,
    e.samples.findIndex((s) => s.value >= farFrom),
    -1,
    farFrom,
  );
  const farEnd = crossingOf(
    e.samples,
    e.samples.findLastIndex((s) => s.value >= leaveLevel),
    1,
    leaveLevel,
  );
  // Left the start band: found in the frames at rest before the excursion too, as it opens only
  // `startDelta` above the lowest point, over the start band's level for a small rep.
  const startFrom = startLevel(e, amp, p.startDelta);
  const fromRest = [
    ...e.lead.filter((s) => s.timestampMs < (e.samples[0]?.timestampMs ?? -Infinity)),
    ...e.samples,
  ];
  const left = lastInBand(fromRest, startFrom, e.peak.timestampMs);
  const leftRest = crossingOf(fromRest, left, 1, startFrom);
  const closedAt = around.closedAt;
  const returned = crossingOf(e.samples, e.samples.length - 2, 1, closedAt);
  const back = returned.atMs >= farEnd.atMs ? returned : farEnd;
  // Each phase is timed only where both its ends were seen.
  const gapMs = unseenGapMs(e.samples);
  const seen = (...ends: Crossing[]) => ends.every((c) => c.gapMs <= gapMs);
  const secs = (from: Crossing, to: Crossing) =>
    seen(from, to) ? (to.atMs - from.atMs) / 1000 : undefined;
  // The levels see part of each movement: the whole of it is timed from that part, as a smooth
  // movement spends its time (movement-profile.ts; rep-counter.md, "Phases: whole movements").
  const far = 1 - p.farFraction;
  // Left from the start band's level, or from the first frame's where none was in it.
  const leftFrom = Math.max(startFrom, fromRest[left]?.value ?? -Infinity);
  const leftShare = Math.min(0.5, (leftFrom - e.restLevel) / heldAmp);
  // A part with no frame inside it (both its ends interpolated between the same two frames, a
  // drop between two frames) was timed as moving evenly between them: so is the whole of it.
  const framed = (from: Crossing, to: Crossing) =>
    fromRest.some((s) => s.timestampMs > from.atMs && s.timestampMs < to.atMs);
  const moving = (partSec: number, from: number, to: number, framedPart: boolean) =>
    framedPart ? wholeMovementSec(partSec, from, to) : partSec / Math.max(0.05, to - from);
  const still = p.startDelta * 0.5;
  // A stop part-way is no part of a smooth movement: the rest of the part is, and the stop is
  // added as it was (a stretched stop read two quick drops with one between as a slow lowering).
  const whole = (
    partSec: number,
    from: number,
    to: number,
    ends: readonly [Crossing, Crossing],
  ) => {
    const stopSec = Math.min(
      partSec,
      stoppedSec(fromRest, ends[0].atMs, ends[1].atMs, still, STOP_MS),
    );
    return moving(partSec - stopSec, from, to, framed(...ends)) + stopSec;
  };
  const awayPart = secs(leftRest, farStart);
  const awaySec =
    awayPart === undefined ? undefined : whole(awayPart, leftShare, far, [leftRest, farStart]);
  const closedShare = 1 - (closedAt - e.restLevel) / backAmp;
  const timedBack = wayBackTimed(closedShare, p.farFraction);
  const returnPart = timedBack ? secs(farEnd, back) : undefined;
  const returnSec =
    returnPart === undefined
      ? undefined
      : whole(returnPart, p.farFraction, closedShare, [farEnd, back]);
  const farSec = secs(farStart, farEnd);
  const lastRepEnd = around.lastRepEnd;
  const restMs =
    lastRepEnd === undefined || !seen(lastRepEnd, leftRest)
      ? undefined
      : leftRest.atMs - lastRepEnd.atMs;
  const pauseMs = pauseBeforeMs(e, amp, p, around.sinceLastRep);
  return {
    phases: {
      ...(awaySec === undefined ? {} : { awaySec }),
      ...(farSec === undefined ? {} : { farSec }),
      ...(returnSec === undefined ? {} : { returnSec }),
      ...(!timedBack && seen(farEnd, returned) ? { countedNearTheFarEnd: true as const } : {}),
      ...(restMs === undefined ? {} : { restSec: Math.max(0, restMs / 1000) }),
      ...(pauseMs === undefined ? {} : { pauseSec: Math.max(0, pauseMs / 1000) }),
    },
    back,
  };
}

/**
 * How long the signal stayed near its lowest between the last rep and this excursion's peak:
 * within `farFraction` of `amp` of it, or the start band's margin for jitter if more (ms).
 * Undefined before the first rep, and where the pause began or ended out of sight.
 */
function pauseBeforeMs(
  e: Excursion,
  amp: number,
  p: RepCounterParams,
  sinceLastRep: readonly Sample[] | undefined,
): number | undefined {
  if (sinceLastRep === undefined) return undefined;
  const peakAt = e.samples.indexOf(e.peak);
  const samples = [...sinceLastRep, ...e.samples.slice(0, peakAt + 1)].filter(
    (s, i, all) => i === 0 || s.timestampMs > (all[i - 1]?.timestampMs ?? -Infinity),
  );
  const lowest = Math.min(...samples.map((s) => s.value));
  // Not under the start band's own margin for a still signal's jitter (`startLevel`).
  const level = lowest + Math.max(p.farFraction * amp, p.startDelta * 0.5);
  const first = samples.findIndex((s) => s.value <= level);
  const last = samples.findLastIndex((s) => s.value <= level);
  if (first < 0 || last < 0) return 0;
  const began = crossingOf(samples, first, -1, level);
  const ended = crossingOf(samples, last, 1, level);
  const gapMs = unseenGapMs(samples);
  return began.gapMs > gapMs || ended.gapMs > gapMs ? undefined : ended.atMs - began.atMs;
}
