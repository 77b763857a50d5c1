import { describe, expect, it } from 'vitest';
import { renderedLabel, type RenderedGroundTruth } from '../../src/eval/rendered-truth.ts';

// The rendered clips' exact truth (../shared/data/rendered/*.gt.json, not committed) becomes the
// labels the eval scores by, judged at the same limits as the engine: these truths are built by
// hand in the same shape.

const THIGH_M = 0.4;
type Frame = RenderedGroundTruth['frames'][number];

/** A frame with the thighs `thighDeg` above level (negative: below) and the given labels. */
function squatFrame(t: number, depth: number, thighDeg: number, heelTargetCm = 0): Frame {
  const a = (thighDeg * Math.PI) / 180;
  const knee: [number, number, number] = [0.3, 0.5, 0];
  const hip: [number, number, number] = [
    knee[0] - THIGH_M * Math.cos(a),
    knee[1] + THIGH_M * Math.sin(a),
    0,
  ];
  const kp = {
    left_hip: { world: [hip[0], hip[1], 0.1] as const },
    right_hip: { world: [hip[0], hip[1], -0.1] as const },
    left_knee: { world: [knee[0], knee[1], 0.1] as const },
    right_knee: { world: [knee[0], knee[1], -0.1] as const },
  };
  return { t, labels: { depth, heelTargetCm }, kp };
}

/** Three reps: standing, down to `thighDeg` at the bottom, standing. */
function squat(motion: string, thighDeg: number, heelAtBottomCm = 0, heelAtTopCm = 0) {
  const frames = [0, 1, 2].flatMap((rep) => [
    squatFrame(rep * 3, 0, 90, heelAtTopCm),
    squatFrame(rep * 3 + 1, 0.5, (90 + thighDeg) / 2),
    squatFrame(rep * 3 + 1.5, 1, thighDeg, heelAtBottomCm),
    squatFrame(rep * 3 + 2, 0.5, (90 + thighDeg) / 2),
  ]);
  return { clip: 'c.mp4', motion, view: 'side', reps: 3, modelInfo: { heightM: 1.65 }, frames };
}

/** Knee circles, 3 each way, the nose moving `noseRangeM` up and down within each circle. */
function kneeCircles(noseRangeM: number): RenderedGroundTruth {
  const frames = [1, 2, 3, 4, 5, 6].flatMap((circle) =>
    [0, 0.5, 1].map((phase) => ({
      t: circle * 2 + phase,
      labels: { circle },
      kp: { nose: { world: [0, 1.5 + noseRangeM * (phase === 0.5 ? 1 : 0), 0] as const } },
    })),
  );
  return {
    clip: 'k.mp4',
    motion: 'knee_circles',
    view: 'front',
    modelInfo: { heightM: 1.65 },
    frames,
  };
}

describe('labels from a rendered clip’s exact truth', () => {
  it('a half squat (thighs 38° above level) is shallow at every strictness', () => {
    for (const level of ['gentle', 'standard', 'strict'] as const)
      expect(renderedLabel(squat('squat', 38), level)).toMatchObject({
        exercise: 'squat',
        reps: 3,
        faults: ['shallow-depth'],
      });
  });

  it('a squat stopping 20° above level is shallow judged standard (15°), not gentle (25°)', () => {
    expect(renderedLabel(squat('squat', 20), 'gentle').faults).toEqual([]);
    expect(renderedLabel(squat('squat', 20), 'standard').faults).toEqual(['shallow-depth']);
  });

  it('a squat below parallel is not shallow', () => {
    expect(renderedLabel(squat('squat', -5), 'strict').faults).toEqual([]);
  });

  it('heels off the floor at the bottom are a heel lift at any height; heels rising at the top are not', () => {
    expect(renderedLabel(squat('squat_heels_lift', -5, 4), 'gentle').faults).toEqual(['heel-lift']);
    expect(renderedLabel(squat('squat', -5, 0, 6), 'strict').faults).toEqual([]);
  });

  it('standing is a squat set with no rep and nothing to find', () => {
    const standing = { ...squat('standing', 90), reps: null };
    expect(renderedLabel(standing, 'standard')).toMatchObject({ reps: 0, faults: [] });
  });

  it('knee circles: the count is the last circle, a head bob is the nose range over stature past the limit', () => {
    // 5 cm at 1.65 m is 3.0 % of stature: past standard's 2.5 % and strict's 2 %, under gentle's 3.5 %.
    const bob = kneeCircles(0.05);
    expect(renderedLabel(bob, 'standard')).toMatchObject({
      exercise: 'knee-circles',
      circles: 6,
      faults: ['head-bob'],
    });
    expect(renderedLabel(bob, 'strict').faults).toEqual(['head-bob']);
    expect(renderedLabel(bob, 'gentle').faults).toEqual([]);
    expect(renderedLabel(kneeCircles(0.002), 'strict').faults).toEqual([]);
  });
});
