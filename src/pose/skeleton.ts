import type { Point2 } from '../geometry/point.ts';

/**
 * The one skeleton every analyzer sees, whatever model produced it.
 *
 * Names are the person's own left and right (the camera image is analysed unmirrored; only the
 * preview is mirrored). Heel and toe exist only for BlazePose: MoveNet stops at the ankle.
 *
 * Do not reorder: pose tracks written to disk keep keypoints by name, but the overlay's bone list
 * and tests index this order.
 */
export const KEYPOINT_NAMES = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_toe',
  'right_toe',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];
export type Side = 'left' | 'right';

/** A point in normalized image coordinates: x and y in [0, 1] of the frame, y pointing down. */
export type NormalizedPoint = Point2;

export interface Keypoint extends NormalizedPoint {
  /** Model confidence in [0, 1]. */
  readonly score: number;
}

export interface FrameSize {
  readonly widthPx: number;
  readonly heightPx: number;
}

/**
 * A 3-D world landmark (BlazePose's `keypoints3D`): metres, origin between the hips, x to the
 * person's image right, y down, z away from the camera. The model infers depth from one image, so
 * z is the weakest axis; its score is the image keypoint's.
 */
export interface WorldPointM {
  readonly xM: number;
  readonly yM: number;
  readonly zM: number;
}

export interface Pose {
  readonly timestampMs: number;
  readonly frameSize: FrameSize;
  /** Confidence that this is a person, in [0, 1]. */
  readonly score: number;
  readonly keypoints: Readonly<Partial<Record<KeypointName, Keypoint>>>;
  /** 3-D world landmarks in metres; only BlazePose gives them (MoveNet has none). */
  readonly world?: Readonly<Partial<Record<KeypointName, WorldPointM>>>;
}

/** Bones drawn by the overlay and used for segment lengths. */
export const BONES: readonly (readonly [KeypointName, KeypointName])[] = [
  ['left_shoulder', 'right_shoulder'],
  ['left_hip', 'right_hip'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_toe'],
  ['left_ankle', 'left_toe'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_toe'],
  ['right_ankle', 'right_toe'],
];

/** Below this score a keypoint is treated as not seen (BlazePose visibility is poorly calibrated below ~0.5). */
export const MIN_KEYPOINT_SCORE = 0.5;

/** The keypoint if it was seen with enough confidence, else undefined. */
export function keypoint(
  pose: Pose,
  name: KeypointName,
  minScore: number = MIN_KEYPOINT_SCORE,
): Keypoint | undefined {
  const k = pose.keypoints[name];
  if (k === undefined || !(k.score >= minScore) || !Number.isFinite(k.x) || !Number.isFinite(k.y)) {
    return undefined;
  }
  return k;
}

/** The world landmark if its image keypoint was seen with enough confidence, else undefined. */
export function worldPoint(
  pose: Pose,
  name: KeypointName,
  minScore: number = MIN_KEYPOINT_SCORE,
): WorldPointM | undefined {
  const w = pose.world?.[name];
  if (w === undefined || keypoint(pose, name, minScore) === undefined) return undefined;
  if (!Number.isFinite(w.xM) || !Number.isFinite(w.yM) || !Number.isFinite(w.zM)) return undefined;
  return w;
}

export function sideName(
  side: Side,
  joint: 'shoulder' | 'hip' | 'knee' | 'ankle' | 'heel' | 'toe' | 'wrist' | 'elbow' | 'ear' | 'eye',
): KeypointName {
  return `${side}_${joint}`;
}
