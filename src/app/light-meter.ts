/**
 * Is there enough light? Mean luma (Rec. 601, 0-255) of a small copy of the camera frame. Below
 * TOO_DARK_LUMA the detector loses joints (the labelled dim clip, squat_front_home_airsquats,
 * averages ~60 and still works; a frame at 35 is hard to see for a person too).
 */
export const TOO_DARK_LUMA = 35;

export function meanLuma(rgba: Uint8ClampedArray): number {
  let sum = 0;
  const pixels = Math.floor(rgba.length / 4);
  for (let i = 0; i < pixels; i++) {
    sum +=
      0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0);
  }
  return pixels === 0 ? 0 : sum / pixels;
}

/** Samples the video into a 32×18 canvas (cheap enough to do once a second). */
export class LightMeter {
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D | null;

  constructor() {
    this.canvas.width = 32;
    this.canvas.height = 18;
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true });
  }

  luma(video: HTMLVideoElement): number | undefined {
    if (this.ctx === null || video.readyState < 2) return undefined;
    this.ctx.drawImage(video, 0, 0, this.canvas.width, this.canvas.height);
    return meanLuma(this.ctx.getImageData(0, 0, this.canvas.width, this.canvas.height).data);
  }
}
