import { angleAtDeg, angleFromVerticalDeg, pointDistance } from '../geometry/point.ts';
import type { Side } from '../pose/skeleton.ts';
import type { Body, BodyPoint } from './body.ts';
import { SIDES } from './body.ts';
import { footOffTheFloor } from './foot-off-floor.ts';
import { stanceFeatures, type StanceFeatures } from './stance-features.ts';
import { meanDefined } from '../geometry/stats.ts';
import { facingOfFrame, turnFromCameraDeg, type Facing } from './view.ts';
import { frameTiltDeg } from './camera-tilt.ts';

/**
 * Per-frame measurements the analyzers use. Lengths are in frame-height units and are only ever
 * compared as ratios (scale-free: distance from the camera does not matter). Undefined = not seen.
 */
export interface FrameFeatures extends StanceFeatures {
  readonly timestampMs: number;
  /** Mean 2-D knee-to-ankle length: the body's ruler (it changes least while squatting). */
  readonly shankLength: number | undefined;
  /**
   * The longer of the two shanks in the picture: the one less foreshortened. From the front a split
   * stance's back shin points away from the camera and reads as little as half its length, and it
   * is found in some frames only; the mean of the two shanks then jumps with it.
   */
  readonly longerShankLength: number | undefined;
  /** Mean vertical hip-above-knee gap over shank length: ~1 standing, 0 with thighs level. */
  readonly hipKneeGapShanks: number | undefined;
  /** Per side: ankle and heel height above the toe (mean), over that side's shank length. */
  readonly heelRiseShanksBySide: Readonly<Record<Side, number | undefined>>;
  /** Per side: toe height above the heel, over that side's shank length. */
  readonly toeRiseShanksBySide: Readonly<Record<Side, number | undefined>>;
  /**
   * The foot read off the floor in this frame (foot-off-floor.ts), if one is: 3-D only, and only
   * with the person seen upright (as for {@link bodyAboveToeShanks}).
   */
  readonly footOffFloor: Side | undefined;
  /**
   * Per side: how far the knee sits inside the hip-to-ankle line (towards the body's midline), in
   * shank lengths: the 2-D frontal-plane projection of valgus. Positive = caving in.
   */
  readonly kneeInsideShanksBySide: Readonly<Record<Side, number | undefined>>;
  /** Per side: knee inside the toe (towards the midline), shank lengths: knees should track the toes. */
  readonly kneeInsideToeShanksBySide: Readonly<Record<Side, number | undefined>>;
  /** Per side: vertical hip-above-knee gap over shank length. */
  readonly hipKneeGapShanksBySide: Readonly<Record<Side, number | undefined>>;
  /**
   * Per side: sine of the thigh's elevation above horizontal from the 3-D world landmarks (1 =
   * thigh vertical, hip over knee; 0 = thigh level; negative = hip below knee). Scale-free and
   * the same from any view; undefined without world landmarks (MoveNet).
   */
  readonly thighRiseBySide: Readonly<Record<Side, number | undefined>>;
  readonly kneeAngleDeg: Readonly<Record<Side, number | undefined>>;
  /** Shoulders-to-hips line against vertical. */
  readonly torsoLeanDeg: number | undefined;
  /** Mean ankle-to-knee line against vertical. */
  readonly shinLeanDeg: number | undefined;
  /** Mean (toe.y - ankle.y) over shank length: rises when the heel leaves the floor. */
  readonly ankleAboveToeShanks: number | undefined;
  /** Mean (toe.y - heel.y) over shank length: positive when the heel is above the toe. */
  readonly heelAboveToeShanks: number | undefined;
  /** Knee and ankle separation (horizontal), for valgus from the front. */
  readonly kneeSeparationShanks: number | undefined;
  readonly ankleSeparationShanks: number | undefined;
  /** Shoulder width over torso length: ~0.7+ facing the camera, <0.35 side on. */
  readonly shoulderWidthOverTorso: number | undefined;
  /** How far the body is turned from facing the camera, deg (0 facing, 90 side-on), 3-D only. */
  readonly turnFromCameraDeg: number | undefined;
  /** Seen front-on: towards the camera or with the back to it (view.ts, `facingOfFrame`). */
  readonly facing: Facing | undefined;
  /** This frame's reading of the camera's tilt, deg, when the body's lines agree (camera-tilt.ts). */
  readonly tiltDeg: number | undefined;
  /** Nose height above the shoulder midpoint over torso length (head bob). */
  readonly headAboveShouldersTorsos: number | undefined;
  /** Knee forward of toe (side view), in shank lengths, larger of the sides seen. */
  readonly kneePastToeShanks: number | undefined;
  readonly torsoLength: number | undefined;
  /** Mean hip height above the ankles over shank length. */
  readonly hipAboveAnkleShanks: number | undefined;
  /**
   * The hips' height above the lowest ankle seen, over shank length: above the floor nearest the
   * camera (the front foot from the front, either foot side on), whichever leg the model calls
   * left. ~2 standing, ~1 with a lunge's front thigh level.
   */
  readonly hipAboveFloorShanks: number | undefined;
  /**
   * The hips and shoulders (the mean of their midpoints) above the lowest toe seen, over the body's
   * length in the picture (shoulders to hips plus a leg's hip-knee-ankle path), in shank lengths by
   * standard proportions ({@link BODY_LENGTH_SHANKS}). Rises with the heels in a calf raise: the
   * body goes up as the foot pivots on its ball. Undefined unless shoulders, hips, a whole leg and
   * a toe are seen, upright (shoulders over hips over knees over ankles in the picture, the trunk
   * at least {@link MIN_UPRIGHT_TRUNK_OVER_LEG} of the leg).
   */
  readonly bodyAboveToeShanks: number | undefined;
  /** Nose height in the image, frame-height units (head bob is measured against torso length). */
  readonly noseY: number | undefined;
  readonly minKneeAngleDeg: number | undefined;
  readonly maxKneeAngleDeg: number | undefined;
  /** Hip midpoint above the shoulder midpoint, over torso length (downward dog: positive). */
  readonly hipAboveShouldersTorsos: number | undefined;
  /** Knee separation over ankle separation: below ~0.8 the knees cave in (from the front). */
  readonly kneeOverAnkleSeparation: number | undefined;
}

