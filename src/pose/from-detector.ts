import {
  KEYPOINT_NAMES,
  type FrameSize,
  type Keypoint,
  type KeypointName,
  type Pose,
  type WorldPointM,
} from './skeleton.ts';

/** A keypoint as @tensorflow-models/pose-detection returns it: pixels, optional score and name. */
export interface DetectorKeypoint {
  readonly x: number;
  readonly y: number;
  readonly score?: number | undefined;
  readonly name?: string | undefined;
}

/** A `keypoints3D` entry: metres, hip-centred (BlazePose only). */
export interface DetectorKeypoint3D {
  readonly x: number;
  readonly y: number;
  readonly z?: number | undefined;
  readonly name?: string | undefined;
}

/** BlazePose and MoveNet names that differ from the common skeleton's. */
const RENAMES: Readonly<Record<string, KeypointName>> = {
  left_foot_index: 'left_toe',
  right_foot_index: 'right_toe',
};

const KNOWN: ReadonlySet<string> = new Set<string>(KEYPOINT_NAMES);

function skeletonName(name: string | undefined): KeypointName | undefined {
  if (name === undefined) return undefined;
  return RENAMES[name] ?? (KNOWN.has(name) ? (name as KeypointName) : undefined);
}

/**
 * Converts a detector pose (pixel coordinates, model-specific names) into the common skeleton
 * (normalized coordinates, person's own left/right). Keypoints the skeleton does not use (fingers,
 * eye corners, mouth) are dropped. `keypoints3D` (BlazePose's world landmarks, metres) are kept
 * by the same names when given.
 */
export function poseFromDetector(
  keypoints: readonly DetectorKeypoint[],
  poseScore: number | undefined,
  frameSize: FrameSize,
  timestampMs: number,
  keypoints3D?: readonly DetectorKeypoint3D[],
): Pose {
  const out: Partial<Record<KeypointName, Keypoint>> = {};
  let scoreSum = 0;
  let count = 0;
  for (const k of keypoints) {
    const name = skeletonName(k.name);
    if (name === undefined) continue;
    const score = k.score ?? 0;
    out[name] = { x: k.x / frameSize.widthPx, y: k.y / frameSize.heightPx, score };
    scoreSum += score;
    count += 1;
  }
  const score = poseScore ?? (count > 0 ? scoreSum / count : 0);
  const pose: Pose = { timestampMs, frameSize, score, keypoints: out };
  if (keypoints3D === undefined || keypoints3D.length === 0) return pose;
  const world: Partial<Record<KeypointName, WorldPointM>> = {};
  for (const k of keypoints3D) {
    const name = skeletonName(k.name);
    if (name !== undefined) world[name] = { xM: k.x, yM: k.y, zM: k.z ?? 0 };
  }
  return { ...pose, world };
}
