import { describe, expect, it } from 'vitest';
import { BLACK_LUMA, lightOf, meanLuma, TOO_DARK_LUMA } from '../../src/app/light-meter.ts';

const frame = (r: number, g: number, b: number, pixels = 4) =>
  new Uint8ClampedArray(Array.from({ length: pixels }, () => [r, g, b, 255]).flat());

describe('light meter', () => {
  it('measures mean luma (Rec. 601)', () => {
    expect(meanLuma(frame(255, 255, 255))).toBeCloseTo(255, 6);
    expect(meanLuma(frame(0, 255, 0))).toBeCloseTo(0.587 * 255, 6);
  });

  it('calls a near-black room too dark and a dim one fine', () => {
    expect(meanLuma(frame(20, 20, 20))).toBeLessThan(TOO_DARK_LUMA);
    expect(meanLuma(frame(60, 60, 60))).toBeGreaterThan(TOO_DARK_LUMA);
  });

  it('tells a black picture (a covered lens) from a dark room, and both from enough light', () => {
    expect(lightOf(meanLuma(frame(3, 3, 3)))).toBe('black');
    expect(lightOf(BLACK_LUMA)).toBe('dark');
    expect(lightOf(meanLuma(frame(20, 20, 20)))).toBe('dark');
    expect(lightOf(TOO_DARK_LUMA)).toBe('ok');
  });
});
