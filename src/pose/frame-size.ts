/**
 * Frames go to the detector at most 640 px on the long side (the models look at 256 px anyway,
 * and a smaller frame is cheaper to read back and transfer). The command line decodes to the same
 * size, so the page and `formcheck analyze` see the same pixels. Coordinates are normalized, so
 * nothing else depends on it.
 */
export const MAX_FRAME_SIDE_PX = 640;

/** The size a frame of `width` × `height` is scaled to (even sizes, never up). */
export function scaledFrameSize(
  width: number,
  height: number,
  maxSidePx: number = MAX_FRAME_SIDE_PX,
): { width: number; height: number } {
  const scale = Math.min(1, maxSidePx / Math.max(width, height));
  const even = (v: number) => Math.max(2, 2 * Math.round((v * scale) / 2));
  return { width: even(width), height: even(height) };
}
