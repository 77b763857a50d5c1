import { meanDefined } from '../geometry/stats.ts';
import type { Body } from './body.ts';
import type { FrameFeatures } from './features.ts';

export type DetectedView = 'front' | 'side' | 'unknown';
export type FrameView = DetectedView | 'three-quarter';

/**
 * Facing the camera while turned less than this (deg): nearer facing than side-on. The front-view
 * checks compare the two legs (knee over ankle separation), which a turn foreshortens alike, and
 * the far leg is still clear of the near one.
 */
const FRONT_BELOW_TURN_DEG = 45;
/**
 * Side-on from this turn (deg), within 30° of side-on: there a thigh at the depth limit (15° above
 * level) reads at most 2° steeper in the image (atan(tan 15° / cos 30°) = 17°), inside the depth
 * measure's error (5°); at 45° it would read 21°.
 */
const SIDE_FROM_TURN_DEG = 60;

/**
 * How far the body is turned from facing the camera, deg: 0 facing it (or facing away), 90
 * side-on. The hip line's and the shoulder line's angle against the image plane over the floor,
 * from BlazePose's 3-D world landmarks (x to the image right, z away from the camera), averaged
 * (the trunk may twist against the hips). It does not depend on the person's build, as shoulder
 * width in the picture does. The far hip and shoulder side-on are the model's inference: a coarse
 * measure against limits 15° apart. Undefined without world landmarks (MoveNet) or with neither
 * hip nor shoulder in the picture.
 */
export function turnFromCameraDeg(body: Body): number | undefined {
  return meanDefined(
    (['hip', 'shoulder'] as const).map((joint) => {
      // A line out of the picture (lower legs only) is a guess: one of its ends must be seen.
      const seen = body.point(`left_${joint}`) ?? body.point(`right_${joint}`);
      const l = body.worldInferred(`left_${joint}`);
      const r = body.worldInferred(`right_${joint}`);
      if (!seen || !l || !r) return undefined;
      const across = Math.abs(l.xM - r.xM);
      const depth = Math.abs(l.zM - r.zM);
      return across + depth > 1e-6 ? (Math.atan2(depth, across) * 180) / Math.PI : undefined;
    }),
  );
}

/**
 * The view of one frame: from how far the body is turned (3-D, when the model gives it), else from
 * shoulder width over torso length in the picture (about 0.6-0.9 facing the camera or facing away,
 * under 0.35 side on, measured on the labelled front and side clips; a slim build facing the camera
 * can read under 0.5, as the rendered character does).
 */
export function viewOfFrame(f: FrameFeatures): FrameView {
  const turn = f.turnFromCameraDeg;
  if (turn !== undefined)
    return turn < FRONT_BELOW_TURN_DEG
      ? 'front'
      : turn >= SIDE_FROM_TURN_DEG
        ? 'side'
        : 'three-quarter';
  const r = f.shoulderWidthOverTorso;
  if (r === undefined) return 'unknown';
  if (r >= 0.5) return 'front';
  if (r <= 0.35) return 'side';
  return 'three-quarter';
}

/** The view seen most often over a set; 3/4 frames count for neither. */
export class ViewTally {
  private readonly counts = { front: 0, side: 0, 'three-quarter': 0, unknown: 0 };

  push(view: FrameView): void {
    this.counts[view] += 1;
  }

  current(): DetectedView {
    const { front, side } = this.counts;
    const three = this.counts['three-quarter'];
    if (front + side + three === 0) return 'unknown';
    if (front >= side && front >= three) return 'front';
    if (side >= front && side >= three) return 'side';
    return 'unknown';
  }
}

/** The view of most of these frames (a rep, a stretch of a set), 3/4 included. */
export function viewOfFrames(frames: readonly FrameFeatures[]): FrameView {
  return mostSeen(frames.map(viewOfFrame));
}

function mostSeen(views: readonly FrameView[]): FrameView {
  const counts = new Map<FrameView, number>();
  for (const v of views) if (v !== 'unknown') counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: FrameView = 'unknown';
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

/** How far back the live view looks: a second of frames. */
const RECENT_VIEW_MS = 1000;

/**
 * The view of most of the last second's frames: what the live set-up tip goes by. One frame's view
 * flickers where the body is turned near a boundary (a squat filmed at 3/4, turned 50-64°, read
 * side-on in one frame of six), and the tip flickered with it.
 */
export class RecentView {
  private readonly seen: { readonly atMs: number; readonly view: FrameView }[] = [];

  push(atMs: number, view: FrameView): void {
    this.seen.push({ atMs, view });
    while ((this.seen[0]?.atMs ?? atMs) < atMs - RECENT_VIEW_MS) this.seen.shift();
  }

  current(): FrameView {
    return mostSeen(this.seen.map((s) => s.view));
  }
}
