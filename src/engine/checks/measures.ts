import type { Side } from '../../pose/skeleton.ts';
import type { Body, BodyPoint } from '../body.ts';

/**
 * Segment measures the form checks use, from one frame's confident keypoints. Image lengths are in
 * frame-height units (body.ts); every check turns them into a unit-free value with a ruler taken
 * while the person stood (checks/standing.ts), so the distance to the camera does not matter.
 */

const DEG = 180 / Math.PI;
const clampUnit = (v: number) => Math.max(-1, Math.min(1, v));

export function segmentLength(body: Body, side: Side, from: 'hip' | 'knee', to: 'knee' | 'ankle') {
  const a = body.joint(side, from);
  const b = body.joint(side, to);
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : undefined;
}

/**
 * Thigh elevation above horizontal (deg; 90 = standing, 0 = thigh level, negative = hip below
 * knee) in the image plane: exact side on, foreshortened otherwise.
 */
export function thighElevationInPlaneDeg(body: Body, side: Side): number | undefined {
  const h = body.joint(side, 'hip');
  const k = body.joint(side, 'knee');
  return h && k ? Math.atan2(k.y - h.y, Math.abs(k.x - h.x)) * DEG : undefined;
}

/**
 * Thigh elevation from the vertical drop alone: asin(hip-above-knee height / standing thigh
 * length). A camera at hip height sees vertical distances at full length from any side, so this
 * holds from the front, where the thigh points at the camera and its image shortens.
 */
export function thighElevationFromDropDeg(
  body: Body,
  side: Side,
  standingThigh: number,
): number | undefined {
  const h = body.joint(side, 'hip');
  const k = body.joint(side, 'knee');
  if (!h || !k || !(standingThigh > 1e-6)) return undefined;
  return Math.asin(clampUnit((k.y - h.y) / standingThigh)) * DEG;
}

/**
 * Shin inclination from vertical from the vertical drop alone: acos(knee-above-ankle height /
 * standing shank length), deg (0 = vertical; over 90 = the knee below the ankle). As for the thigh,
 * a camera at hip height sees the heights at full length from any side.
 */
export function shinInclinationFromDropDeg(
  body: Body,
  side: Side,
  standingShank: number,
): number | undefined {
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  if (!k || !a || !(standingShank > 1e-6)) return undefined;
  return Math.acos(clampUnit((a.y - k.y) / standingShank)) * DEG;
}

/**
 * One shin's inclination from vertical in the image plane (deg; ankle below knee): exact side on.
 */
export function shinInclinationInPlaneDeg(body: Body, side: Side): number | undefined {
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  return k && a ? inclinationInPlaneDeg(a, k) : undefined;
}

/** The knee's internal angle from BlazePose's 3-D world landmarks (deg). */
export function kneeAngle3dDeg(body: Body, side: Side): number | undefined {
  const h = body.world(`${side}_hip`);
  const k = body.world(`${side}_knee`);
  const a = body.world(`${side}_ankle`);
  if (!h || !k || !a) return undefined;
  const u = [h.xM - k.xM, h.yM - k.yM, h.zM - k.zM] as const;
  const v = [a.xM - k.xM, a.yM - k.yM, a.zM - k.zM] as const;
  const norm = Math.hypot(...u) * Math.hypot(...v);
  const dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  return norm > 1e-9 ? Math.acos(clampUnit(dot / norm)) * DEG : undefined;
}

/** Thigh elevation from BlazePose's 3-D world landmarks (deg), the same from every view. */
export function thighElevation3dDeg(body: Body, side: Side): number | undefined {
  const h = body.world(`${side}_hip`);
  const k = body.world(`${side}_knee`);
  if (!h || !k) return undefined;
  const length = Math.hypot(k.xM - h.xM, k.yM - h.yM, k.zM - h.zM);
  return length > 1e-3 ? Math.asin(clampUnit((k.yM - h.yM) / length)) * DEG : undefined;
}

/** A segment's inclination from vertical (deg) in the image plane, upper point over lower. */
function inclinationInPlaneDeg(lower: BodyPoint, upper: BodyPoint): number {
  return Math.atan2(Math.abs(upper.x - lower.x), lower.y - upper.y) * DEG;
}

/** The same from 3-D world points (metres; world y points down). */
function inclination3dDeg(
  lower: { xM: number; yM: number; zM: number },
  upper: { xM: number; yM: number; zM: number },
): number | undefined {
  const dx = upper.xM - lower.xM;
  const dy = upper.yM - lower.yM;
  const dz = upper.zM - lower.zM;
  const length = Math.hypot(dx, dy, dz);
  return length > 1e-3 ? Math.acos(clampUnit(-dy / length)) * DEG : undefined;
}

