import { describe, expect, it } from 'vitest';
import { median, symmetricMedian } from '../../src/geometry/stats.ts';

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
