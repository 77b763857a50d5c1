import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/engine/rep-events.ts';
import {
  crossingOf,
  heldOver,
  lastInBand,
  riseRate,
  stoppedSec,
  unseenGapMs,
} from '../../src/engine/signal-samples.ts';

/** Samples at a fixed interval from `values`, the first at 0 ms. */
const every = (stepMs: number, values: readonly number[]): Sample[] =>
  values.map((value, i) => ({ timestampMs: i * stepMs, value }));

describe('reading a signal over time', () => {
  it('times a crossing between the two frames either side of it, in proportion', () => {
    const s = every(100, [0, 1]);
    expect(crossingOf(s, 0, 1, 0.25).atMs).toBeCloseTo(25, 9);
    expect(crossingOf(s, 1, -1, 0.75).atMs).toBeCloseTo(75, 9);
    expect(crossingOf(s, 0, 1, 0.25).gapMs).toBe(100);
  });

  it("keeps the frame's own time where there is no neighbour or no crossing between them", () => {
    const s = every(100, [0, 1]);
    expect(crossingOf(s, 1, 1, 0.5)).toEqual({ atMs: 100, gapMs: 0 });
    expect(crossingOf(s, 0, 1, 2).atMs).toBe(0);
    expect(crossingOf(every(100, [1, 1]), 0, 1, 1).atMs).toBe(0);
  });

  it('puts a crossing out of sight past three typical frame gaps, and never under 300 ms', () => {
    expect(unseenGapMs(every(33, [0, 0, 0, 0]))).toBe(300);
    expect(unseenGapMs(every(150, [0, 0, 0, 0]))).toBeCloseTo(450, 9);
    // One long gap does not move the typical one.
    const withAGap = [...every(150, [0, 0, 0]), { timestampMs: 2000, value: 0 }];
    expect(unseenGapMs(withAGap)).toBeCloseTo(450, 9);
  });

  it('adds up only the stops that last long enough, from their first reading to their last', () => {
    // Still for 1.2 s, moving for 0.4 s, still for 0.6 s.
    const values = [...Array<number>(13).fill(0), 0.2, 0.4, 0.6, 0.8, ...Array<number>(7).fill(1)];
    const s = every(100, values);
    expect(stoppedSec(s, -1, 10_000, 0.01, 1000)).toBeCloseTo(1.2, 9);
    expect(stoppedSec(s, -1, 10_000, 0.01, 500)).toBeCloseTo(1.8, 9);
    // Only the readings strictly between the two times: from 0.3 s on, the first stop lasts 0.9 s.
    expect(stoppedSec(s, 200, 10_000, 0.01, 1000)).toBe(0);
    expect(stoppedSec(s, 200, 10_000, 0.01, 500)).toBeCloseTo(1.5, 9);
  });

  it('reads the level held over a time as the lowest reading in it, at least two readings', () => {
    const s = every(50, [0, 0.9, 0.8, 1]);
    expect(heldOver(s, 100)).toBeCloseTo(0.8, 9);
    expect(heldOver(s, 10)).toBeCloseTo(0.8, 9);
    expect(heldOver([], 100)).toBe(-Infinity);
  });

  it('finds the last reading still at the start before the peak', () => {
    const s = every(100, [0, 0.05, 0.02, 0.3, 0.8, 1, 0.01]);
    expect(lastInBand(s, 0.05, 500)).toBe(2);
    expect(lastInBand(s, -1, 500)).toBe(0);
  });

  it('measures the rise over the window up to a reading, and no rise when it fell', () => {
    const s = every(100, [0, 0.1, 0.3, 0.6]);
    const now = { timestampMs: 400, value: 1 };
    expect(riseRate(s, now, 200)).toBeCloseTo((1 - 0.3) / 200, 9);
    expect(riseRate(s, { timestampMs: 400, value: 0 }, 200)).toBe(0);
    expect(riseRate([], now, 200)).toBe(0);
  });
});
