import { meanDefined } from '../geometry/stats.ts';
import type { Body } from './body.ts';
import type { FrameFeatures } from './features.ts';

export type DetectedView = 'front' | 'side' | 'unknown';
export type FrameView = DetectedView | 'three-quarter';
/** Which way a person seen from the front is turned: towards the camera, or with their back to it. */
export type Facing = 'camera' | 'away';

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
 * Facing the camera or with the back to it, from the side of the picture the person's left hip and
 * left shoulder are on: facing the camera the left side is on the picture's right (x larger),
 * from behind on its left. The model names the sides by the person's build and face, not by where
 * they are in the picture, and it does so front-on and from behind alike: on every labelled clip
 * (formcheck's own tracks, as filmed and mirrored), the frames seen front-on of the clips that face
 * the camera read "camera" in 99-100 % of frames (one 3/4 clip mirrored in 68 %), those of the
 * clips filmed from behind (two calf raises, two barbell squats turned away) in 0-9 %. Undefined
 * without both hips and both shoulders, or with them level in x (side on). A camera that mirrors
 * the picture itself (the app does not, and nor does a browser's camera) reads the other way.
 */
export function facingOfFrame(body: Body): Facing | undefined {
  let across = 0;
  for (const joint of ['hip', 'shoulder'] as const) {
    const l = body.point(`left_${joint}`);
    const r = body.point(`right_${joint}`);
    if (!l || !r) return undefined;
    across += l.x - r.x;
  }
  return across > 0 ? 'camera' : across < 0 ? 'away' : undefined;
}

/** The way more frames faced (undefined: none, or a tie). */
const moreOf = ({ camera, away }: Readonly<Record<Facing, number>>): Facing | undefined =>
  camera > away ? 'camera' : away > camera ? 'away' : undefined;

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
  /** How the frames seen front-on faced. */
  private readonly facings = { camera: 0, away: 0 };

  push(view: FrameView, facing?: Facing): void {
    this.counts[view] += 1;
    if (view === 'front' && facing !== undefined) this.facings[facing] += 1;
  }

  /** Which way the person faced in most of the frames seen front-on, when the set's view is front. */
  facing(): Facing | undefined {
    return this.current() === 'front' ? moreOf(this.facings) : undefined;
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
  private readonly seen: {
    readonly atMs: number;
    readonly view: FrameView;
    readonly facing: Facing | undefined;
  }[] = [];

  push(atMs: number, view: FrameView, facing?: Facing): void {
    this.seen.push({ atMs, view, facing });
    while ((this.seen[0]?.atMs ?? atMs) < atMs - RECENT_VIEW_MS) this.seen.shift();
  }

  current(): FrameView {
    return mostSeen(this.seen.map((s) => s.view));
  }

  /** Which way the person faced over the last second, when seen front-on. */
  facing(): Facing | undefined {
    if (this.current() !== 'front') return undefined;
    const front = this.seen.filter((s) => s.view === 'front');
    return moreOf({
      camera: front.filter((s) => s.facing === 'camera').length,
      away: front.filter((s) => s.facing === 'away').length,
    });
  }
}
