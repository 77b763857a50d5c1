import { scaledFrameSize } from '../pose/frame-size.ts';

/**
 * A video frame as an ImageBitmap scaled like every frame the detector sees (pose/frame-size.ts):
 * the video element's current frame, or a frame held from it (a VideoFrame).
 */
export function frameBitmap(source: HTMLVideoElement | VideoFrame): Promise<ImageBitmap> {
  const [w, h] =
    source instanceof HTMLVideoElement
      ? [source.videoWidth, source.videoHeight]
      : [source.displayWidth, source.displayHeight];
  const size = scaledFrameSize(w, h);
  if (w === 0 || (size.width === w && size.height === h)) return createImageBitmap(source);
  return createImageBitmap(source, {
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'medium',
  });
}
