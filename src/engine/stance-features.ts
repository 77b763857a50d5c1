import { angleAtDeg, angleFromVerticalDeg } from '../geometry/point.ts';
import type { Side, WorldPointM } from '../pose/skeleton.ts';
import type { Body } from './body.ts';

/**
 * Features that tell held poses apart (warrior I from II and III, one karate stance from the next):
 * which leg is in front, the arms, where the person faces. Part of every frame's features.
 */
export interface StanceFeatures {
  /** Knee angle of the leg in front (the way the nose points, side on), deg. */
  readonly frontKneeAngleDeg: number | undefined;
  /** Knee angle of the leg behind, deg. */
  readonly backKneeAngleDeg: number | undefined;
  /**
   * The lower wrist's height above the nose (of those seen), over torso length: > 0 with the arms
   * overhead (warrior I), about -0.3 to -1 with the arms out level (warrior II) or down.
   */
  readonly wristsAboveNoseTorsos: number | undefined;
  /**
   * The trunk's lean from vertical in the picture (hips → shoulders), deg, signed by where the
   * more bent knee points: + leaning the way the bent front thigh runs from the hip to the knee
   * (forward, in a lunging stance such as warrior I), − leaning back (a backbend). Side on; where
   * the bent thigh points at the camera (under 30° from vertical in the picture) the lean is taken
   * as forward, as an unsigned lean; undefined with no knee angle to tell forward by.
   */
  readonly trunkLeanForwardDeg: number | undefined;
  /** Front heel above its toe over shank length: > 0 on the ball of the front foot (cat stance). */
  readonly frontHeelAboveToeShanks: number | undefined;
  /** Back heel above its toe over shank length: > 0 on the ball of the back foot (hooked stance). */
  readonly backHeelAboveToeShanks: number | undefined;
  /**
   * How far apart the ankles are over the floor, over the shank, from the 3-D world landmarks (the
   * same from any view): about one shoulder width (≈ 1 shank) in a squat stance, a leg's length
   * (2.5-3 shanks) in warrior II or a triangle. Undefined without world landmarks (MoveNet).
   */
  readonly feetApartShanks3d: number | undefined;
  /**
   * How far one ankle is ahead of the other, along the way the hips face (across the line
   * between the hips), over the shank, from the 3-D world landmarks: under 0.6 with the feet side
   * by side, a shank or more in a split stance (a lunge, a front stance, warrior I).
   */
  readonly feetForeAftShanks3d: number | undefined;
  /**
   * The line from one ankle to the other against the way the hips face, over the floor, from the
   * 3-D world landmarks, deg: 0 with one foot straight ahead of the other (a front stance, hips
   * square), 90 with the feet side by side (a squat, a horse stance) or spread along the hips'
   * line (warrior II: the hips open to the side).
   */
  readonly feetLineFromFacingDeg: number | undefined;
  /**
   * How far the left ankle is to the person's left of the right one, along the line between the
   * hips, over the shank, from the 3-D world landmarks: about hip width or more with the feet side
   * by side or apart (0.14-3 at the 5th-95th percentiles of every real clip), a foot's width
   * (~0.2) with the feet together, 0 or less with the legs crossed (the hooked stance: the back
   * foot wrapped behind and across the front one).
   */
  readonly feetAcrossHipsShanks3d: number | undefined;
  /**
   * The back ankle's height above the front one, over the shank, from the 3-D world landmarks
   * (front and back as for the knees: side on, the leg the person faces is in front). A foot on
   * its ball lifts its ankle by the heel's rise, about 0.15-0.25 shank; with both feet down the
   * model reads -0.4 to 0.24 (10th-90th percentiles of the real clips); a foot held up behind,
   * off the floor, 0.5-0.8. Undefined without world landmarks (MoveNet) or where front and back
   * are not told (facing the camera).
   */
  readonly backAnkleAboveFrontShanks3d: number | undefined;
}

