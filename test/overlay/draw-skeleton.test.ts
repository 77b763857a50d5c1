import { describe, expect, it } from 'vitest';
import {
  drawSkeleton,
  outwardOf,
  SKELETON_STYLE,
  toCanvas,
} from '../../src/overlay/draw-skeleton.ts';
import { keypoint, type Pose } from '../../src/pose/skeleton.ts';
import { figure, standing } from '../support/kinematic.ts';
import { spyContext } from '../support/spy-context.ts';

describe('drawSkeleton', () => {
  const pose = figure(standing('front'), 0);

  it('draws a joint for each confident keypoint and the bones between them', () => {
    const { ctx, arcs, lines } = spyContext();
    drawSkeleton(ctx, pose, false, []);
    expect(arcs.length).toBeGreaterThanOrEqual(17);
    expect(lines.length).toBeGreaterThan(0);
    expect(arcs.every((a) => a.fill === SKELETON_STYLE.joint)).toBe(true);
  });

  it('marks the joints with a fault in red, larger', () => {
    const { ctx, arcs } = spyContext();
    drawSkeleton(ctx, pose, false, ['left_knee']);
    const red = arcs.filter((a) => a.fill === SKELETON_STYLE.fault);
    expect(red).toHaveLength(1);
    expect(red[0]?.r).toBeGreaterThan(arcs.find((a) => a.fill === SKELETON_STYLE.joint)?.r ?? 0);
  });

  it("labels the person's own left and right knee, whichever way the view is mirrored", () => {
    const plain = spyContext();
    drawSkeleton(plain.ctx, pose, false, []);
    const mirrored = spyContext();
    drawSkeleton(mirrored.ctx, pose, true, []);
    expect(plain.labels.map((l) => l.text)).toEqual(['L', 'R']);
    const x = (s: typeof plain, t: string) => s.labels.find((l) => l.text === t)?.x ?? NaN;
    // Mirroring moves the labels with the knees: the left knee's label swaps sides.
    expect(Math.sign(x(plain, 'L') - x(plain, 'R'))).toBe(
      -Math.sign(x(mirrored, 'L') - x(mirrored, 'R')),
    );
  });

  it("puts each knee's label on its outer side, clear of the other knee, mirrored or not", () => {
    for (const mirrored of [false, true]) {
      const { ctx, labels } = spyContext();
      drawSkeleton(ctx, pose, mirrored, []);
      const kneeX = (name: 'left_knee' | 'right_knee') => {
        const k = keypoint(pose, name);
        return k === undefined ? NaN : toCanvas(k.x, k.y, 640, 480, mirrored)[0];
      };
      for (const [text, own, other] of [
        ['L', 'left_knee', 'right_knee'],
        ['R', 'right_knee', 'left_knee'],
      ] as const) {
        const label = labels.find((l) => l.text === text);
        const away = Math.sign(kneeX(own) - kneeX(other));
        expect(Math.sign((label?.x ?? NaN) - kneeX(own)), `${text}, mirrored ${mirrored}`).toBe(
          away,
        );
        expect(label?.align).toBe(away > 0 ? 'left' : 'right');
      }
    }
  });

  it("sends the two knees' text opposite ways when one knee is straight behind the other", () => {
    const left = keypoint(pose, 'left_knee');
    const right = keypoint(pose, 'right_knee');
    if (left === undefined || right === undefined) throw new Error('the figure has knees');
    const sideOn: Pose = {
      ...pose,
      keypoints: { ...pose.keypoints, right_knee: { ...right, x: left.x } },
    };
    expect(outwardOf(sideOn, 'left_knee', false)).toBe(-1);
    expect(outwardOf(sideOn, 'right_knee', false)).toBe(1);
  });

  it('mirrors x for a selfie view and keeps y', () => {
    expect(toCanvas(0.25, 0.5, 640, 480, true)).toEqual([480, 240]);
    expect(toCanvas(0.25, 0.5, 640, 480, false)).toEqual([160, 240]);
  });
});
