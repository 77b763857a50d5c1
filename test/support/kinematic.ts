import type { Keypoint, KeypointName, Pose, WorldPointM } from '../../src/pose/skeleton.ts';

/**
 * A small kinematic stick figure for what no footage shows yet (circles, walks, heel lift,
 * stances). Lengths in frame-height units of a 640×480 frame seen by a level camera; angles in
 * degrees. Side view: the person faces +x. Front view: the person faces the camera, so their left
 * is on the image's right (an unmirrored camera image).
 */
export const SEGMENTS = {
  shank: 0.2,
  thigh: 0.21,
  torso: 0.26,
  footFront: 0.08,
  footBack: 0.025,
  ankleHeight: 0.02,
  hipHalf: 0.05,
  shoulderHalf: 0.08,
};
const FRAME = { widthPx: 640, heightPx: 480 };
const ASPECT = FRAME.widthPx / FRAME.heightPx;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface LegPose {
  /** Shin forward of vertical (knee ahead of the ankle), degrees. */
  readonly shinDeg: number;
  /** Thigh angle from vertical, backwards = hips behind the knee (squatting), degrees. */
  readonly thighDeg: number;
  /** Heel lift (frame-height units): the foot pivots on the toes. */
  readonly heelLift?: number;
  /** Toe lift: the foot pivots on the heel. */
  readonly toeLift?: number;
  /** Ankle position along the floor (side: x; front: sideways offset from the midline). */
  readonly ankleX: number;
  /** Knee pushed sideways (front view), + = towards the midline. */
  readonly kneeIn?: number;
  /** Foot off the floor (frame-height units). */
  readonly footUp?: number;
}

export interface FigurePose {
  readonly view: 'side' | 'front';
  readonly left: LegPose;
  readonly right: LegPose;
  /** Torso forward of vertical, degrees. */
  readonly torsoDeg: number;
  /** Extra head movement up (+) or down (frame-height units). */
  readonly headUp?: number;
  /** Wrist fore-aft offsets from the shoulders (side view, for arm swing). */
  readonly leftWristX?: number;
  readonly rightWristX?: number;
  /** Where the hands are: down by the hips (default), out level with the shoulders, or overhead. */
  readonly arms?: 'down' | 'level' | 'overhead';
  /** Where the figure stands: x of the midline and y of the floor (frame-height units). */
  readonly x?: number;
  readonly floorY?: number;
  /**
   * Side view only: also give BlazePose-like 3-D world landmarks (metres, hip-centred, y down),
   * the figure's picture scaled to a 0.4 m shank, the left side towards the camera.
   */
  readonly world?: boolean;
}

/** Metres per frame-height unit of the figure: its shank is 0.4 m. */
const METRES_PER_UNIT = 0.4 / SEGMENTS.shank;
/** Half the hips' width in the figure's 3-D (m): the left side nearer the camera (smaller z). */
const WORLD_HIP_HALF_M = 0.1;

/** The side-on figure's 3-D landmarks: forward is +x, the legs either side of the hips in z. */
function sideWorld(
  points: Partial<Record<KeypointName, Pt>>,
  hipMid: Pt,
): Partial<Record<KeypointName, WorldPointM>> {
  const world: Partial<Record<KeypointName, WorldPointM>> = {};
  for (const [name, p] of Object.entries(points) as [KeypointName, Pt][]) {
    const side = name.startsWith('left_') ? -1 : name.startsWith('right_') ? 1 : 0;
    world[name] = {
      xM: (p.x - hipMid.x) * METRES_PER_UNIT,
      yM: (p.y - hipMid.y) * METRES_PER_UNIT,
      zM: side * WORLD_HIP_HALF_M,
    };
  }
  return world;
}

type Pt = { x: number; y: number };

