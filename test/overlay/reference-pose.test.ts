import { describe, expect, it } from 'vitest';
import { Body } from '../../src/engine/body.ts';
import { kneeAnkleSeparationRatio } from '../../src/engine/checks/knee-valgus.ts';
import { thighElevationInPlaneDeg } from '../../src/engine/checks/measures.ts';
import { frameFeatures } from '../../src/engine/features.ts';
import { facingInPicture, referencePose } from '../../src/overlay/reference-pose.ts';
import { fixtureTrack } from '../support/tracks.ts';

// The figure drawn beside a form check's still as "Aim for" is the correct position as the
// engine's own measures read it: a person copying it passes the check.

function figure(check: Parameters<typeof referencePose>[0]): Body {
  const pose = referencePose(check);
  if (pose === undefined) throw new Error(`no figure for ${check}`);
  return new Body(pose);
}

describe('the "Aim for" figures', () => {
  it('shows a squat at parallel side on: the thigh level', () => {
    expect(thighElevationInPlaneDeg(figure('depth'), 'left')).toBeCloseTo(0, 0);
  });

  it('shows a lunge side on with the front knee at 90° and the back knee lower', () => {
    const lunge = figure('lunge-depth');
    const knees = frameFeatures(lunge).kneeAngleDeg;
    expect(knees.left).toBeCloseTo(90, 0);
    expect(lunge.joint('right', 'knee')?.y).toBeGreaterThan(lunge.joint('left', 'knee')?.y ?? 1);
  });

  it('shows knees over the feet from the front: not inside the ankles', () => {
    expect(kneeAnkleSeparationRatio(figure('knee-valgus'))).toBeGreaterThanOrEqual(1);
  });
});

describe('the "Aim for" figure faces the way the person does in their still', () => {
  const frameOf = (clip: string) => {
    const pose = fixtureTrack(clip).frames[60]?.pose;
    if (pose == null) throw new Error(`no pose in ${clip}`);
    return pose;
  };

  it('faces right as drawn, and left for a person who faced left', () => {
    const toesAhead = (check: 'depth' | 'lunge-depth', facing?: 1 | -1) => {
      const b = figure(check);
      const turnedFigure = referencePose(check, facing);
      if (turnedFigure === undefined) throw new Error(check);
      const t = new Body(turnedFigure);
      return [b, t].map((x) =>
        Math.sign((x.joint('left', 'toe')?.x ?? 0) - (x.joint('left', 'heel')?.x ?? 0)),
      );
    };
    expect(toesAhead('depth', 1)).toEqual([1, 1]);
    expect(toesAhead('depth', -1)).toEqual([1, -1]);
    expect(toesAhead('lunge-depth', -1)).toEqual([1, -1]);
    expect(facingInPicture(referencePose('lunge-depth', -1)!)).toBe(-1);
  });

  it('reads the way a real person faces, side on, as filmed and as a mirrored preview shows them', () => {
    // The side-on bodyweight squats face the picture's left; the banded lunge its right, and its
    // left in a mirrored preview (the still is drawn as the person saw themselves).
    expect(facingInPicture(frameOf('squat_side_bw_man_3reps'))).toBe(-1);
    expect(facingInPicture(frameOf('lunge_34_banded'))).toBe(1);
    expect(facingInPicture(frameOf('lunge_34_banded'), true)).toBe(-1);
  });

  it('leaves a figure seen from the front as it is', () => {
    expect(referencePose('knee-valgus', -1)).toEqual(referencePose('knee-valgus'));
    expect(referencePose('head-bob', -1)).toEqual(referencePose('head-bob'));
  });
});
