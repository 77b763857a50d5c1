import { drawOverlay } from '../overlay/draw-overlay.ts';
import type { OverlayData } from '../overlay/overlay-data.ts';

/**
 * The longest side of the overlay's canvas, in device pixels: the picture as shown on a large
 * screen, not more (every drawn pixel is the main thread's and the compositor's work).
 */
export const MAX_OVERLAY_SIDE_PX = 1920;

/**
 * Canvas pixels per video pixel: enough for the picture as shown (its CSS width × the screen's
 * pixel ratio), so letters drawn over a 640-wide camera scaled up to fill the screen are sharp,
 * never fewer than the video's own and never past {@link MAX_OVERLAY_SIDE_PX}.
 */
export function overlayScale(
  video: { readonly width: number; readonly height: number },
  shownWidthCssPx: number,
  devicePixelRatio: number,
): number {
  const longest = Math.max(video.width, video.height);
  const wanted = Math.max(1, (shownWidthCssPx * devicePixelRatio) / video.width);
  return Math.min(wanted, Math.max(1, MAX_OVERLAY_SIDE_PX / longest));
}

/**
 * Draws the overlay onto the canvas over the video. It is drawn when a pose arrives and a few times
 * a second for the timers, not at display rate: the main thread and the compositor stay free for
 * the detector. The drawing is in the video's pixels, scaled to the canvas's resolution.
 */
export class OverlayRenderer {
  private readonly ctx: CanvasRenderingContext2D | null;
  /**
   * The canvas's shown width (CSS px), kept by a ResizeObserver: read from the layout on every
   * draw, it would force a layout per frame whenever the page had changed.
   */
  private shownWidthPx = 0;
  last: OverlayData | undefined;
  drawn = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly video: HTMLVideoElement,
  ) {
    this.ctx = canvas.getContext('2d');
    // The stage takes the picture's shape (styles.css, .stage): a camera or a file of any size
    // is shown as large as the screen allows, and the overlay lies exactly over it.
    const fit = () => {
      const { videoWidth: w, videoHeight: h } = video;
      if (w > 0 && h > 0) video.parentElement?.style.setProperty('--aspect', String(w / h));
    };
    video.addEventListener('loadedmetadata', fit);
    video.addEventListener('resize', fit);
    new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box !== undefined) this.shownWidthPx = box.width;
    }).observe(canvas);
  }

  draw(data: OverlayData): void {
    if (this.ctx === null) return;
    const picture = { width: this.video.videoWidth, height: this.video.videoHeight };
    if (picture.width > 0) {
      const scale = overlayScale(picture, this.shownWidthPx, devicePixelRatio);
      const w = Math.round(picture.width * scale);
      const h = Math.round(picture.height * scale);
      if (this.canvas.width !== w || this.canvas.height !== h) {
        this.canvas.width = w;
        this.canvas.height = h;
      }
      this.ctx.setTransform(w / picture.width, 0, 0, h / picture.height, 0, 0);
    }
    drawOverlay(this.ctx, data, picture.width > 0 ? picture : this.canvas);
    this.last = data;
    this.drawn += 1;
  }

  /** Nothing drawn: a run ended, and its last frame must not linger over the next one. */
  clear(): void {
    this.erase();
    this.last = undefined;
  }

  /**
   * Nothing drawn, as the picture under it has gone (the camera turned off when the workout is
   * done); `last` still says what the run's last overlay showed.
   */
  erase(): void {
    this.ctx?.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}
