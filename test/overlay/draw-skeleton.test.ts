import { describe, expect, it } from 'vitest';
import { drawSkeleton, SKELETON_STYLE, toCanvas } from '../../src/overlay/draw-skeleton.ts';
import { figure, standing } from '../support/kinematic.ts';

/** A 2-D context that records what is drawn (canvas helpers are tested by spying on it). */
function spyContext(width = 640, height = 480) {
  const arcs: { x: number; y: number; r: number; fill: string }[] = [];
  const lines: [number, number][] = [];
  const labels: { text: string; x: number }[] = [];
  let fill = '';
  const ctx = {
    canvas: { width, height },
    lineWidth: 0,
    strokeStyle: '',
    set fillStyle(v: string) {
      fill = v;
    },
    get fillStyle() {
      return fill;
    },
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => lines.push([x, y]),
    lineTo: (x: number, y: number) => lines.push([x, y]),
    stroke: () => undefined,
    fill: () => undefined,
    arc: (x: number, y: number, r: number) => arcs.push({ x, y, r, fill }),
    font: '',
    fillText: (text: string, x: number) => labels.push({ text, x }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, arcs, lines, labels };
}

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

  it('mirrors x for a selfie view and keeps y', () => {
    expect(toCanvas(0.25, 0.5, 640, 480, true)).toEqual([480, 240]);
    expect(toCanvas(0.25, 0.5, 640, 480, false)).toEqual([160, 240]);
  });
});
