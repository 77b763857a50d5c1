import { describe, expect, it } from 'vitest';
import { median, round2, symmetricMedian } from '../../src/geometry/stats.ts';

describe('median', () => {
  it('takes the upper middle value of an even count, and skips what is not a number', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([undefined, Number.NaN, 5])).toBe(5);
    expect(median([])).toBeUndefined();
  });
});

describe('symmetric median', () => {
  it('takes the mean of the middle two of an even count', () => {
    expect(symmetricMedian([3, 1, 2])).toBe(2);
    expect(symmetricMedian([4, 1, 3, 2])).toBe(2.5);
    expect(symmetricMedian([])).toBeUndefined();
  });

  it('turns with the sign of its values (a difference read the other way round)', () => {
    const offsets = [0.02, -0.01, 0.05, 0.03];
    expect(symmetricMedian(offsets.map((v) => -v))).toBe(-(symmetricMedian(offsets) ?? 0));
    expect(median(offsets.map((v) => -v))).not.toBe(-(median(offsets) ?? 0));
  });
});

describe('round2', () => {
  it('rounds to two decimals and never gives -0 (a saved report reads it back as 0)', () => {
    expect(round2(0.649)).toBe(0.65);
    expect(round2(-0.126)).toBe(-0.13);
    expect(Object.is(round2(-0.004), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
    expect(round2(Number.NaN)).toBeNaN();
  });
});
