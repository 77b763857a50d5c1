import { describe, expect, it } from 'vitest';
import { Body } from '../../src/engine/body.ts';
import { kneeAnkleSeparationRatio } from '../../src/engine/checks/knee-valgus.ts';
import { thighElevationInPlaneDeg } from '../../src/engine/checks/measures.ts';
import { frameFeatures } from '../../src/engine/features.ts';
import { referencePose } from '../../src/overlay/reference-pose.ts';

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
