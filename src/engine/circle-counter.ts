import { median } from '../geometry/stats.ts';

/**
 * Counts circles drawn by a point (a knee, a toe) from its sideways swing: one circle reaches one
 * side of the point's own recent centre and then the other. The direction is not measured: from
 * the front a knee's path is a flat ellipse whose 2-D turning direction BlazePose gets wrong most
 * of the time (measured on rendered clips with ground truth, ../shared/data/rendered). The app
 * prompts the direction and the circles are credited to the direction asked for.
 */
export interface CircleParams {
  readonly centreWindowMs: number;
  /** The swing must pass this far (shank lengths) either side of the centre to count. */
  readonly minSwing: number;
  /** A cycle quicker than this is a shuffle into position, not a controlled circle. */
  readonly minCircleMs: number;
  /**
   * A cycle slower than this is not one circle: the point stood to one side, then moved (a foot
   * set down off-centre before the first circle). 30-60 s of circles each way are 10-30 circles.
   */
  readonly maxCircleMs: number;
}

/** 0.06 shank ≈ 2.5 cm: over twice the keypoint jitter of a still foot on the labelled clips. */
export const DEFAULT_CIRCLES: CircleParams = {
  centreWindowMs: 2500,
  minSwing: 0.06,
  minCircleMs: 800,
  maxCircleMs: 6000,
};

/**
 * A side is reached 40 % of the way out to where the person's own swings reach (the lower median
 * of their last few swings' extremes; the rep counter's return level is the same share of a rep),
 * and never nearer the centre than `minSwing`. A knee pausing at the centre (a change of
 * direction) jitters either side of it by less than that; a fixed `minSwing` counted that jitter
 * as a swing (the rendered knee circles: 7 for 6). Halfway out was tried: it also passed over the
 * smaller last swing of a set seen at 10 frames/s (the rendered still-head circles 6 → 5). The side
 * is still timed from where the swing passed `minSwing`, so a circle's span, and the head judged
 * over it, are as before.
 */
const SIDE_FRACTION_OF_SWING = 0.4;
/** The swings remembered for that reach: two circles. */
const SWINGS_REMEMBERED = 4;
/**
 * A swing's reach is the furthest out the median of three frames in a row went: one frame the
 * model put a knee far out (a leg swinging across) is not the swing's reach. At 10 frames/s three
 * frames span 0.3 s, longer than a quick swing stays at its extreme: the reach reads short there,
 * and the side is reached sooner (as with the fixed `minSwing` before), never later.
 */
const REACH_FRAMES = 3;

/** The path seen before its centre is trusted (ms): 10 frames at 30 frames/s. */
const CENTRE_WARMUP_MS = 300;

export type CircleDirection = 'clockwise' | 'anticlockwise';

/** When a completed circle was drawn (ms). */
export interface CircleSpan {
  readonly startMs: number;
  readonly endMs: number;
}

export interface CirclePoint {
  readonly timestampMs: number;
  /** Sideways position in shank lengths (any origin). */
  readonly x: number;
}

export class CircleCounter {
  private history: CirclePoint[] = [];
  private side: -1 | 1 | undefined;
  private startSide: -1 | 1 | undefined;
  /** When the first side of the circle being drawn was reached (ms); undefined before it is. */
  private pairFirstMs: number | undefined;
  /** How long the last half swing took, side to side (ms). */
  private lastHalfMs: number | undefined;
  /** When the last circle ended, or circling (re)started: no circle is timed from before it. */
  private notBeforeMs: number | undefined;
  private lastSpan: CircleSpan | undefined;
  /** How far out (shanks, from the centre) the current swing has gone, and the last few did. */
  private swingReach = 0;
  private reaches: number[] = [];
  /** The last few frames' distances from the centre on the current side (shanks). */
  private recentOut: number[] = [];
  /** The side the point is past `minSwing` on now, and since when (ms). */
  private pastSide: -1 | 1 | undefined;
  private pastSinceMs = 0;
  /** The last frame the point was out on a side (past the bar a side is reached at), ms. */
  private lastOutMs: number | undefined;
  readonly counts: Record<CircleDirection, number> = { clockwise: 0, anticlockwise: 0 };

  constructor(private readonly params: CircleParams = DEFAULT_CIRCLES) {}

  /**
   * The circle just completed, as the time it took: twice its last half swing, back to where the
   * last circle ended (or circling started). Out and back take about as long, so a pause before the
   * circle (standing still, then circling) is not part of it.
   */
  get lastCircle(): CircleSpan | undefined {
    return this.lastSpan;
  }

  /** Whether a swing has been seen since the last reset: the person is circling. */
  get circling(): boolean {
    return this.startSide !== undefined;
  }

