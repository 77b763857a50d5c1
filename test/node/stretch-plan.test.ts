import { describe, expect, it } from 'vitest';
import { planStretches, type Stretch } from '../../src/node/stretch-plan.ts';

/** Seconds a worker decodes and analyses for its stretch, warm-up included. */
const work = (s: Stretch, durationSec: number) =>
  (s.toSec ?? durationSec) - s.fromSec + s.warmupSec;

describe('splitting a video between workers', () => {
  it('gives every worker the same work, warm-up included', () => {
    const plan = planStretches(20.5, 30, 2, 1);
    expect(plan).toHaveLength(2);
    const [a, b] = plan.map((s) => work(s, 20.5));
    expect(Math.abs((a ?? 0) - (b ?? 0))).toBeLessThanOrEqual(1 / 30 + 1e-9);
    // The first stretch is the longer one: the others re-analyse a second before they start.
    expect(plan[0]?.toSec).toBeCloseTo(10.75, 1);
    expect(plan[1]).toMatchObject({ warmupSec: 1, toSec: undefined });
  });

  it('covers the video once, with boundaries on the frame grid', () => {
    const plan = planStretches(61, 30, 4, 1);
    expect(plan[0]?.fromSec).toBe(0);
    for (let k = 1; k < plan.length; k++) {
      expect(plan[k]?.fromSec).toBe(plan[k - 1]?.toSec);
      expect(Number.isInteger(Math.round((plan[k]?.fromSec ?? 0) * 30 * 1e6) / 1e6)).toBe(true);
    }
    expect(plan[plan.length - 1]?.toSec).toBeUndefined();
    const works = plan.map((s) => work(s, 61));
    expect(Math.max(...works) - Math.min(...works)).toBeLessThanOrEqual(2 / 30);
  });

  it('uses fewer workers when a share would be mostly warm-up', () => {
    expect(planStretches(1.5, 30, 8, 1)).toHaveLength(1);
    for (const s of planStretches(8, 30, 8, 1).slice(1))
      expect((s.toSec ?? 8) - s.fromSec).toBeGreaterThanOrEqual(1 - 1 / 30);
  });

  it('is one stretch from the start, without warm-up, for one worker', () => {
    expect(planStretches(20, 30, 1, 1)).toEqual([{ fromSec: 0, toSec: undefined, warmupSec: 0 }]);
  });
});
