/**
 * What the live app measures about itself, frame by frame (the live benchmark reads it through
 * window.formcheck): camera frames delivered, frames analysed, and where each analysed frame's time
 * went, from its arrival to the overlay that shows its pose.
 */
export interface FrameTiming {
  /** Frame received (worker) or grabbed (page), on the page's clock, ms. */
  readonly receivedMs: number;
  /** Waiting for the detector to finish the frame before (0 on the bitmap path), ms. */
  readonly queuedMs: number;
  readonly bitmapMs: number;
  readonly inferenceMs: number;
  /** Counting the people in view before the detector ran (0 on a frame they were not counted), ms. */
  readonly peopleMs: number;
  /** Received → result back on the page, ms (bitmap + inference + transfer). */
  readonly toResultMs: number;
  readonly engineMs: number;
  readonly overlayMs: number;
  /** Received → overlay drawn, ms. */
  readonly latencyMs: number;
}

const KEEP = 20_000;

export class LiveStats {
  cameraFrames = 0;
  analysed = 0;
  skipped = 0;
  restarts = 0;
  tensors: number | undefined;
  readonly frames: FrameTiming[] = [];
  readonly longTasks: { startMs: number; durationMs: number }[] = [];
  private observer: PerformanceObserver | undefined;

  constructor() {
    try {
      this.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          this.longTasks.push({ startMs: e.startTime, durationMs: e.duration });
      });
      this.observer.observe({ type: 'longtask', buffered: false });
    } catch {
      this.observer = undefined; // no long-task timing in this browser
    }
  }

  record(t: FrameTiming): void {
    this.analysed += 1;
    this.frames.push(t);
    if (this.frames.length > KEEP) this.frames.splice(0, this.frames.length - KEEP);
  }

  /** Frames analysed in the last second (the status line). */
  fps(nowMs: number): number {
    let n = 0;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f === undefined || nowMs - f.receivedMs > 1000) break;
      n += 1;
    }
    return n;
  }
}