const mean3 = (a: { xM: number; yM: number; zM: number }, b: typeof a) => ({
  xM: (a.xM + b.xM) / 2,
  yM: (a.yM + b.yM) / 2,
  zM: (a.zM + b.zM) / 2,
});

/** Trunk (hips → shoulders) and tibia (ankle → knee) inclination from vertical, deg. */
export interface Inclinations {
  readonly trunkDeg: number | undefined;
  readonly tibiaDeg: number | undefined;
}

export function inclinationsInPlane(body: Body): Inclinations {
  const hips = body.mid('hip');
  const shoulders = body.mid('shoulder');
  const knee = body.mid('knee');
  const ankle = body.mid('ankle');
  return {
    trunkDeg: hips && shoulders ? inclinationInPlaneDeg(hips, shoulders) : undefined,
    tibiaDeg: knee && ankle ? inclinationInPlaneDeg(ankle, knee) : undefined,
  };
}

/**
 * Trunk and tibia inclination in the plane the body moves in (its sagittal plane), from the picture
 * of a body turned `turnDeg` from facing the camera (90 = side on). That plane is turned
 * 90° − turnDeg from the image plane, so a lean's sideways part shows shortened by sin(turnDeg) and
 * its vertical part whole: tan(true) = tan(in the picture) / sin(turnDeg). Both segments lean in
 * that plane, so both are corrected alike.
 */
export function inclinationsTurnedInPlane(body: Body, turnDeg: number): Inclinations {
  const seen = inclinationsInPlane(body);
  const shortening = Math.sin(turnDeg / DEG);
  const undo = (deg: number | undefined) =>
    deg === undefined || !(shortening > 0.1)
      ? undefined
      : Math.atan(Math.tan(deg / DEG) / shortening) * DEG;
  return { trunkDeg: undo(seen.trunkDeg), tibiaDeg: undo(seen.tibiaDeg) };
}

export function inclinations3d(body: Body): Inclinations {
  const lh = body.world('left_hip');
  const rh = body.world('right_hip');
  const ls = body.world('left_shoulder');
  const rs = body.world('right_shoulder');
  const tibias = (['left', 'right'] as const)
    .map((s) => {
      const k = body.world(`${s}_knee`);
      const a = body.world(`${s}_ankle`);
      return k && a ? inclination3dDeg(a, k) : undefined;
    })
    .filter((v): v is number => v !== undefined);
  return {
    trunkDeg: lh && rh && ls && rs ? inclination3dDeg(mean3(lh, rh), mean3(ls, rs)) : undefined,
    tibiaDeg: tibias.length === 0 ? undefined : tibias.reduce((a, b) => a + b) / tibias.length,
  };
}

/**
 * How far the knee sits towards the body's midline from the middle of its foot (ankle-to-toe
 * midpoint; the ankle where the model has no toes), in frame-height units. From the front.
 */
export function kneeMedialOfFoot(body: Body, side: Side): number | undefined {
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  const hips = body.mid('hip');
  if (!k || !a || !hips) return undefined;
  const t = body.joint(side, 'toe');
  const footX = t === undefined ? a.x : (a.x + t.x) / 2;
  const inward = Math.sign(hips.x - footX) || 0;
  return (k.x - footX) * inward;
}

/** Heel height above the toe in the image, frame-height units (side on: the foot's pitch). */
export function heelAboveToe(body: Body, side: Side): number | undefined {
  const h = body.joint(side, 'heel');
  const t = body.joint(side, 'toe');
  return h && t ? t.y - h.y : undefined;
}

/** Knee ahead of the toe along the way the foot points, frame-height units (side on). */
export function kneePastToe(body: Body, side: Side): number | undefined {
  const k = body.joint(side, 'knee');
  const t = body.joint(side, 'toe');
  const h = body.joint(side, 'heel');
  if (!k || !t || !h) return undefined;
  const forward = Math.sign(t.x - h.x) || 1;
  return (k.x - t.x) * forward;
}

/**
 * Mean confidence of the named joints seen, on both sides or on the one side a value was read from
 * (0 when none is seen).
 */
export function jointScore(
  body: Body,
  joints: readonly ('hip' | 'knee' | 'ankle' | 'heel' | 'toe' | 'shoulder')[],
  side?: Side,
): number {
  const sides: readonly Side[] = side === undefined ? ['left', 'right'] : [side];
  const scores = joints.flatMap((j) => sides.map((s) => body.score(`${s}_${j}`)));
  const seen = scores.filter((v) => v > 0);
  return seen.length === 0 ? 0 : seen.reduce((a, b) => a + b) / seen.length;
}
