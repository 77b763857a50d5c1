/**
 * Frames go to the worker at most 640 px on the long side, as the command line decodes them
 * (src/node/video-decoder.ts): the models look at 256 px anyway, and a smaller bitmap is cheaper to
 * transfer and to read back in the worker. Coordinates are normalized, so nothing else changes.
 */
export const MAX_FRAME_SIDE_PX = 640;

export function frameBitmap(source: HTMLVideoElement): Promise<ImageBitmap> {
  const w = source.videoWidth;
  const h = source.videoHeight;
  const scale = Math.min(1, MAX_FRAME_SIDE_PX / Math.max(w, h));
  if (scale === 1 || w === 0) return createImageBitmap(source);
  return createImageBitmap(source, {
    resizeWidth: Math.max(2, 2 * Math.round((w * scale) / 2)),
    resizeHeight: Math.max(2, 2 * Math.round((h * scale) / 2)),
    resizeQuality: 'medium',
  });
}
