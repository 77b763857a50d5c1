import { describe, expect, it } from 'vitest';
import { BORDERLINE_CONFIDENCE, fault, isBorderline } from '../../src/engine/checks/verdict.ts';
import { confidenceOf, LIMITS } from '../../src/engine/checks/thresholds.ts';

const depth = LIMITS.thighAboveLevelDeg;
/** A depth fault measured `deg` above level on keypoints scored `score`. */
const shallow = (deg: number, score = 0.95) =>
  fault('depth', 'Go deeper: thighs stopped above level.', {
    value: deg,
    threshold: depth.standard,
    unit: 'deg',
    confidence: confidenceOf(deg, depth.standard, depth.error, score),
  });

describe('a fault close to its limit (a close call)', () => {
  it('says "Borderline" first when within about half the measure’s error of the limit', () => {
    const v = shallow(depth.standard + 1);
    expect(v.confidence).toBeLessThan(BORDERLINE_CONFIDENCE);
    expect(isBorderline(v)).toBe(true);
    expect(v.message).toBe('Borderline: go deeper: thighs stopped above level.');
  });

  it('is said plainly once it is a full error past the limit', () => {
    const v = shallow(depth.standard + depth.error);
    expect(isBorderline(v)).toBe(false);
    expect(v.message).toBe('Go deeper: thighs stopped above level.');
  });

  it('is a close call however far past the limit when the keypoints were barely seen', () => {
    expect(isBorderline(shallow(40, 0.5))).toBe(true);
  });

  it('is still a warning: a close call is reported, not dropped', () => {
    expect(shallow(depth.standard + 1)).toMatchObject({ status: 'fault', severity: 'warn' });
  });
});