/**
 * A split stance (a lunge, a front stance) puts one foot a shank length or more ahead of the
 * other; in a squat stance they are side by side. The line between them, in shank lengths.
 */
export const SPLIT_STANCE_SHANKS = 0.6;

/** A foot's heel above its toe over its shank length (> 0: on the ball of the foot). */
function heelAboveToe(body: Body, side: Side | undefined): number | undefined {
  if (side === undefined) return undefined;
  const h = body.joint(side, 'heel');
  const t = body.joint(side, 'toe');
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  const shank = k && a ? Math.hypot(k.x - a.x, k.y - a.y) : undefined;
  return h && t && shank !== undefined && shank > 0 ? (t.y - h.y) / shank : undefined;
}

/**
 * +1 when the person faces image-right, -1 image-left, undefined when facing the camera (nose
 * between the ears) or not seen. Side on, the nose sits ahead of the ears.
 */
export function facingSign(body: Body): 1 | -1 | undefined {
  const nose = body.point('nose');
  const ears = body.mid('ear');
  const shoulders = body.mid('shoulder');
  const hips = body.mid('hip');
  if (!nose || !ears || !shoulders || !hips) return undefined;
  const torso = Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y);
  const ahead = nose.x - ears.x;
  // Less than a tenth of a torso sideways: the face is towards the camera.
  if (!(torso > 0) || Math.abs(ahead) < 0.1 * torso) return undefined;
  return ahead > 0 ? 1 : -1;
}

/**
 * The ankles' spread over the floor, all of it and along the hips' facing, in 3-D shanks. The
 * model's 3-D places a hidden ankle too (the back one behind the front leg seen from the front):
 * the measure is coarse (limits of 0.6 and 2.1 shanks against 0.1-0.3 in a squat stance and
 * 1.1-2.9 in a split or wide one on the real clips), so the inferred position is used.
 */
function feetOverFloor3d(
  body: Body,
): { apart: number; foreAft: number; lineFromFacingDeg: number; across: number } | undefined {
  const w = (side: Side, joint: 'hip' | 'knee' | 'ankle') => body.worldInferred(`${side}_${joint}`);
  const [lh, rh, lk, rk, la, ra] = [
    w('left', 'hip'),
    w('right', 'hip'),
    w('left', 'knee'),
    w('right', 'knee'),
    w('left', 'ankle'),
    w('right', 'ankle'),
  ];
  if (!lh || !rh || !lk || !rk || !la || !ra) return undefined;
  const length = (a: WorldPointM, b: WorldPointM) =>
    Math.hypot(a.xM - b.xM, a.yM - b.yM, a.zM - b.zM);
  const shank = (length(lk, la) + length(rk, ra)) / 2;
  // The floor is the x-z plane (y is down); the hips face across the line between them.
  const hipsX = rh.xM - lh.xM;
  const hipsZ = rh.zM - lh.zM;
  const hipsWidth = Math.hypot(hipsX, hipsZ);
  if (!(shank > 1e-3) || !(hipsWidth > 1e-3)) return undefined;
  const dx = la.xM - ra.xM;
  const dz = la.zM - ra.zM;
  const apart = Math.hypot(dx, dz);
  const foreAft = Math.abs(dx * -hipsZ + dz * hipsX) / hipsWidth;
  // Along the line from the right hip to the left one: the left ankle's lead over the right.
  const across = -(dx * hipsX + dz * hipsZ) / hipsWidth;
  return {
    apart: apart / shank,
    foreAft: foreAft / shank,
    across: across / shank,
    lineFromFacingDeg:
      apart > 1e-6 ? (Math.acos(Math.min(1, foreAft / apart)) * 180) / Math.PI : 90,
  };
}

