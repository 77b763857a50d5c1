import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../src/engine/catalog.ts';
import {
  compareMeasures,
  labelledRepsOf,
  separationAuc,
  type MeasureComparison,
} from '../../src/eval/image-or-world.ts';
import type { ClipLabel } from '../../src/eval/score.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';

// Issue 7, item 2: every promised check measured in the picture and from BlazePose's 3-D world
// landmarks on the same reps, and the engine judging each view by whichever tells the labelled
// faults from the clean reps better (form-checks.md, "In the picture or in 3-D").

describe('separationAuc: how well a measure tells faulty reps from clean ones', () => {
  it('is 1 when every faulty rep reads worse than every clean one, 0 when all read better', () => {
    expect(separationAuc([30, 40], [0, 10, 20], 'higher')).toBe(1);
    expect(separationAuc([30, 40], [50, 60], 'higher')).toBe(0);
  });

  it('reads "worse" the way the check says: a lower knee-to-ankle ratio is the fault', () => {
    expect(separationAuc([0.9, 0.95], [1.1, 1.3], 'lower')).toBe(1);
    expect(separationAuc([0.9, 0.95], [1.1, 1.3], 'higher')).toBe(0);
  });

  it('counts ties as half and overlaps as the share of pairs in order', () => {
    expect(separationAuc([10], [10], 'higher')).toBe(0.5);
    expect(separationAuc([10, 30], [20], 'higher')).toBe(0.5);
  });

  it('is undefined without reps on both sides', () => {
    expect(separationAuc([], [1], 'higher')).toBeUndefined();
    expect(separationAuc([1], [], 'higher')).toBeUndefined();
  });
});

const repClips = LABELS.filter((l) => {
  const e = EXERCISES.find((x) => x.id === l.exercise);
  return e?.kind === 'reps';
});
const real = compareMeasures(repClips.flatMap((l) => labelledRepsOf(fixtureTrack(l.file), l)));

const auc = (c: MeasureComparison, way: 'image' | 'world') =>
  separationAuc(c[way].faulty, c[way].clean, c.check === 'knee-valgus' ? 'lower' : 'higher');
const find = (comparisons: readonly MeasureComparison[], check: string, view: string) => {
  const c = comparisons.find((x) => x.check === check && x.view === view);
  if (c === undefined) throw new Error(`no ${check} reps seen from ${view}`);
  return c;
};

describe('on the labelled real clips, the engine judges by the better of the two', () => {
  it('has labelled faults on both sides to compare for depth, lean and valgus', () => {
    const compared = real.filter(
      (c) => auc(c, 'image') !== undefined && auc(c, 'world') !== undefined,
    );
    expect(compared.map((c) => `${c.check} ${c.view}`).sort()).toEqual([
      'depth front',
      'depth side',
      'forward-lean front',
      'forward-lean side',
      'knee-valgus front',
    ]);
  });

  it.each(['depth front', 'depth side', 'forward-lean side', 'knee-valgus front'])(
    '%s: the measure the engine uses separates at least as well as the other',
    (key) => {
      const [check = '', view = ''] = key.split(' ');
      const c = find(real, check, view);
      const used = c.engineUses;
      if (used === undefined) throw new Error(`${key} is not judged`);
      const other = used === 'image' ? 'world' : 'image';
      expect(auc(c, used)).toBeGreaterThanOrEqual(auc(c, other) ?? 0);
    },
  );

  it('facing the camera, the lean past the shins is judged by neither measure', () => {
    // The picture foreshortens a trunk leaning towards the camera: the mlsac forward-lean squat
    // reads −2° past the shins. Its 3-D reading, 21°, sets it apart from these clean reps, but the
    // 3-D landmarks read the rendered squats' trunks 18-27° too upright against their shins
    // (test/engine/forward-lean.test.ts): facing the camera the trunk is judged against vertical.
    const c = find(real, 'forward-lean', 'front');
    expect(c.engineUses).toBeUndefined();
    expect(auc(c, 'image')).toBeLessThan(0.5);
  });

  it('valgus stays in the picture: the 3-D knees and ankles spread clean reps into the valgus range', () => {
    const c = find(real, 'knee-valgus', 'front');
    expect(c.engineUses).toBe('image');
    expect(auc(c, 'image')).toBeGreaterThan(auc(c, 'world') ?? 1);
    expect(Math.min(...c.world.clean)).toBeLessThan(Math.max(...c.world.faulty));
  });
});

// The rendered squats (one character, exact truth: every rep of the heel-lift clips lifts the heels
// 4 cm, the others keep them flat; every rep is a half squat, thighs 38° above level).
const rendered: readonly ClipLabel[] = [
  ['michelle_squat_side', 'side', ['shallow-depth']],
  ['michelle_squat_heels_lift_side', 'side', ['shallow-depth', 'heel-lift']],
  ['michelle_squat_front', 'front', ['shallow-depth']],
  ['michelle_squat_heels_lift_front', 'front', ['shallow-depth', 'heel-lift']],
].map(([file, view, faults]) => ({
  file: `${String(file)}.mp4`,
  exercise: 'squat',
  view: String(view),
  faults: faults as string[],
}));
const renderedComparison = compareMeasures(
  rendered.flatMap((l) => labelledRepsOf(fixtureTrack(l.file), l)),
);

describe('heel lift on the rendered squats: neither measure shows a 4 cm lift usably', () => {
  it('side on, the picture orders the lifted reps above the flat ones, by less than real clean reps vary', () => {
    const side = find(renderedComparison, 'heel-lift', 'side');
    expect(auc(side, 'image')).toBe(1);
    const gap = Math.min(...side.image.faulty) - Math.max(...side.image.clean);
    expect(gap).toBeLessThan(0.05);
    // Clean real reps seen side on read as high as the lifted rendered ones.
    const realSide = find(real, 'heel-lift', 'side');
    expect(Math.max(...realSide.image.clean)).toBeGreaterThanOrEqual(
      Math.max(...side.image.faulty),
    );
  });

  it('in 3-D the lift does not show side on, and from the front it reads lower than the flat squat', () => {
    const side = find(renderedComparison, 'heel-lift', 'side');
    expect(auc(side, 'world')).toBeLessThan(0.7);
    const front = find(renderedComparison, 'heel-lift', 'front');
    expect(auc(front, 'world')).toBeLessThan(0.5);
    expect(auc(front, 'image')).toBeLessThan(0.5);
  });
});
