import { describe, expect, it } from 'vitest';
import { SideFuser } from '../../src/engine/side-fuser.ts';

/**
 * The fused signal of frames at 30 frames/s with both sides seen, then one more with the left side
 * alone; `mirror` names the sides the other way round (the person seen in a mirror).
 */
function fused(
  left: readonly number[],
  right: readonly number[],
  leftAlone: number,
  mirror = false,
): number[] {
  const fuser = new SideFuser();
  const push = (l: number | undefined, r: number | undefined, t: number) =>
    fuser.push(mirror ? { left: r, right: l } : { left: l, right: r }, t) ?? NaN;
  const out = left.map((l, i) => push(l, right[i], i * 33));
  out.push(push(leftAlone, undefined, left.length * 33));
  return out;
}

describe('side fuser', () => {
  it('gives the mean of the sides while both are seen, and one side shifted by half their usual offset', () => {
    const out = fused([1, 1, 1], [1.2, 1.2, 1.2], 1);
    for (const v of out) expect(v).toBeCloseTo(1.1, 9);
  });

  it('gives the person seen mirrored the same signal (the sides named the other way round)', () => {
    // Four frames with both sides: an even count of offsets, whose upper middle one was not the
    // negative of the mirrored one's (1.1 against 1.085 with the left side alone).
    const left = [1.0, 1.02, 0.98, 1.01];
    const right = [1.2, 1.15, 1.3, 1.18];
    const seen = fused(left, right, 1.0).map((v) => v.toFixed(9));
    expect(fused(left, right, 1.0, true).map((v) => v.toFixed(9))).toEqual(seen);
  });
});
