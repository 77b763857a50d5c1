import { describe, expect, it } from 'vitest';
import { drawStill } from '../../src/overlay/draw-still.ts';
import { SKELETON_STYLE } from '../../src/overlay/draw-skeleton.ts';
import { keypoint } from '../../src/pose/skeleton.ts';
import { figure, standing } from '../support/kinematic.ts';
import { spyContext } from '../support/spy-context.ts';

describe('the still of a moment on the form-check card', () => {
  // Side on, the knee is in front of the hip: which side of the still it is on shows the facing.
  const pose = figure(standing('side'), 0);

  /** Where the knee with a fault is drawn on a 160 × 200 still. */
  function faultAt(mirrored: boolean): number {
    const { ctx, arcs } = spyContext(160, 200);
    drawStill(ctx, pose, ['left_knee'], mirrored);
    const red = arcs.filter((a) => a.fill === SKELETON_STYLE.fault);
    expect(red).toHaveLength(1);
    return red[0]?.x ?? NaN;
  }

  it('faces the way the camera saw the person, for a recorded video', () => {
    const knee = keypoint(pose, 'left_knee');
    const hip = keypoint(pose, 'left_hip');
    if (knee === undefined || hip === undefined) throw new Error('no leg');
    const { ctx, arcs } = spyContext(160, 200);
    drawStill(ctx, pose, ['left_knee', 'left_hip']);
    const [hipX, kneeX] = arcs.filter((a) => a.fill === SKELETON_STYLE.fault).map((a) => a.x);
    expect(Math.sign((kneeX ?? 0) - (hipX ?? 0))).toBe(Math.sign(knee.x - hip.x));
  });

  it('is mirrored like the camera preview the person watched, so it looks like what they saw', () => {
    // The card said "You (in the pose)" beside a Warrior I with the front leg on the other side.
    expect(faultAt(true)).toBeCloseTo(160 - faultAt(false), 6);
    expect(faultAt(true)).not.toBeCloseTo(faultAt(false), 0);
  });
});
