import { drawOverlay } from '../overlay/draw-overlay.ts';
import type { OverlayData } from '../overlay/overlay-data.ts';

/**
 * Draws the overlay onto the canvas over the video, sized to the video's frames. It is drawn when
 * a pose arrives and a few times a second for the timers, not at display rate: the main thread
 * and the compositor stay free for the detector.
 */
export class OverlayRenderer {
  private readonly ctx: CanvasRenderingContext2D | null;
  last: OverlayData | undefined;
  drawn = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly video: HTMLVideoElement,
  ) {
    this.ctx = canvas.getContext('2d');
  }

  draw(data: OverlayData): void {
    if (this.ctx === null) return;
    const { videoWidth: w, videoHeight: h } = this.video;
    if (w > 0 && (this.canvas.width !== w || this.canvas.height !== h)) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    drawOverlay(this.ctx, data);
    this.last = data;
    this.drawn += 1;
  }

  /** Nothing drawn: a run ended, and its last frame must not linger over the next one. */
  clear(): void {
    this.ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.last = undefined;
  }
}
