import { BONES, KEYPOINT_NAMES, keypoint, type KeypointName, type Pose } from '../pose/skeleton.ts';
import { SKELETON_STYLE } from './draw-skeleton.ts';

/**
 * A still of one moment: the pose's skeleton fitted into the canvas (its bounding box with a
 * margin, aspect kept), the joints at fault in red. Used for the form check's worst moment and
 * the reference figure beside it. `mirrored`: drawn as a mirrored camera preview showed the
 * person (left and right swapped in the picture), so the still looks like what they saw.
 */
export function drawStill(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  faultJoints: readonly KeypointName[],
  mirrored = false,
  background = '#1d1d1d',
): void {
  const { width, height } = ctx.canvas;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  const aspect = pose.frameSize.widthPx / pose.frameSize.heightPx;
  const pts = KEYPOINT_NAMES.flatMap((n) => {
    const k = keypoint(pose, n);
    if (k === undefined) return [];
    return [{ n, x: (mirrored ? 1 - k.x : k.x) * aspect, y: k.y }];
  });
  if (pts.length === 0) return;
  const minX = Math.min(...pts.map((p) => p.x));
  const maxX = Math.max(...pts.map((p) => p.x));
  const minY = Math.min(...pts.map((p) => p.y));
  const maxY = Math.max(...pts.map((p) => p.y));
  const scale =
    0.85 * Math.min(width / Math.max(1e-6, maxX - minX), height / Math.max(1e-6, maxY - minY));
  const ox = width / 2 - ((minX + maxX) / 2) * scale;
  const oy = height / 2 - ((minY + maxY) / 2) * scale;
  const at = new Map(pts.map((p) => [p.n, [p.x * scale + ox, p.y * scale + oy] as const]));
  ctx.lineWidth = 3;
  ctx.strokeStyle = SKELETON_STYLE.bone;
  for (const [a, b] of BONES) {
    const pa = at.get(a);
    const pb = at.get(b);
    if (pa === undefined || pb === undefined) continue;
    ctx.beginPath();
    ctx.moveTo(pa[0], pa[1]);
    ctx.lineTo(pb[0], pb[1]);
    ctx.stroke();
  }
  for (const [n, p] of at) {
    const bad = faultJoints.includes(n);
    ctx.fillStyle = bad ? SKELETON_STYLE.fault : SKELETON_STYLE.joint;
    ctx.beginPath();
    ctx.arc(p[0], p[1], bad ? 7 : 4, 0, 2 * Math.PI);
    ctx.fill();
  }
}
