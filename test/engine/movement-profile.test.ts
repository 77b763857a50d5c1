import { describe, expect, it } from 'vitest';
import { timeShareAt, wholeMovementSec } from '../../src/engine/movement-profile.ts';

/** Where a smooth movement over `T` s is at `t` s: half a cosine, 0 to 1. */
const smoothAt = (t: number, T: number) => (1 - Math.cos((Math.PI * t) / T)) / 2;

describe('a smooth movement (slow at both ends)', () => {
  it('spends a quarter of its time on the first and the last 15 % of its way', () => {
    expect(timeShareAt(0)).toBe(0);
    expect(timeShareAt(0.5)).toBeCloseTo(0.5, 10);
    expect(timeShareAt(1)).toBe(1);
    expect(timeShareAt(0.15)).toBeCloseTo(0.25, 2);
    expect(1 - timeShareAt(0.85)).toBeCloseTo(0.25, 2);
  });

  it('is timed whole from the time between any two points of its way', () => {
    const T = 3;
    // The times it passed 15 % and 60 % of its way.
    const at = (share: number) => (T * Math.acos(1 - 2 * share)) / Math.PI;
    expect(smoothAt(at(0.6), T)).toBeCloseTo(0.6, 10);
    expect(wholeMovementSec(at(0.6) - at(0.15), 0.15, 0.6)).toBeCloseTo(T, 10);
    expect(wholeMovementSec(at(0.85) - at(0.1), 0.1, 0.85)).toBeCloseTo(T, 10);
  });

  it('reads a movement made evenly, with no slow ends, longer than it took', () => {
    // Evenly over 3 s, 15 % to 60 % of the way takes 1.35 s.
    const read = wholeMovementSec(0.45 * 3, 0.15, 0.6);
    expect(read).toBeGreaterThan(3);
    expect(read).toBeLessThan(4.5);
  });

  it('clamps shares outside 0-1', () => {
    expect(timeShareAt(-0.2)).toBe(0);
    expect(timeShareAt(1.3)).toBe(1);
  });
});
