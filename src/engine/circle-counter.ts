/**
 * Counts full revolutions of a point (a knee, a toe) around its own recent centre, per direction.
 * The centre is the mean of the last `centreWindowMs` of positions; the angle around it is
 * unwrapped, and every 360° turned the same way is one circle. Direction is given as the person
 * sees it on the mirrored preview: in the raw (unmirrored) image with y down, an increasing angle
 * is clockwise on screen, which the mirror shows as anticlockwise.
 */
export interface CircleParams {
  readonly centreWindowMs: number;
  /** Below this radius (shank lengths) the point is taken as still, and no angle is counted. */
  readonly minRadius: number;
}

export const DEFAULT_CIRCLES: CircleParams = { centreWindowMs: 2000, minRadius: 0.04 };

export type CircleDirection = 'clockwise' | 'anticlockwise';

export interface CirclePoint {
  readonly timestampMs: number;
  /** Position in shank lengths (any origin). */
  readonly x: number;
  readonly y: number;
}

export class CircleCounter {
  private history: CirclePoint[] = [];
  private lastAngle: number | undefined;
  /** Turned angle since the last counted circle, radians; positive = clockwise in the raw image. */
  private turned = 0;
  readonly counts: Record<CircleDirection, number> = { clockwise: 0, anticlockwise: 0 };

  constructor(private readonly params: CircleParams = DEFAULT_CIRCLES) {}

  push(p: CirclePoint): CircleDirection | undefined {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return undefined;
    this.history.push(p);
    this.history = this.history.filter((h) => p.timestampMs - h.timestampMs <= this.params.centreWindowMs);
    if (this.history.length < 5) return undefined;
    const cx = this.history.reduce((s, h) => s + h.x, 0) / this.history.length;
    const cy = this.history.reduce((s, h) => s + h.y, 0) / this.history.length;
    const dx = p.x - cx;
    const dy = p.y - cy;
    if (Math.hypot(dx, dy) < this.params.minRadius) {
      this.lastAngle = undefined;
      return undefined;
    }
    const angle = Math.atan2(dy, dx);
    if (this.lastAngle !== undefined) {
      let d = angle - this.lastAngle;
      if (d > Math.PI) d -= 2 * Math.PI;
      if (d < -Math.PI) d += 2 * Math.PI;
      // A reversal restarts the count for the new direction.
      if (Math.sign(d) !== 0 && Math.sign(d) !== Math.sign(this.turned) && Math.abs(this.turned) > 0) {
        if (Math.abs(d) > 0.05) this.turned = 0;
      }
      this.turned += d;
    }
    this.lastAngle = angle;
    if (Math.abs(this.turned) >= 2 * Math.PI) {
      // Raw-image clockwise is anticlockwise in the mirrored preview the person watches.
      const direction: CircleDirection = this.turned > 0 ? 'anticlockwise' : 'clockwise';
      this.turned -= Math.sign(this.turned) * 2 * Math.PI;
      this.counts[direction] += 1;
      return direction;
    }
    return undefined;
  }

  reset(): void {
    this.history = [];
    this.lastAngle = undefined;
    this.turned = 0;
  }
}
