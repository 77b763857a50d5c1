import { median } from '../geometry/stats.ts';
import type { Side, WorldPointM } from '../pose/skeleton.ts';
import type { Body } from './body.ts';
import { FOOT_OFF_FLOOR_M } from './foot-off-floor.ts';
import type { FrameFeatures } from './features.ts';

/**
 * A camera tilted sideways (rolled about its axis: a phone propped crooked, a laptop on an uneven
 * seat), read from the person standing upright and facing it. Side on, depth and lean are angles
 * against the picture's level and vertical, and a tilt moves them by as much (3° turned two clean
 * side-view squats shallow and a shallow one clean on the labelled clips); facing the camera the
 * body is a plumb line: in the frontal plane the spine of a person standing stays within about
 * ±25 mm of the line of gravity (Pomero et al., stereoradiography with a force plate, 34 healthy
 * adults), about 1° over the 1.3-1.5 m from the ankles to the shoulders. Side on there is no such
 * line: the body leans forward from the ankles by posture, and the feet's line is the model's guess.
 */

const DEG = 180 / Math.PI;

/**
 * How far the line from one joint to its twin leans from the picture's level (deg), positive when
 * the end on the picture's right is lower (the picture turned clockwise).
 */
function lineFromLevelDeg(body: Body, joint: 'hip' | 'shoulder'): number | undefined {
  const l = body.joint('left', joint);
  const r = body.joint('right', joint);
  if (!l || !r) return undefined;
  const [a, b] = l.x < r.x ? [l, r] : [r, l];
  return b.x - a.x > 0 ? Math.atan2(b.y - a.y, b.x - a.x) * DEG : undefined;
}

/**
 * Deg from the picture's vertical of the line from the middle of the ankles to the middle of the
 * shoulders, positive when its top is to the picture's right (the picture turned clockwise). Both
 * ankles and both shoulders must be seen (one of each is no middle).
 */
function bodyLineDeg(body: Body): number | undefined {
  const la = body.joint('left', 'ankle');
  const ra = body.joint('right', 'ankle');
  const ls = body.joint('left', 'shoulder');
  const rs = body.joint('right', 'shoulder');
  if (!la || !ra || !ls || !rs) return undefined;
  const dx = (ls.x + rs.x) / 2 - (la.x + ra.x) / 2;
  const up = (la.y + ra.y) / 2 - (ls.y + rs.y) / 2;
  return up > 0 ? Math.atan2(dx, up) * DEG : undefined;
}

/**
 * Both feet on the floor, in BlazePose's 3-D: the feet's lowest points (heel or toe) within
 * `FOOT_OFF_FLOOR_M` of each other, heights taken along the trunk (hips to shoulders), not the
 * camera's vertical: the 3-D landmarks turn with the camera (the model's crop is turned upright and
 * its 3-D turned back), so a tilt of 6° puts one of two feet 30 cm apart 3 cm higher. A person
 * leaning sideways over one leg, the other foot lifted (ankle circles), reads every line 17-25°
 * from the picture's vertical, the three of them agreeing: only the feet tell it from a tilt.
 * False without 3-D landmarks (MoveNet): no tilt is read.
 */
function feetLevel(body: Body): boolean {
  const mid = (a: WorldPointM | undefined, b: WorldPointM | undefined) =>
    a && b ? { xM: (a.xM + b.xM) / 2, yM: (a.yM + b.yM) / 2, zM: (a.zM + b.zM) / 2 } : undefined;
  const hips = mid(body.worldInferred('left_hip'), body.worldInferred('right_hip'));
  const shoulders = mid(body.worldInferred('left_shoulder'), body.worldInferred('right_shoulder'));
  if (!hips || !shoulders) return false;
  const up = { xM: shoulders.xM - hips.xM, yM: shoulders.yM - hips.yM, zM: shoulders.zM - hips.zM };
  const length = Math.hypot(up.xM, up.yM, up.zM);
  if (!(length > 1e-3)) return false;
  const height = (p: WorldPointM) =>
    ((p.xM - hips.xM) * up.xM + (p.yM - hips.yM) * up.yM + (p.zM - hips.zM) * up.zM) / length;
  const lowest = (side: Side) => {
    const hs = (['heel', 'toe'] as const).flatMap((p) => {
      const w = body.worldInferred(`${side}_${p}`);
      return w === undefined ? [] : [height(w)];
    });
    return hs.length === 0 ? undefined : Math.min(...hs);
  };
  const l = lowest('left');
  const r = lowest('right');
  return l !== undefined && r !== undefined && Math.abs(l - r) <= FOOT_OFF_FLOOR_M;
}

/**
 * The three lines a tilt turns alike must agree within this (deg): the body's line, the hips' and
 * the shoulders'. A camera's tilt turns all three alike; a person shifting their weight to one leg
 * drops the pelvis on the other side and moves the trunk over the standing foot, and the three part.
 * On the real ankle-circle clip (both feet down between circles) the body's line alone read 5.1°
 * and -5.7° (filmed, mirrored) on a level camera; with the lines agreeing, 0.1° and 0.7°. A camera
 * pitched down at someone standing off the picture's centre leans their body's line too, by
 * geometry (verticals converge: atan(offset / focal length × tan pitch), 4° at 15° of pitch and a
 * fifth of a 70° picture off centre), while the hip and shoulder lines stay level: the lines part,
 * or their median is the level one.
 */
