import { describe, expect, it } from 'vitest';
import {
  angleAtDeg,
  angleFromVerticalDeg,
  pointDistance,
  pointMidpoint,
} from '../../src/geometry/point.ts';

const DEG_TOLERANCE = 1e-9;

describe('point geometry', () => {
  it('measures the angle at the middle point', () => {
    expect(angleAtDeg({ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 })).toBeCloseTo(90, 9);
    expect(angleAtDeg({ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 0, y: 2 })).toBeCloseTo(180, 9);
  });

  it('returns NaN for a zero-length segment rather than a made-up angle', () => {
    expect(angleAtDeg({ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 2 })).toBeNaN();
  });

  it('measures a segment against the image vertical, whichever way it leans', () => {
    expect(angleFromVerticalDeg({ x: 0, y: 1 }, { x: 0, y: 0 })).toBeCloseTo(0, 9);
    expect(Math.abs(angleFromVerticalDeg({ x: 0, y: 1 }, { x: 1, y: 0 }) - 45)).toBeLessThan(
      DEG_TOLERANCE,
    );
    expect(Math.abs(angleFromVerticalDeg({ x: 0, y: 1 }, { x: -1, y: 0 }) - 45)).toBeLessThan(
      DEG_TOLERANCE,
    );
  });

  it('measures distances and midpoints', () => {
    expect(pointDistance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(pointMidpoint({ x: 0, y: 0 }, { x: 2, y: 4 })).toEqual({ x: 1, y: 2 });
  });
});