/** The names of the numeric features, for envelopes and the catalogue. */
export type FeatureName = {
  [K in keyof FrameFeatures]: FrameFeatures[K] extends number | undefined ? K : never;
}[keyof FrameFeatures];

/** Features measured on the heels and toes: only BlazePose sees them. */
export const FOOT_FEATURES: ReadonlySet<FeatureName> = new Set<FeatureName>([
  'ankleAboveToeShanks',
  'heelAboveToeShanks',
  'kneePastToeShanks',
  'frontHeelAboveToeShanks',
  'backHeelAboveToeShanks',
]);

/**
 * Segment lengths over stature (Winter, Biomechanics and Motor Control of Human Movement: shoulder
 * 0.818, hip 0.530, knee 0.285, ankle 0.039 of stature): the trunk (shoulders to hips), the leg
 * (hip to knee to ankle) and the shank.
 */
const TRUNK_OF_STATURE = 0.288;
const LEG_OF_STATURE = 0.245 + 0.246;
const SHANK_OF_STATURE = 0.246;

/**
 * The trunk plus a leg, in shank lengths (3.17). A calf raise does not change it, a zoom scales it
 * with the rise, and as a sum of three lengths it jitters less than the shank alone.
 */
export const BODY_LENGTH_SHANKS = (TRUNK_OF_STATURE + LEG_OF_STATURE) / SHANK_OF_STATURE;