  /**
   * Returns true when a circle was completed (credited to `direction`). A circle swings the point
   * out to one side and over to the other: each second side reached completes one. A knee circled
   * from standing reaches 2n sides in n circles and comes back to the middle, not to its first side,
   * so counting a return to the first side (left-right-left) counted n - 1 (the rendered knee
   * circles: 5 of 6, 6 only where the model's jitter made an extra swing at the start).
   */
  push(p: CirclePoint, direction: CircleDirection): boolean {
    if (!Number.isFinite(p.x)) return false;
    this.history.push(p);
    this.history = this.history.filter(
      (h) => p.timestampMs - h.timestampMs <= this.params.centreWindowMs,
    );
    // The centre is the mean over at least CENTRE_WARMUP_MS of the path: in time, not frames
    // (10 frames were 0.3 s at 30 frames/s, 0.15 s at 60 and 0.9 s at 10: the first swing, and
    // with it every circle's phase, moved with the camera's frame rate).
    if (p.timestampMs - (this.history[0]?.timestampMs ?? p.timestampMs) < CENTRE_WARMUP_MS)
      return false;
    const centre = this.history.reduce((s, h) => s + h.x, 0) / this.history.length;
    const d = p.x - centre;
    if (this.side !== undefined) {
      this.recentOut = [...this.recentOut, Math.sign(d) === this.side ? Math.abs(d) : 0].slice(
        -REACH_FRAMES,
      );
      if (this.recentOut.length === REACH_FRAMES)
        this.swingReach = Math.max(this.swingReach, median(this.recentOut) ?? 0);
    }
    // Where the swing first passed `minSwing` on its side: the time a side is reached, as before
    // the bar moved out (the circle's timing, which the head is judged over, does not move).
    const past = d > this.params.minSwing ? 1 : d < -this.params.minSwing ? -1 : undefined;
    if (past !== this.pastSide) {
      this.pastSide = past;
      this.pastSinceMs = p.timestampMs;
    }
    const reach = lowerMedian(this.reaches);
    const sideAt = Math.max(this.params.minSwing, SIDE_FRACTION_OF_SWING * (reach ?? 0));
    const side = d > sideAt ? 1 : d < -sideAt ? -1 : undefined;
    const outBeforeMs = this.lastOutMs;
    if (side !== undefined) this.lastOutMs = p.timestampMs;
    if (side === undefined || side === this.side) return false;
    const at = this.pastSide === side ? this.pastSinceMs : p.timestampMs;
    if (this.side !== undefined) {
      this.reaches = [...this.reaches, this.swingReach].slice(-SWINGS_REMEMBERED);
    }
    this.swingReach = 0;
    this.recentOut = [];
    this.side = side;
    // A pause in the middle longer than a half swing (stopping, turning round): the half drawn
    // before it and the one after are not one circle, and the circle after is timed from here.
    const paused =
      outBeforeMs === undefined ||
      p.timestampMs - outBeforeMs > (this.lastHalfMs ?? this.params.minCircleMs);
    if (this.startSide === undefined) this.startSide = side;
    if (paused) {
      this.pairFirstMs = at;
      this.notBeforeMs = at;
      this.lastHalfMs = undefined;
      return false;
    }
    const previousMs = this.pairFirstMs;
    if (previousMs === undefined) {
      this.pairFirstMs = at;
      return false;
    }
    const halfMs = at - previousMs;
    // Over too quickly for half a circle (the side before was a flick: jitter, a shuffle into
    // position), or too slowly (the point stood to one side, then moved): this side starts the
    // circle instead, and the flick does not set the pace a pause is judged by.
    if (2 * halfMs < this.params.minCircleMs || 2 * halfMs > this.params.maxCircleMs) {
      this.pairFirstMs = at;
      return false;
    }
    this.lastHalfMs = halfMs;
    this.pairFirstMs = undefined;
    this.counts[direction] += 1;
    this.lastSpan = {
      startMs: Math.max(this.notBeforeMs ?? previousMs, at - 2 * halfMs),
      endMs: at,
    };
    this.notBeforeMs = at;
    return true;
  }

  /**
   * The circle just counted was not one (an ankle circle drawn with the foot on the floor, judged by
   * the caller): it is taken back, and the side it ended on starts the next circle instead. Paired
   * with the side before, that side was spent on the set-up swing: at 10 frames/s the mirrored
   * ankle-circle clip paired its foot-down swing with the first real side, and every circle after
   * was drawn half a circle late, the last ending as the foot came down (3 of 4).
   */
  takeBack(direction: CircleDirection): void {
    if (this.lastSpan === undefined || this.pairFirstMs !== undefined) return;
    this.counts[direction] = Math.max(0, this.counts[direction] - 1);
    this.pairFirstMs = this.lastSpan.endMs;
    this.notBeforeMs = this.lastSpan.endMs;
    this.lastSpan = undefined;
  }

  reset(): void {
    this.history = [];
    this.side = undefined;
    this.startSide = undefined;
    this.pairFirstMs = undefined;
    this.lastHalfMs = undefined;
    this.notBeforeMs = undefined;
    this.lastSpan = undefined;
    this.swingReach = 0;
    this.reaches = [];
    this.recentOut = [];
    this.pastSide = undefined;
    this.pastSinceMs = 0;
    this.lastOutMs = undefined;
  }
}

/**
 * The lower median of the swings' reaches (the smaller middle one of an even count), once two
 * swings are known: one wide swing (the foot swung out to start) does not set the bar on its own.
 */
function lowerMedian(reaches: readonly number[]): number | undefined {
  if (reaches.length < 2) return undefined;
  const sorted = [...reaches].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
