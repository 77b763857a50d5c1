import { BONES, KEYPOINT_NAMES, keypoint, type KeypointName, type Pose } from '../pose/skeleton.ts';

export interface SkeletonStyle {
  readonly bone: string;
  readonly joint: string;
  readonly fault: string;
  readonly lineWidthPx: number;
}

export const SKELETON_STYLE: SkeletonStyle = {
  bone: '#7fdbff',
  joint: '#ffffff',
  fault: '#ff4136',
  lineWidthPx: 4,
};

/**
 * The picture's size in the overlay's drawing units: the video's own pixels, whatever the canvas's
 * resolution (the renderer scales the drawing to the canvas), so line widths and letters keep
 * their proportion to the picture.
 */
export interface PictureSize {
  readonly width: number;
  readonly height: number;
}

/** Canvas position of a normalized point; mirrored for a mirrored preview. */
export function toCanvas(
  x: number,
  y: number,
  width: number,
  height: number,
  mirrored: boolean,
): [number, number] {
  return [(mirrored ? 1 - x : x) * width, y * height];
}

/** Draws bones and joints of the confident keypoints; joints with a fault are red and larger. */
export function drawSkeleton(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  mirrored: boolean,
  faultJoints: readonly KeypointName[],
  size: PictureSize = ctx.canvas,
  style: SkeletonStyle = SKELETON_STYLE,
): void {
  const { width, height } = size;
  const at = (name: KeypointName) => {
    const k = keypoint(pose, name);
    return k === undefined ? undefined : toCanvas(k.x, k.y, width, height, mirrored);
  };
  ctx.lineWidth = style.lineWidthPx;
  ctx.strokeStyle = style.bone;
  for (const [a, b] of BONES) {
    const pa = at(a);
    const pb = at(b);
    if (pa === undefined || pb === undefined) continue;
    ctx.beginPath();
    ctx.moveTo(pa[0], pa[1]);
    ctx.lineTo(pb[0], pb[1]);
    ctx.stroke();
  }
  for (const name of KEYPOINT_NAMES) {
    const p = at(name);
    if (p === undefined) continue;
    const bad = faultJoints.includes(name);
    ctx.fillStyle = bad ? style.fault : style.joint;
    ctx.beginPath();
    ctx.arc(p[0], p[1], bad ? 9 : 5, 0, 2 * Math.PI);
    ctx.fill();
  }
  // The person's own left and right, labelled at the knees (correct whatever the mirroring),
  // each on its outer side and a little above (the knee angle goes a little below).
  ctx.font = 'bold 18px system-ui, sans-serif';
  ctx.fillStyle = style.joint;
  ctx.textBaseline = 'middle';
  for (const [name, label] of [
    ['left_knee', 'L'],
    ['right_knee', 'R'],
  ] as const) {
    const p = at(name);
    if (p === undefined) continue;
    const side = outwardOf(pose, name, mirrored);
    ctx.textAlign = 'left';
    ctx.fillText(label, besideJoint(p[0], side, ctx.measureText(label).width, width), p[1] - 12);
  }
}

/** A joint's text's gap from the joint, and the least margin to the picture's edge (px). */
const LABEL_GAP_PX = 12;
const LABEL_EDGE_PX = 4;

/**
 * Where text `textWidth` wide starts (its left end) beside a joint at `x`, on the `side` given by
 * `outwardOf`: `LABEL_GAP_PX` away, but never past the picture's edge, where it would be cut off (a
 * knee near the side of a portrait picture had the "°" of its angle cut). Held inside, it may come
 * nearer the joint.
 */
export function besideJoint(x: number, side: 1 | -1, textWidth: number, width: number): number {
  const start = side > 0 ? x + LABEL_GAP_PX : x - LABEL_GAP_PX - textWidth;
  return Math.max(LABEL_EDGE_PX, Math.min(start, width - LABEL_EDGE_PX - textWidth));
}

/**
 * Which side of a joint its text goes on, on the canvas: away from the same joint of the other leg
 * (+1 right, -1 left), so that with the knees close together (a narrow stance seen from the front)
 * one knee's label does not sit on the other knee. Right when the other is not seen.
 */
export function outwardOf(pose: Pose, joint: KeypointName, mirrored: boolean): 1 | -1 {
  const other = joint.startsWith('left_')
    ? joint.replace('left_', 'right_')
    : joint.startsWith('right_')
      ? joint.replace('right_', 'left_')
      : undefined;
  const a = keypoint(pose, joint);
  const b = other === undefined ? undefined : keypoint(pose, other as KeypointName);
  if (a === undefined || b === undefined) return 1;
  const ax = mirrored ? 1 - a.x : a.x;
  const bx = mirrored ? 1 - b.x : b.x;
  // Level (side on, one knee behind the other): the right knee's text right, the left's left.
  return ax > bx || (ax === bx && joint.startsWith('right_')) ? 1 : -1;
}
