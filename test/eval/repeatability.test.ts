import { describe, expect, it } from 'vitest';
import type { RepMeasures } from '../../src/eval/image-or-world.ts';
import { describeMoves, repeatability, SAME_REP_SEC } from '../../src/eval/repeatability.ts';

const rep = (
  bottomSec: number,
  view: RepMeasures['view'],
  depth: { image?: number; world?: number },
): RepMeasures => ({
  bottomSec,
  view,
  byCheck: { depth: { image: depth.image, world: depth.world } },
});

describe('how far a measure moves when the same reps are read again', () => {
  it('pairs each rep with the nearest rep of the second reading and takes how far each measure moved', () => {
    const [depth] = repeatability([
      {
        first: [
          rep(1.0, 'side', { image: 10, world: 20 }),
          rep(3.0, 'side', { image: -5, world: 0 }),
        ],
        second: [
          rep(1.5, 'side', { image: 40, world: 40 }),
          rep(1.1, 'side', { image: 14, world: 11 }),
          rep(3.05, 'side', { image: -7, world: 6 }),
        ],
      },
    ]);
    expect(depth?.check).toBe('depth');
    expect(depth?.image).toEqual([4, 2]);
    expect(depth?.world).toEqual([9, 6]);
  });

  it(`leaves out a rep the second reading did not count (no bottom within ${SAME_REP_SEC} s) and a measure one reading lacks`, () => {
    const moved = repeatability([
      {
        first: [rep(1.0, 'front', { image: 10 }), rep(5.0, 'front', { image: 3, world: 3 })],
        second: [
          rep(1.2, 'front', { image: 12, world: 30 }),
          rep(5.0 + SAME_REP_SEC + 0.05, 'front', { image: 0 }),
        ],
      },
    ]);
    expect(moved).toEqual([{ check: 'depth', view: 'front', image: [2], world: [] }]);
  });

  it('gathers the clips by check and by the view of the first reading', () => {
    const moved = repeatability([
      { first: [rep(1, 'side', { image: 0 })], second: [rep(1, 'three-quarter', { image: 5 })] },
      { first: [rep(2, 'front', { image: 0 })], second: [rep(2, 'front', { image: 1 })] },
      { first: [rep(2, 'side', { image: 0 })], second: [rep(2, 'side', { image: 3 })] },
    ]);
    expect(moved.map((m) => [m.view, m.image])).toEqual([
      ['front', [1]],
      ['side', [5, 3]],
    ]);
  });

  it('describes the moves by their median and 90th percentile', () => {
    expect(describeMoves([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 1)).toBe('6.0 / 10.0 (10)');
    expect(describeMoves([], 1)).toBe('–');
  });
});