/**
 * The shortest trunk, against the leg in the picture, of a person standing upright: three quarters
 * of the standard proportion (0.59). People standing in the labelled calf-raise clips read
 * 0.55-0.87; footage of the lower legs only, where the model invents a squashed trunk above them,
 * reads 0.45 in half its frames.
 */
const MIN_UPRIGHT_TRUNK_OVER_LEG = (0.75 * TRUNK_OF_STATURE) / LEG_OF_STATURE;

const per = (v: number | undefined, ruler: number | undefined): number | undefined =>
  v === undefined || ruler === undefined || !(ruler > 1e-6) ? undefined : v / ruler;

function bySide<T>(f: (side: Side) => T): Record<Side, T> {
  return { left: f('left'), right: f('right') };
}

export function frameFeatures(body: Body): FrameFeatures {
  const shank = meanDefined(
    SIDES.map((s) => {
      const k = body.joint(s, 'knee');
      const a = body.joint(s, 'ankle');
      return k && a ? pointDistance(k, a) : undefined;
    }),
  );
  const sideShank = bySide((s) => {
    const k = body.joint(s, 'knee');
    const a = body.joint(s, 'ankle');
    return k && a ? pointDistance(k, a) : undefined;
  });
  const shanksSeen = SIDES.flatMap((s) => sideShank[s] ?? []);
  const longerShank = shanksSeen.length === 0 ? undefined : Math.max(...shanksSeen);
  const heelRiseShanksBySide = bySide((s) => {
    const t = body.joint(s, 'toe');
    const a = body.joint(s, 'ankle');
    const h = body.joint(s, 'heel');
    return t && a && h ? per((t.y - a.y + (t.y - h.y)) / 2, sideShank[s]) : undefined;
  });
  const toeRiseShanksBySide = bySide((s) => {
    const t = body.joint(s, 'toe');
    const h = body.joint(s, 'heel');
    return t && h ? per(h.y - t.y, sideShank[s]) : undefined;
  });
  const hipMid = body.mid('hip');
  const kneeInsideShanksBySide = bySide((s) => {
    const h = body.joint(s, 'hip');
    const k = body.joint(s, 'knee');
    const a = body.joint(s, 'ankle');
    if (!h || !k || !a || !hipMid || !(a.y - h.y > 1e-6)) return undefined;
    // x of the hip-ankle line at the knee's height, then the knee's offset towards the midline.
    const lineX = h.x + ((a.x - h.x) * (k.y - h.y)) / (a.y - h.y);
    const inward = Math.sign(hipMid.x - lineX) || 0;
    return per((k.x - lineX) * inward, sideShank[s]);
  });
  const kneeInsideToeShanksBySide = bySide((s) => {
    const k = body.joint(s, 'knee');
    const t = body.joint(s, 'toe');
    if (!k || !t || !hipMid) return undefined;
    const inward = Math.sign(hipMid.x - t.x) || 0;
    return per((k.x - t.x) * inward, sideShank[s]);
  });
  const gapBySide = bySide((s) => {
    const h = body.joint(s, 'hip');
    const k = body.joint(s, 'knee');
    return h && k ? per(k.y - h.y, shank) : undefined;
  });
  const thighRiseBySide = bySide((s) => {
    const h = body.world(`${s}_hip`);
    const k = body.world(`${s}_knee`);
    if (!h || !k) return undefined;
    const length = Math.hypot(k.xM - h.xM, k.yM - h.yM, k.zM - h.zM);
    return length > 1e-3 ? (k.yM - h.yM) / length : undefined;
  });
  const kneeAngleDeg = bySide((s) => {
    const h = body.joint(s, 'hip');
    const k = body.joint(s, 'knee');
    const a = body.joint(s, 'ankle');
    return h && k && a ? angleAtDeg(h, k, a) : undefined;
  });
  const shoulders = body.mid('shoulder');
  const hips = body.mid('hip');
  const torso = shoulders && hips ? pointDistance(shoulders, hips) : undefined;
  const ls = body.joint('left', 'shoulder');
  const rs = body.joint('right', 'shoulder');
  const lk = body.joint('left', 'knee');
  const rk = body.joint('right', 'knee');
  const la = body.joint('left', 'ankle');
  const ra = body.joint('right', 'ankle');
  const nose = body.point('nose');
  const ankleYs = [la?.y, ra?.y].filter((y): y is number => y !== undefined);
  const footMeasure = (top: 'ankle' | 'heel') =>
    meanDefined(
      SIDES.map((s) => {
        const t = body.joint(s, 'toe');
        const p = body.joint(s, top);
        return t && p ? t.y - p.y : undefined;
      }),
    );
  const kneePastToe = SIDES.map((s) => {
    const k = body.joint(s, 'knee');
    const t = body.joint(s, 'toe');
    const h = body.joint(s, 'heel');
    if (!k || !t || !h) return undefined;
    const forward = Math.sign(t.x - h.x) || 1; // the way the foot points in the image
    return per((k.x - t.x) * forward, shank);
  }).filter((v): v is number => v !== undefined);
  const kneeAngles = [kneeAngleDeg.left, kneeAngleDeg.right].filter(
    (v): v is number => v !== undefined && Number.isFinite(v),
  );
  const kneeSep = lk && rk ? Math.abs(lk.x - rk.x) : undefined;
  const upright = uprightLength(body, shoulders, hips, torso);
  const ankleSep = la && ra ? Math.abs(la.x - ra.x) : undefined;
  // Each field named, not spread in: V8 builds an object literal that spreads another into ~50
  // fields as a dictionary, slow to make, to read and to collect (the features took 140 µs a
  // frame, 29 µs named; `npm run eval` and the unit specs replay every clip through them).
  const stance = stanceFeatures(body, torso);
  return {
    frontKneeAngleDeg: stance.frontKneeAngleDeg,
    backKneeAngleDeg: stance.backKneeAngleDeg,
    wristsAboveNoseTorsos: stance.wristsAboveNoseTorsos,
    trunkLeanForwardDeg: stance.trunkLeanForwardDeg,
    frontHeelAboveToeShanks: stance.frontHeelAboveToeShanks,
    backHeelAboveToeShanks: stance.backHeelAboveToeShanks,
    feetApartShanks3d: stance.feetApartShanks3d,
    feetForeAftShanks3d: stance.feetForeAftShanks3d,
    feetLineFromFacingDeg: stance.feetLineFromFacingDeg,
    feetAcrossHipsShanks3d: stance.feetAcrossHipsShanks3d,
    backAnkleAboveFrontShanks3d: stance.backAnkleAboveFrontShanks3d,
    noseY: nose?.y,
    minKneeAngleDeg: kneeAngles.length === 0 ? undefined : Math.min(...kneeAngles),
    maxKneeAngleDeg: kneeAngles.length === 0 ? undefined : Math.max(...kneeAngles),
    hipAboveShouldersTorsos: shoulders && hips ? per(shoulders.y - hips.y, torso) : undefined,
    kneeOverAnkleSeparation: per(kneeSep, ankleSep),
    timestampMs: body.timestampMs,
    shankLength: shank,
    hipKneeGapShanks: meanDefined([gapBySide.left, gapBySide.right]),
    hipKneeGapShanksBySide: gapBySide,
    thighRiseBySide,
    kneeInsideShanksBySide,
    kneeInsideToeShanksBySide,
    heelRiseShanksBySide,
    toeRiseShanksBySide,
    // The 3-D feet are inferred from the whole body: with no upright body in the picture (legs
    // only, read upside down) they are guesses, one foot read up to 86 cm above the other.
    footOffFloor: upright === undefined ? undefined : footOffTheFloor(body),
    kneeAngleDeg,
    torsoLeanDeg: shoulders && hips ? angleFromVerticalDeg(hips, shoulders) : undefined,
    shinLeanDeg: meanDefined(
      SIDES.map((s) => {
        const k = body.joint(s, 'knee');
        const a = body.joint(s, 'ankle');
        return k && a ? angleFromVerticalDeg(a, k) : undefined;
      }),
    ),
    ankleAboveToeShanks: per(footMeasure('ankle'), shank),
    heelAboveToeShanks: per(footMeasure('heel'), shank),
    kneeSeparationShanks: per(kneeSep, shank),
    ankleSeparationShanks: per(ankleSep, shank),
    shoulderWidthOverTorso: ls && rs ? per(Math.abs(ls.x - rs.x), torso) : undefined,
    turnFromCameraDeg: turnFromCameraDeg(body),
    facing: facingOfFrame(body),
    tiltDeg: frameTiltDeg(body),
    headAboveShouldersTorsos: nose && shoulders ? per(shoulders.y - nose.y, torso) : undefined,
    kneePastToeShanks: kneePastToe.length === 0 ? undefined : Math.max(...kneePastToe),
    torsoLength: torso,
    longerShankLength: longerShank,
    hipAboveFloorShanks:
      hips === undefined || ankleYs.length === 0
        ? undefined
        : per(Math.max(...ankleYs) - hips.y, longerShank),
    bodyAboveToeShanks: bodyAboveToe(body, shoulders, hips, upright),
    hipAboveAnkleShanks: per(
      meanDefined(
        SIDES.map((s) => {
          const h = body.joint(s, 'hip');
          const a = body.joint(s, 'ankle');
          return h && a ? a.y - h.y : undefined;
        }),
      ),
      shank,
    ),
  };
}

