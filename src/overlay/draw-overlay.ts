import { drawHud } from './draw-hud.ts';
import { drawSkeleton, type PictureSize } from './draw-skeleton.ts';
import type { OverlayData } from './overlay-data.ts';

/**
 * One frame of the overlay: clear, skeleton (with fault joints), then the HUD on top. Drawn in the
 * picture's units (`size`, the canvas's own size unless the context is scaled to it).
 */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  d: OverlayData,
  size: PictureSize = ctx.canvas,
): void {
  ctx.clearRect(0, 0, size.width, size.height);
  if (d.pose !== null) drawSkeleton(ctx, d.pose, d.mirrored, d.live.faultJoints, size);
  drawHud(ctx, d, size);
}
