import { pointDistance } from '../geometry/point.ts';
import type { Side } from '../pose/skeleton.ts';
import type { Body, BodyPoint, Joint } from './body.ts';

/** The joints that move with a leg, compared frame to frame. */
const LEG_JOINTS: readonly Joint[] = ['knee', 'ankle', 'heel', 'toe'];
/**
 * The names are read as the other way round only when that places the legs at most half as far
 * from where they were as the names given do: a swap moves each leg by the whole distance between
 * the legs, walking moves the swinging foot a fraction of a shank per frame (~0.2 at 30 frames/s).
 */
const CLEARLY_NEARER = 0.5;
/** ... and by at least this much, in shanks per joint (a still person's jitter is ~0.03). */
const MIN_GAIN_SHANKS = 0.1;
/** Frames further apart than this are not compared: the identity starts again from the names. */
const MAX_GAP_MS = 400;

type LegPoints = Readonly<Record<Side, readonly (BodyPoint | undefined)[]>>;

/**
 * Which leg is which, followed from frame to frame. Seen side on, BlazePose swaps the names of
 * the legs in 10-17 % of frames (the rendered side-view squats with exact truth; one to a few
 * frames at a time), and anything that reads "the left ankle minus the right" flips with them: a
 * walk's step counter counted a step at every swap (10 steps became 36 with 5 % of frames
 * swapped). A frame whose named legs each sit where the other leg was on the last frame, and not
 * near where they themselves were, has its names the other way round. When the legs are close
 * together (passing each other) neither reading is clearly nearer and the last one holds: what
 * this follows is one identity kept throughout, not the names' correctness.
 */
export class LegIdentity {
  private last: { points: LegPoints; atMs: number } | undefined;
  private beforeLast: { points: LegPoints; atMs: number } | undefined;
  private swapped = false;

  /** Whether this frame's left and right legs are the other way round from the ones followed. */
  push(body: Body, shank: number | undefined, timestampMs: number): boolean {
    const named: LegPoints = {
      left: LEG_JOINTS.map((j) => body.joint('left', j)),
      right: LEG_JOINTS.map((j) => body.joint('right', j)),
    };
    const last = this.last;
    if (last === undefined || timestampMs - last.atMs > MAX_GAP_MS) {
      this.swapped = false;
      this.beforeLast = undefined;
    } else if (shank !== undefined && shank > 0) {
      // Where the legs followed would be now, moving on as they moved since the frame before: as
      // the feet pass each other the swinging one goes on past the planted one, which a
      // comparison with the last frame alone cannot tell from a swap.
      const expected = predict(last, this.beforeLast, timestampMs);
      // Are they this frame's names as given, or the other way round?
      const asNamed = cost(named.left, named.right, expected, shank);
      const crossed = cost(named.right, named.left, expected, shank);
      if (asNamed !== undefined && crossed !== undefined) {
        if (clearlyNearer(crossed, asNamed)) this.swapped = true;
        else if (clearlyNearer(asNamed, crossed)) this.swapped = false;
      }
    }
    this.beforeLast = this.last;
    this.last = {
      points: this.swapped ? { left: named.right, right: named.left } : named,
      atMs: timestampMs,
    };
    return this.swapped;
  }

  reset(): void {
    this.last = undefined;
    this.beforeLast = undefined;
    this.swapped = false;
  }
}

/** Each joint moved on at the speed it had between the two frames before (or where it was). */
function predict(
  last: { points: LegPoints; atMs: number },
  before: { points: LegPoints; atMs: number } | undefined,
  atMs: number,
): LegPoints {
  const dt = before === undefined ? 0 : last.atMs - before.atMs;
  if (before === undefined || !(dt > 0)) return last.points;
  const k = (atMs - last.atMs) / dt;
  const side = (s: Side) =>
    last.points[s].map((p, i) => {
      const b = before.points[s][i];
      return p && b ? { x: p.x + (p.x - b.x) * k, y: p.y + (p.y - b.y) * k } : p;
    });
  return { left: side('left'), right: side('right') };
}

const clearlyNearer = (a: number, b: number): boolean =>
  a < CLEARLY_NEARER * b && b - a > MIN_GAIN_SHANKS;

/**
 * How far the legs moved, per joint seen on both frames, in shanks, if `left` and `right` are this
 * frame's followed left and right legs. Undefined when no joint is seen on both sides of both.
 */
function cost(
  left: readonly (BodyPoint | undefined)[],
  right: readonly (BodyPoint | undefined)[],
  before: LegPoints,
  shank: number,
): number | undefined {
  let sum = 0;
  let n = 0;
  LEG_JOINTS.forEach((_, i) => {
    const l = left[i];
    const r = right[i];
    const bl = before.left[i];
    const br = before.right[i];
    if (!l || !r || !bl || !br) return;
    sum += pointDistance(l, bl) + pointDistance(r, br);
    n += 2;
  });
  return n === 0 ? undefined : sum / n / shank;
}
