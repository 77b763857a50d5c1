/** A 2-D point; which space (normalized image, frame-height units) is the caller's to name. */
export interface Point2 {
  readonly x: number;
  readonly y: number;
}

/** Angles in degrees, tagged so radians cannot slip in. */
export type Degrees = number & { readonly __unit?: 'deg' };

export function pointDistance(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function pointMidpoint(a: Point2, b: Point2): Point2 {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** The angle ABC at vertex B, in [0, 180] degrees. NaN if a segment has zero length. */
export function angleAtDeg(a: Point2, b: Point2, c: Point2): Degrees {
  const ux = a.x - b.x;
  const uy = a.y - b.y;
  const vx = c.x - b.x;
  const vy = c.y - b.y;
  const norm = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  if (norm === 0) return NaN;
  const cos = Math.max(-1, Math.min(1, (ux * vx + uy * vy) / norm));
  return (Math.acos(cos) * 180) / Math.PI;
}

/** Angle of the segment from `from` to `to` against the image vertical, in [0, 180] degrees. */
export function angleFromVerticalDeg(from: Point2, to: Point2): Degrees {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return NaN;
  return (Math.atan2(Math.abs(dx), -dy) * 180) / Math.PI;
}
