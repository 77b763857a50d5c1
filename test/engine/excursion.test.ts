import { describe, expect, it } from 'vitest';
import {
  farLevel,
  heldTop,
  startLevel,
  STOP_MS,
  stopAtTheFarEnd,
  type Excursion,
} from '../../src/engine/excursion.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import type { Sample } from '../../src/engine/rep-events.ts';
import { phaseTimes, wayBackTimed } from '../../src/engine/rep-phase-times.ts';

/** The squat's own counting parameters (hip drop in shank lengths; catalog.ts). */
const SQUAT = findExercise('squat');
if (SQUAT.kind !== 'reps') throw new Error('squat is a reps exercise');
const PARAMS = SQUAT.counter;
const START_DELTA = PARAMS.startDelta;
/** Phase times read from frames 33 ms apart, each end placed between two frames. */
const PHASE_TOLERANCE_SEC = 0.1;
const FRAME_MS = 1000 / 30;

/** Samples of `at(ms)` from `fromMs` to `toMs`, at 30 frames/s. */
function signal(fromMs: number, toMs: number, at: (ms: number) => number): Sample[] {
  const out: Sample[] = [];
  for (let t = fromMs; t <= toMs; t += FRAME_MS) out.push({ timestampMs: t, value: at(t) });
  return out;
}

/** An excursion from rest level 0 over `samples`, its far end held at `held`. */
function excursion(samples: Sample[], held: number): Excursion {
  const peak = samples.reduce((a, b) => (b.value > a.value ? b : a));
  return {
    restLevel: 0,
    lead: [],
    samples,
    peak,
    held,
    extreme: peak.value,
    heading: 'back',
    bottoms: 1,
    reachedFar: undefined,
    fastestRise: 0,
  };
}

describe('an excursion (excursion.ts)', () => {
  it('has its far end where the person held it, not at one reading over it', () => {
    const spike = signal(0, 1000, (t) => (t > 500 && t < 520 ? 1.2 : 1));
    expect(heldTop(excursion(spike, 1))).toBe(1);
  });

  it('takes the peak as its far end when nothing was held above the rest level', () => {
    const once = [
      { timestampMs: 0, value: 0 },
      { timestampMs: 33, value: 0.4 },
      { timestampMs: 67, value: 0 },
    ];
    expect(heldTop(excursion(once, 0))).toBe(0.4);
  });

  it('puts the far band a fraction of the excursion under the level held', () => {
    const e = excursion(
      signal(0, 1000, () => 1),
      1,
    );
    expect(farLevel(e, 0.15)).toBeCloseTo(0.85, 10);
  });

  it('leaves the rest band at half the start band, or a tenth of a large excursion', () => {
    const e = excursion(
      signal(0, 1000, () => 1),
      1,
    );
    expect(startLevel(e, 0.3, START_DELTA)).toBeCloseTo(START_DELTA / 2, 10);
    expect(startLevel(e, 1, START_DELTA)).toBeCloseTo(0.1, 10);
  });

  it('finds a stop at the far end: a still second after settling a little from the top', () => {
    // Up to 1.0, settles to 0.9 and holds it 1.5 s, then goes back down.
    const samples = signal(0, 3000, (t) =>
      t < 300
        ? t / 300
        : t < 500
          ? 1 - (t - 300) / 2000
          : t < 2000
            ? 0.9
            : Math.max(0, 0.9 - (t - 2000) / 1000),
    );
    expect(stopAtTheFarEnd(excursion(samples, 1), START_DELTA)).toBeCloseTo(0.9, 2);
  });

  it('finds no stop where the person turned straight back, or stood still for under a second', () => {
    const straightBack = signal(0, 2000, (t) => 1 - Math.abs(t - 1000) / 1000);
    expect(stopAtTheFarEnd(excursion(straightBack, 0.99), START_DELTA)).toBeUndefined();
    const shortStop = STOP_MS * 0.6;
    const brief = signal(0, 2000 + shortStop, (t) =>
      t < 1000
        ? t / 1000
        : t < 1000 + shortStop
          ? 1
          : Math.max(0, 1 - (t - 1000 - shortStop) / 1000),
    );
    expect(stopAtTheFarEnd(excursion(brief, 1), START_DELTA)).toBeUndefined();
  });
});

/** How far along a movement is at `x` (0-1) of its time, as a person moves (half a cosine). */
const smooth = (x: number) => (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, x)))) / 2;

describe("a counted rep's phase times (rep-phase-times.ts)", () => {
  it('times the way back only where a quarter of it was gone when the rep was counted', () => {
    const f = PARAMS.farFraction;
    expect(wayBackTimed(f + 0.3 * (1 - f), f)).toBe(true);
    expect(wayBackTimed(f + 0.2 * (1 - f), f)).toBe(false);
  });

  it('times a smooth squat down over 2 s and up over 1 s as that, whatever part of each it saw', () => {
    // Still until 1 s, down over 2 s, a 0.5-s bottom, up over 1 s; counted where it came back
    // within the squat's return fraction of the rest level.
    const depth = 1;
    const at = (t: number) =>
      t < 3000
        ? depth * smooth((t - 1000) / 2000)
        : t < 3500
          ? depth
          : depth * (1 - smooth((t - 3500) / 1000));
    const closedAt = PARAMS.returnFraction * depth;
    const all = signal(0, 5000, at);
    const opened = all.findIndex((s) => s.value > START_DELTA);
    const closed = all.findIndex(
      (s, i) => i > opened && s.timestampMs > 3500 && s.value <= closedAt,
    );
    const lead = all.slice(0, opened - 1);
    const e = { ...excursion(all.slice(opened - 1, closed + 1), depth), lead };
    const { phases, back } = phaseTimes(e, depth, PARAMS, {
      closedAt,
      lastRepEnd: { atMs: -1500, gapMs: 0 },
      sinceLastRep: lead,
    });
    expect(Math.abs((phases.awaySec ?? 0) - 2)).toBeLessThan(PHASE_TOLERANCE_SEC);
    expect(Math.abs((phases.returnSec ?? 0) - 1)).toBeLessThan(PHASE_TOLERANCE_SEC);
    expect(phases.farSec).toBeGreaterThan(0.5);
    expect(back.atMs).toBeGreaterThan(3500);
    // The rest before it is timed from where the rep before came back.
    expect(phases.restSec).toBeGreaterThan(2.5);
  });
});
