import { scaledFrameSize } from '../pose/frame-size.ts';

/** A video frame as an ImageBitmap scaled like every frame the detector sees (pose/frame-size.ts). */
export function frameBitmap(source: HTMLVideoElement): Promise<ImageBitmap> {
  const w = source.videoWidth;
  const h = source.videoHeight;
  const size = scaledFrameSize(w, h);
  if (w === 0 || (size.width === w && size.height === h)) return createImageBitmap(source);
  return createImageBitmap(source, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'medium',
  });
}