/** The deeper side's hip-above-knee gap (shank lengths): the depth a rep reached. */
export function minHipKneeGap(f: FrameFeatures): number | undefined {
  const gaps = [f.hipKneeGapShanksBySide.left, f.hipKneeGapShanksBySide.right].filter(
    (v): v is number => v !== undefined,
  );
  return gaps.length === 0 ? undefined : Math.min(...gaps);
}

/**
 * The trunk plus a leg's hip-knee-ankle path in the picture when the person is seen upright:
 * shoulders over hips, hip over knee over ankle (a model reading legs-only footage upside down puts
 * "hips" under the feet), and a trunk of an upright person's length (it invents a squashed one
 * above legs-only footage). Undefined otherwise.
 */
function uprightLength(
  body: Body,
  shoulders: BodyPoint | undefined,
  hips: BodyPoint | undefined,
  torso: number | undefined,
): number | undefined {
  const leg = meanDefined(
    SIDES.map((s) => {
      const h = body.joint(s, 'hip');
      const k = body.joint(s, 'knee');
      const a = body.joint(s, 'ankle');
      return h && k && a && h.y < k.y && k.y < a.y
        ? pointDistance(h, k) + pointDistance(k, a)
        : undefined;
    }),
  );
  if (!shoulders || !hips || !(shoulders.y < hips.y) || torso === undefined || leg === undefined)
    return undefined;
  return torso < MIN_UPRIGHT_TRUNK_OVER_LEG * leg ? undefined : torso + leg;
}

function bodyAboveToe(
  body: Body,
  shoulders: BodyPoint | undefined,
  hips: BodyPoint | undefined,
  length: number | undefined,
): number | undefined {
  const toeYs = SIDES.map((s) => body.joint(s, 'toe')?.y).filter(
    (y): y is number => y !== undefined,
  );
  if (!shoulders || !hips || length === undefined || toeYs.length === 0) return undefined;
  const height = Math.max(...toeYs) - (shoulders.y + hips.y) / 2;
  const inBodyLengths = per(height, length);
  return inBodyLengths === undefined ? undefined : inBodyLengths * BODY_LENGTH_SHANKS;
}
