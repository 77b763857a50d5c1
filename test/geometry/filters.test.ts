import { describe, expect, it } from 'vitest';
import { MedianFilter } from '../../src/geometry/median-filter.ts';
import {
  oneEuroStep,
  type OneEuroParams,
  type OneEuroState,
} from '../../src/geometry/one-euro-filter.ts';

const PARAMS: OneEuroParams = { minCutoffHz: 1.5, beta: 2, derivativeCutoffHz: 1 };

describe('One Euro filter', () => {
  it('steadies a still signal with jitter', () => {
    let s: OneEuroState | undefined;
    const out: number[] = [];
    for (let i = 0; i < 60; i++) {
      s = oneEuroStep(s, 1 + (i % 2 === 0 ? 0.02 : -0.02), i * 33, PARAMS);
      out.push(s.value);
    }
    const tail = out.slice(30);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(0.02);
  });

  it('follows a fast step within a few frames', () => {
    let s: OneEuroState | undefined;
    for (let i = 0; i < 10; i++) s = oneEuroStep(s, 0, i * 33, PARAMS);
    for (let i = 10; i < 20; i++) s = oneEuroStep(s, 1, i * 33, PARAMS);
    expect(s?.value).toBeGreaterThan(0.9);
  });

  it('starts afresh after a gap', () => {
    const s = oneEuroStep({ value: 5, derivative: 0, timestampMs: 0 }, 1, 2000, PARAMS);
    expect(s.value).toBe(1);
  });
});

describe('median filter', () => {
  it('drops a one-frame spike', () => {
    const f = new MedianFilter(150);
    const out = [0, 0, 0, 5, 0, 0].map((v, i) => f.push(v, i * 33));
    expect(Math.max(...out)).toBe(0);
  });

  it('does not delay a slow (5 frames/s) signal', () => {
    const f = new MedianFilter(150);
    expect([0, 1, 2].map((v, i) => f.push(v, i * 200))).toEqual([0, 1, 2]);
  });

  it('averages the two frames a slow laptop (8-12 frames/s) puts in the window, not the upper one', () => {
    // Split squats at 8 frames/s: the one frame that sees the person back up (0) between two reps.
    const f = new MedianFilter(150);
    const out = [3, 2, 0, 2, 3].map((v, i) => f.push(v, i * 110));
    expect(out).toEqual([3, 2.5, 1, 1, 2.5]);
  });

  it('judges a source by its usual spacing, not by a gap in it', () => {
    // 30 frames/s, the person lost for 0.4 s: the frames after the gap are filtered as before (the
    // upper of the first two, not their mean, then the median of three), not as a slow source's.
    const f = new MedianFilter(150);
    for (let i = 0; i < 10; i++) f.push(0, i * 33);
    f.reset();
    const out = [0, 4, 0, 0].map((v, i) => f.push(v, 700 + i * 33));
    expect(out).toEqual([0, 4, 0, 0]);
  });
});
