import {
  KEYPOINT_NAMES,
  type FrameSize,
  type Keypoint,
  type KeypointName,
  type Pose,
} from './skeleton.ts';

/** A keypoint as @tensorflow-models/pose-detection returns it: pixels, optional score and name. */
export interface DetectorKeypoint {
  readonly x: number;
  readonly y: number;
  readonly score?: number | undefined;
  readonly name?: string | undefined;
}

/** BlazePose and MoveNet names that differ from the common skeleton's. */
const RENAMES: Readonly<Record<string, KeypointName>> = {
  left_foot_index: 'left_toe',
  right_foot_index: 'right_toe',
};

const KNOWN: ReadonlySet<string> = new Set<string>(KEYPOINT_NAMES);

/**
 * Converts a detector pose (pixel coordinates, model-specific names) into the common skeleton
 * (normalized coordinates, person's own left/right). Keypoints the skeleton does not use (fingers,
 * eye corners, mouth) are dropped.
 */
export function poseFromDetector(
  keypoints: readonly DetectorKeypoint[],
  poseScore: number | undefined,
  frameSize: FrameSize,
  timestampMs: number,
): Pose {
  const out: Partial<Record<KeypointName, Keypoint>> = {};
  let scoreSum = 0;
  let count = 0;
  for (const k of keypoints) {
    if (k.name === undefined) continue;
    const name = RENAMES[k.name] ?? (KNOWN.has(k.name) ? (k.name as KeypointName) : undefined);
    if (name === undefined) continue;
    const score = k.score ?? 0;
    out[name] = { x: k.x / frameSize.widthPx, y: k.y / frameSize.heightPx, score };
    scoreSum += score;
    count += 1;
  }
  const score = poseScore ?? (count > 0 ? scoreSum / count : 0);
  return { timestampMs, frameSize, score, keypoints: out };
}
