import type { KeypointName } from '../pose/skeleton.ts';
import { SIDES, type Body, type Joint } from './body.ts';

/** What must be seen: these joints on one side (or both), plus centre points such as the nose. */
export interface Requirement {
  readonly joints: readonly Joint[];
  readonly sides: 1 | 2;
  readonly extra?: readonly KeypointName[];
}

/**
 * The keypoints still missing (empty when the requirement is met), naming the better side's gaps.
 * A joint counts as seen when it is confident and inside the picture (`Body.point`).
 */
export function missingKeypoints(body: Body, req: Requirement): KeypointName[] {
  const perSide = SIDES.map((side) =>
    req.joints
      .map((j): KeypointName => `${side}_${j}` as KeypointName)
      .filter((k) => body.point(k) === undefined),
  );
  const extra = (req.extra ?? []).filter((k) => body.point(k) === undefined);
  const [left = [], right = []] = perSide;
  const sideMissing =
    req.sides === 2 ? [...left, ...right] : left.length <= right.length ? left : right;
  return [...sideMissing, ...extra];
}

/** Every keypoint a requirement can name (for the overlay and the setup screen). */
export function requiredKeypointNames(req: Requirement): KeypointName[] {
  return [
    ...SIDES.flatMap((s) => req.joints.map((j) => `${s}_${j}` as KeypointName)),
    ...(req.extra ?? []),
  ];
}

/**
 * Hips more than half a shank below the ankles in the picture are the model's guess at a body it
 * cannot see, legs and all: filmed from the knees down, BlazePose often reads the legs upside down
 * (ankles at the top, "hips" at the bottom, scores near 1): 95 % and 48 % of the frames of the two
 * legs-only clips in ../shared/data, and one frame of all the other clips and photos (a person
 * walking out of view). Such a body is no person (`front-end.ts`), whatever the exercise needs. No
 * exercise puts the hips below the feet: the downward dog raises them highest, kneeling on the
 * heels and the duck walk keep them above.
 */
export function hipsBelowTheFeet(body: Body): boolean {
  const hip = body.mid('hip');
  const knee = body.mid('knee');
  const ankle = body.mid('ankle');
  if (hip === undefined || knee === undefined || ankle === undefined) return false;
  const shank = Math.hypot(ankle.x - knee.x, ankle.y - knee.y);
  return hip.y - ankle.y > HIPS_BELOW_FEET_SHANKS * shank;
}

/**
 * Whether a frame's body is a person in view: the model found a body, and not one it guessed (hips
 * below the feet). The engine's set-up gate and the live frame-rate alert's "you are not found"
 * both count frames this way: a guessed body is followed by the model as fast as a person, but
 * nothing in it can be counted.
 */
export function personSeen(body: Body | undefined): body is Body {
  return body !== undefined && !hipsBelowTheFeet(body);
}

/** How far below the ankles (in shanks) the hips must be to be taken for a guess. */
const HIPS_BELOW_FEET_SHANKS = 0.5;
