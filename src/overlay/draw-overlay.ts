import { drawHud } from './draw-hud.ts';
import { drawSkeleton } from './draw-skeleton.ts';
import type { OverlayData } from './overlay-data.ts';

/** One frame of the overlay: clear, skeleton (with fault joints), then the HUD on top. */
export function drawOverlay(ctx: CanvasRenderingContext2D, d: OverlayData): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (d.pose !== null) drawSkeleton(ctx, d.pose, d.mirrored, d.live.faultJoints);
  drawHud(ctx, d);
}