function leg(
  p: LegPose,
  floorY: number,
  midX: number,
  side: 'left' | 'right',
  view: 'side' | 'front',
): Record<string, Pt> {
  const sign = side === 'left' ? 1 : -1; // front view: the person's left is +x in the image
  const ax = view === 'side' ? midX + p.ankleX : midX + sign * p.ankleX;
  const heel = {
    x: ax - (view === 'side' ? SEGMENTS.footBack : 0),
    y: floorY - (p.heelLift ?? 0) - (p.footUp ?? 0),
  };
  const toe = {
    x: ax + (view === 'side' ? SEGMENTS.footFront : 0),
    y: floorY - (p.toeLift ?? 0) - (p.footUp ?? 0),
  };
  const ankle = {
    x: ax,
    y:
      floorY -
      SEGMENTS.ankleHeight -
      (p.heelLift ?? 0) * 0.75 -
      (p.toeLift ?? 0) * 0.25 -
      (p.footUp ?? 0),
  };
  // Seen from the front, the shin and thigh tilt towards the camera: only their vertical parts show.
  const knee = {
    x:
      view === 'side'
        ? ankle.x + SEGMENTS.shank * Math.sin(rad(p.shinDeg))
        : ankle.x - sign * (p.kneeIn ?? 0),
    y: ankle.y - SEGMENTS.shank * Math.cos(rad(p.shinDeg)),
  };
  const hip = {
    x:
      view === 'side'
        ? knee.x - SEGMENTS.thigh * Math.sin(rad(p.thighDeg))
        : midX + sign * SEGMENTS.hipHalf,
    y: knee.y - SEGMENTS.thigh * Math.cos(rad(p.thighDeg)),
  };
  return { heel, toe, ankle, knee, hip };
}

function wristY(f: FigurePose, hipMid: Pt, shoulderMid: Pt): number {
  if (f.arms === 'overhead') return shoulderMid.y - 0.3;
  if (f.arms === 'level') return shoulderMid.y;
  return hipMid.y;
}

/** The figure as a pose of the common skeleton (scores 0.95). */
export function figure(f: FigurePose, timestampMs: number): Pose {
  const floorY = f.floorY ?? 0.92;
  const midX = f.x ?? 0.66;
  const L = leg(f.left, floorY, midX, 'left', f.view);
  const R = leg(f.right, floorY, midX, 'right', f.view);
  const hipMid = {
    x: ((L['hip']?.x ?? 0) + (R['hip']?.x ?? 0)) / 2,
    y: ((L['hip']?.y ?? 0) + (R['hip']?.y ?? 0)) / 2,
  };
  const lean = rad(f.torsoDeg);
  const shoulderMid = {
    x: hipMid.x + (f.view === 'side' ? SEGMENTS.torso * Math.sin(lean) : 0),
    y: hipMid.y - SEGMENTS.torso * Math.cos(lean),
  };
  const half = f.view === 'front' ? SEGMENTS.shoulderHalf : 0.005;
  const points: Partial<Record<KeypointName, Pt>> = {
    left_shoulder: { x: shoulderMid.x + half, y: shoulderMid.y },
    right_shoulder: { x: shoulderMid.x - half, y: shoulderMid.y },
    nose: {
      x: shoulderMid.x + (f.view === 'side' ? 0.04 : 0),
      y: shoulderMid.y - 0.08 - (f.headUp ?? 0),
    },
    // Side on the ears sit behind the nose (the figure faces +x); from the front, either side of it.
    left_ear: {
      x: shoulderMid.x + (f.view === 'side' ? -0.01 : 0.035),
      y: shoulderMid.y - 0.09 - (f.headUp ?? 0),
    },
    right_ear: {
      x: shoulderMid.x + (f.view === 'side' ? -0.012 : -0.035),
      y: shoulderMid.y - 0.09 - (f.headUp ?? 0),
    },
    left_wrist: {
      x: shoulderMid.x + half + (f.leftWristX ?? 0),
      y: wristY(f, hipMid, shoulderMid),
    },
    right_wrist: {
      x: shoulderMid.x - half + (f.rightWristX ?? 0),
      y: wristY(f, hipMid, shoulderMid),
    },
  };
  if (f.arms === 'level' && f.view === 'front') {
    points.left_wrist = { x: shoulderMid.x + 0.3, y: shoulderMid.y };
    points.right_wrist = { x: shoulderMid.x - 0.3, y: shoulderMid.y };
  }
  for (const [side, pts] of [
    ['left', L],
    ['right', R],
  ] as const) {
    for (const [joint, p] of Object.entries(pts)) points[`${side}_${joint}` as KeypointName] = p;
  }
  if (f.view === 'side') {
    // One hip and shoulder line: left and right nearly coincide side on.
    points.right_hip = { x: hipMid.x - 0.004, y: hipMid.y };
    points.left_hip = { x: hipMid.x + 0.004, y: hipMid.y };
  }
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, p] of Object.entries(points))
    keypoints[name as KeypointName] = { x: p.x / ASPECT, y: p.y, score: 0.95 };
  const pose: Pose = { timestampMs, frameSize: FRAME, score: 0.95, keypoints };
  return f.world === true && f.view === 'side'
    ? { ...pose, world: sideWorld(points, hipMid) }
    : pose;
}

