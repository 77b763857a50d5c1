import { Body, SIDES } from '../engine/body.ts';
import type { CheckId } from '../engine/checks/check-id.ts';
import { facingSign } from '../engine/stance-features.ts';
import type { Keypoint, KeypointName, Pose } from '../pose/skeleton.ts';

/**
 * Stick figures of the correct position, drawn beside the still of the person's worst moment in a
 * form check (never a photo): a squat at parallel side on (knees forward, heels down, trunk with
 * the shins), a lunge side on with the front knee at 90°, a squat from the front with the knees
 * over the feet, and standing still.
 */
type Pt = readonly [number, number];

function pose(points: Partial<Record<KeypointName, Pt>>): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, [x, y]] of Object.entries(points) as [KeypointName, Pt][])
    keypoints[name] = { x, y, score: 1 };
  return { timestampMs: 0, frameSize: { widthPx: 300, heightPx: 400 }, score: 1, keypoints };
}

const both = (side: Record<string, Pt>, other: Record<string, Pt>) => {
  const out: Partial<Record<KeypointName, Pt>> = {};
  for (const [j, p] of Object.entries(side)) out[`left_${j}` as KeypointName] = p;
  for (const [j, p] of Object.entries(other)) out[`right_${j}` as KeypointName] = p;
  return out;
};

/** Side on at the bottom of a parallel squat (facing right). */
const SQUAT_SIDE = (() => {
  const leg = {
    toe: [0.62, 0.9],
    heel: [0.45, 0.9],
    ankle: [0.48, 0.86],
    knee: [0.62, 0.66],
    hip: [0.36, 0.66],
    shoulder: [0.5, 0.36],
    elbow: [0.64, 0.44],
    wrist: [0.78, 0.42],
  } as const;
  return pose({ ...both(leg, leg), nose: [0.57, 0.28] });
})();

/**
 * Side on at the bottom of a lunge (facing right): the front shin upright over its ankle and the
 * thigh level (the knee at 90°), the back knee just off the floor under the hip, the back foot on
 * its ball, the trunk upright.
 */
const LUNGE_SIDE = (() => {
  const trunk = {
    hip: [0.42, 0.66],
    shoulder: [0.44, 0.36],
    elbow: [0.5, 0.5],
    wrist: [0.46, 0.62],
  } as const;
  const front = {
    toe: [0.74, 0.92],
    heel: [0.6, 0.92],
    ankle: [0.62, 0.88],
    knee: [0.62, 0.66],
  } as const;
  const back = {
    toe: [0.24, 0.92],
    heel: [0.15, 0.8],
    ankle: [0.17, 0.83],
    knee: [0.37, 0.88],
  } as const;
  return pose({ ...both({ ...trunk, ...front }, { ...trunk, ...back }), nose: [0.5, 0.28] });
})();

/** From the front at the bottom: knees over the feet, feet a little turned out. */
const SQUAT_FRONT = pose({
  ...both(
    {
      toe: [0.7, 0.92],
      heel: [0.66, 0.88],
      ankle: [0.66, 0.86],
      knee: [0.74, 0.66],
      hip: [0.58, 0.62],
      shoulder: [0.64, 0.34],
      elbow: [0.62, 0.46],
      wrist: [0.54, 0.46],
    },
    {
      toe: [0.3, 0.92],
      heel: [0.34, 0.88],
      ankle: [0.34, 0.86],
      knee: [0.26, 0.66],
      hip: [0.42, 0.62],
      shoulder: [0.36, 0.34],
      elbow: [0.38, 0.46],
      wrist: [0.46, 0.46],
    },
  ),
  nose: [0.5, 0.24],
});

/** Standing tall, facing the camera. */
const STANDING_FRONT = pose({
  ...both(
    {
      toe: [0.58, 0.95],
      heel: [0.56, 0.92],
      ankle: [0.56, 0.9],
      knee: [0.57, 0.7],
      hip: [0.57, 0.5],
      shoulder: [0.62, 0.26],
      elbow: [0.65, 0.38],
      wrist: [0.66, 0.49],
    },
    {
      toe: [0.42, 0.95],
      heel: [0.44, 0.92],
      ankle: [0.44, 0.9],
      knee: [0.43, 0.7],
      hip: [0.43, 0.5],
      shoulder: [0.38, 0.26],
      elbow: [0.35, 0.38],
      wrist: [0.34, 0.49],
    },
  ),
  nose: [0.5, 0.14],
});

/**
 * Which way a figure faces across the picture: +1 towards its right edge, -1 its left (not
 * `view.ts`'s Facing, towards the camera or away).
 */
export type PictureFacing = 1 | -1;

/**
 * The reference figure for a check, when there is one. A side-on figure is drawn facing the
 * picture's right unless `facing` says the person faced left: beside a still of someone facing
 * left, a figure facing right read as another movement.
 */
export function referencePose(
  check: CheckId | 'hold',
  facing: PictureFacing = 1,
): Pose | undefined {
  const figure = figureFor(check);
  return figure !== undefined && facing === -1 && SIDE_ON.has(figure) ? turned(figure) : figure;
}

/**
 * The way a pose faces across its picture, side on, as drawn (`mirrored`: left and right swapped,
 * as a mirrored preview shows it): by the nose ahead of the ears, else by the toes ahead of the
 * heels; undefined facing the camera or when neither is seen.
 */
export function facingInPicture(pose: Pose, mirrored = false): PictureFacing | undefined {
  const body = new Body(pose);
  let ahead: number = facingSign(body) ?? 0;
  if (ahead === 0)
    for (const side of SIDES) {
      const toe = body.joint(side, 'toe');
      const heel = body.joint(side, 'heel');
      if (toe && heel) ahead += toe.x - heel.x;
    }
  if (mirrored) ahead = -ahead;
  return ahead > 0 ? 1 : ahead < 0 ? -1 : undefined;
}

const SIDE_ON: ReadonlySet<Pose> = new Set([SQUAT_SIDE, LUNGE_SIDE]);

/** The figure turned about, to face the picture's other edge. */
function turned(figure: Pose): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, k] of Object.entries(figure.keypoints) as [KeypointName, Keypoint][])
    keypoints[name] = { ...k, x: 1 - k.x };
  return { ...figure, keypoints };
}

function figureFor(check: CheckId | 'hold'): Pose | undefined {
  switch (check) {
    case 'depth':
    case 'forward-lean':
    case 'heel-lift':
    case 'knees-over-toes':
      return SQUAT_SIDE;
    case 'lunge-depth':
      return LUNGE_SIDE;
    case 'knee-valgus':
      return SQUAT_FRONT;
    case 'head-bob':
      return STANDING_FRONT;
    default:
      return undefined;
  }
}
