import type { KeypointName } from '../pose/skeleton.ts';
import { SIDES, type Body, type Joint } from './body.ts';

/** What must be seen: these joints on one side (or both), plus centre points such as the nose. */
export interface Requirement {
  readonly joints: readonly Joint[];
  readonly sides: 1 | 2;
  readonly extra?: readonly KeypointName[];
}

/** The keypoints still missing (empty when the requirement is met), naming the better side's gaps. */
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