export const STAND: LegPose = { shinDeg: 0, thighDeg: 0, ankleX: 0.06 };

/** A standing figure in the given view. */
export function standing(view: 'side' | 'front' = 'front'): FigurePose {
  return view === 'side'
    ? { view, left: { ...STAND, ankleX: 0.005 }, right: { ...STAND, ankleX: -0.005 }, torsoDeg: 0 }
    : { view, left: STAND, right: STAND, torsoDeg: 0 };
}

/** Samples `f(t)` at `fps` for `seconds`: a pose sequence (timestamps in ms). */
export function sequence(seconds: number, fps: number, f: (tSec: number) => FigurePose): Pose[] {
  const out: Pose[] = [];
  for (let i = 0; i < Math.round(seconds * fps); i++)
    out.push(figure(f(i / fps), (i * 1000) / fps));
  return out;
}

/** 0 → 1 → 0 over one rep with a smooth (cosine) profile; `t` in [0, 1]. */
export function bump(t: number): number {
  return t <= 0 || t >= 1 ? 0 : (1 - Math.cos(2 * Math.PI * t)) / 2;
}

/** A squat at depth d (0 standing, 1 thighs level). */
export function squatAt(
  view: 'side' | 'front',
  d: number,
  extra: Partial<LegPose> = {},
  torsoDeg = 35 * d,
): FigurePose {
  const base = standing(view);
  const legAt = (l: LegPose): LegPose => ({ ...l, shinDeg: 30 * d, thighDeg: 90 * d, ...extra });
  return { ...base, left: legAt(base.left), right: legAt(base.right), torsoDeg };
}

/**
 * Side-on calf raises at 30 frames/s after 1 s standing: rise in `riseSec`, hold `topSec`, lower in
 * `lowerSec`, pause `bottomSec`; each movement `shape`d (the share of its way gone at a share of its
 * time): evenly unless given. The heels rise `liftAt` (frame heights).
 */
export function calfRaises(
  reps: number,
  riseSec: number,
  topSec: number,
  lowerSec: number,
  bottomSec: number,
  liftAt = 0.05,
  shape = (x: number) => x,
): Pose[] {
  const rep = riseSec + topSec + lowerSec + bottomSec;
  return sequence(1 + reps * rep + 0.5, 30, (t) => {
    const s = t - 1;
    let lift = 0;
    if (s >= 0 && s < reps * rep) {
      const u = s % rep;
      if (u < riseSec) lift = shape(u / riseSec);
      else if (u < riseSec + topSec) lift = 1;
      else if (u < riseSec + topSec + lowerSec) lift = 1 - shape((u - riseSec - topSec) / lowerSec);
    }
    const base = standing('side');
    return {
      ...base,
      left: { ...base.left, heelLift: liftAt * lift },
      right: { ...base.right, heelLift: liftAt * lift },
    };
  });
}