const LINES_AGREE_WITHIN_DEG = 3;

/**
 * This frame's reading of the camera's tilt (deg, positive: the picture turned clockwise), from a
 * person facing it: the middle of the body's line from the ankles to the shoulders, the hip line
 * and the shoulder line, when the three agree; undefined when they do not or one is not seen.
 * Whether the person is facing the camera and standing is the caller's (`isPlumbFrame`).
 */
export function frameTiltDeg(body: Body): number | undefined {
  if (!feetLevel(body)) return undefined;
  const lines = [
    bodyLineDeg(body),
    lineFromLevelDeg(body, 'hip'),
    lineFromLevelDeg(body, 'shoulder'),
  ];
  const seen = lines.filter((v): v is number => v !== undefined);
  if (seen.length < lines.length) return undefined;
  if (Math.max(...seen) - Math.min(...seen) > LINES_AGREE_WITHIN_DEG) return undefined;
  return median(seen);
}

/** Facing the camera for the plumb line: turned no more than this from it (deg). */
const FACING_WITHIN_DEG = 30;

/** Standing upright: both knees at least this straight (deg; a squat's top is over 160°). */
const STRAIGHT_KNEE_DEG = 160;

/** The tilt is read once the person has stood facing the camera this long (ms, all together). */
export const TILT_READ_AFTER_MS = 1000;

/**
 * A tilt this large or larger is told (deg): past the depth measure's error (5°, thresholds.ts; a
 * tilt moves side-on depth and lean by as much) and past every reading of the labelled clips' people
 * facing the camera, -5.1° to +4.1° (the 14 clips read so, filmed and mirrored; the cameras' own
 * tilts and the people's stances in it: the -5.1° is a woman at ease before her set, talking to a
 * hand-held phone whose background looks level by eye).
 */
export const TILT_TOLD_FROM_DEG = 6;

/**
 * The frames whose lines are a plumb line: facing the camera (BlazePose's 3-D turn), both legs
 * straight, and a reading (`frameTiltDeg`: feet down, lines agreeing).
 */
export function isPlumbFrame(f: FrameFeatures): boolean {
  const turn = f.turnFromCameraDeg;
  const { left, right } = f.kneeAngleDeg;
  return (
    turn !== undefined &&
    turn <= FACING_WITHIN_DEG &&
    f.tiltDeg !== undefined &&
    left !== undefined &&
    right !== undefined &&
    left >= STRAIGHT_KNEE_DEG &&
    right >= STRAIGHT_KNEE_DEG
  );
}

/**
 * The readings kept: the last 20 s of standing facing the camera at 15 frames/s. A set facing the
 * camera for an hour would otherwise keep every frame's, and sort them all each frame; the last
 * ones also follow a camera levelled during the session.
 */
const KEPT_READINGS = 300;

/**
 * The camera's tilt over a set: the median reading of the frames in which the person stood facing
 * the camera (the last `KEPT_READINGS`), once they add up to a second. Every frame with a person
 * counts, set-up included (walking into place facing the screen is when most people face it).
 */
export class CameraTilt {
  private readonly readings: number[] = [];
  private facingMs = 0;
  private lastMs: number | undefined;
  private median: number | undefined;

  push(f: FrameFeatures): void {
    const dt = this.lastMs === undefined ? 0 : Math.min(f.timestampMs - this.lastMs, 200);
    this.lastMs = f.timestampMs;
    if (!isPlumbFrame(f) || f.tiltDeg === undefined) return;
    this.readings.push(f.tiltDeg);
    if (this.readings.length > KEPT_READINGS) this.readings.shift();
    this.median = median(this.readings);
    this.facingMs += Math.max(0, dt);
  }

  /** The tilt read so far (deg, positive: the picture turned clockwise), undefined until a second of it. */
  current(): number | undefined {
    return this.facingMs < TILT_READ_AFTER_MS ? undefined : this.median;
  }
}

/** Whether a tilt read (deg) is large enough to tell the person (`TILT_TOLD_FROM_DEG`). */
export const isTiltTold = (deg: number): boolean => Math.abs(deg) >= TILT_TOLD_FROM_DEG;

/** Said once a session when a tilt is first told (the person is two metres from the screen). */
export const TILT_CUE = 'The camera looks tilted. Level it.';

/** The set-up tip for a tilted camera. */
export function tiltTip(deg: number): string {
  return `Tip: the camera looks tilted about ${Math.abs(deg)}°: level it.`;
}

/** The set's note for a tilted camera, saying what it moves. */
export function tiltNote(deg: number): string {
  const d = `${Math.abs(deg)}°`;
  return (
    `The camera looked tilted about ${d} (standing facing it, your body, hips and shoulders read ` +
    `${d} off the picture's vertical and level): what is judged against the picture's level and ` +
    `vertical (depth, lean, a hold's shape) reads up to ${d} off. Level the camera.`
  );
}
