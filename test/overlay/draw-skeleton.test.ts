import { describe, expect, it } from 'vitest';
import {
  besideJoint,
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
        // The whole label (left-aligned, 6 px a character here) on the knee's outer side.
        const [from, to] = [label?.x ?? NaN, (label?.x ?? NaN) + 6 * text.length];
        if (away > 0) expect(from, `${text}, mirrored ${mirrored}`).toBeGreaterThan(kneeX(own));
        else expect(to, `${text}, mirrored ${mirrored}`).toBeLessThan(kneeX(own));
        expect(label?.align).toBe('left');
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

describe('text beside a joint', () => {
  it('starts 12 px out from the joint, on the side given', () => {
    expect(besideJoint(100, 1, 30, 640)).toBe(112);
    expect(besideJoint(100, -1, 30, 640)).toBe(58);
  });

  it('stays whole inside the picture when the joint is near its edge', () => {
    // A knee near the side of a portrait picture: its angle's "°" was cut off.
    expect(besideJoint(630, 1, 30, 640)).toBe(606);
    expect(besideJoint(10, -1, 30, 640)).toBe(4);
  });

  it("keeps the knees' labels inside the picture with the person at its edge", () => {
    const { ctx, labels } = spyContext();
    // Side on at the right edge: both knees' labels go right, outwards, past the edge.
    drawSkeleton(ctx, figure({ ...standing('side'), x: 640 / 480 - 0.01 }, 0), false, []);
    expect(labels.map((l) => l.text).sort()).toEqual(['L', 'R']);
    for (const l of labels) {
      expect(l.x).toBeGreaterThanOrEqual(4);
      expect(l.x + 6 * l.text.length).toBeLessThanOrEqual(640 - 4);
    }
  });
});