/** See `backAnkleAboveFrontShanks3d`. */
function backAnkleAboveFront3d(body: Body, back: Side | undefined): number | undefined {
  if (back === undefined) return undefined;
  const front: Side = back === 'left' ? 'right' : 'left';
  const [bk, ba, fk, fa] = [
    body.worldInferred(`${back}_knee`),
    body.worldInferred(`${back}_ankle`),
    body.worldInferred(`${front}_knee`),
    body.worldInferred(`${front}_ankle`),
  ];
  if (!bk || !ba || !fk || !fa) return undefined;
  const length = (a: WorldPointM, b: WorldPointM) =>
    Math.hypot(a.xM - b.xM, a.yM - b.yM, a.zM - b.zM);
  const shank = (length(bk, ba) + length(fk, fa)) / 2;
  // y is down.
  return shank > 1e-3 ? (fa.yM - ba.yM) / shank : undefined;
}

function kneeAngle(body: Body, side: Side): number | undefined {
  const h = body.joint(side, 'hip');
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  return h && k && a ? angleAtDeg(h, k, a) : undefined;
}

/** sin 30°: a thigh this far from vertical in the picture shows which way is forward. */
const THIGH_RUN_SHOWS_FORWARD = 0.5;

/** See `trunkLeanForwardDeg`; `knees`: each knee's angle, deg. */
function trunkLeanForward(
  body: Body,
  knees: Readonly<Record<Side, number | undefined>>,
): number | undefined {
  const hips = body.mid('hip');
  const shoulders = body.mid('shoulder');
  const { left, right } = knees;
  if (!hips || !shoulders || (left === undefined && right === undefined)) return undefined;
  const bent: Side =
    right === undefined || (left !== undefined && left <= right) ? 'left' : 'right';
  const hip = body.joint(bent, 'hip');
  const knee = body.joint(bent, 'knee');
  if (!hip || !knee) return undefined;
  const lean = angleFromVerticalDeg(hips, shoulders);
  // Forward is told only where the picture shows the thigh running forward (30° or more from
  // vertical in it); from the front it points at the camera, and the lean is taken as forward.
  const run = knee.x - hip.x;
  if (Math.abs(run) < THIGH_RUN_SHOWS_FORWARD * Math.hypot(run, knee.y - hip.y)) return lean;
  return (shoulders.x - hips.x) * run < 0 ? -lean : lean;
}

export function stanceFeatures(body: Body, torso: number | undefined): StanceFeatures {
  const facing = facingSign(body);
  const knees = { left: kneeAngle(body, 'left'), right: kneeAngle(body, 'right') };
  const la = body.joint('left', 'ankle');
  const ra = body.joint('right', 'ankle');
  const front: Side | undefined =
    facing === undefined || !la || !ra ? undefined : (la.x - ra.x) * facing > 0 ? 'left' : 'right';
  const back: Side | undefined =
    front === undefined ? undefined : front === 'left' ? 'right' : 'left';
  const nose = body.point('nose');
  // Side on the far wrist often hides behind the head: the wrists seen are what counts.
  const wristYs = [body.joint('left', 'wrist'), body.joint('right', 'wrist')].flatMap((w) =>
    w === undefined ? [] : [w.y],
  );
  const lowest = wristYs.length === 0 ? undefined : Math.max(...wristYs);
  const feet = feetOverFloor3d(body);
  return {
    frontKneeAngleDeg: front === undefined ? undefined : knees[front],
    backKneeAngleDeg: back === undefined ? undefined : knees[back],
    wristsAboveNoseTorsos:
      nose && lowest !== undefined && torso !== undefined && torso > 0
        ? (nose.y - lowest) / torso
        : undefined,
    trunkLeanForwardDeg: trunkLeanForward(body, knees),
    frontHeelAboveToeShanks: heelAboveToe(body, front),
    backHeelAboveToeShanks: heelAboveToe(body, back),
    feetApartShanks3d: feet?.apart,
    feetForeAftShanks3d: feet?.foreAft,
    feetLineFromFacingDeg: feet?.lineFromFacingDeg,
    feetAcrossHipsShanks3d: feet?.across,
    backAnkleAboveFrontShanks3d: backAnkleAboveFront3d(body, back),
  };
}
