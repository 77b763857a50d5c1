import type { PoseServiceInfo } from '../detector/pose-service.ts';
import type { Report } from '../engine/report.ts';
import type { OverlayData } from '../overlay/overlay-data.ts';
import type { FrameTiming, LiveStats } from './live-stats.ts';
import type { OverlayRenderer } from './overlay-renderer.ts';
import type { PoseRuntime } from './pose-runtime.ts';
import type { Navigation } from './screens/navigation.ts';

/** Plain data (it crosses into the tests and the live benchmark as JSON). */
export interface DiagnosticsSnapshot {
  readonly screen: string;
  readonly runtime: string;
  readonly info: PoseServiceInfo | undefined;
  readonly overlayFrames: number;
  readonly lastOverlay: OverlayData | undefined;
  readonly lastReport: Report | undefined;
  readonly cameraFrames: number;
  readonly analysed: number;
  readonly skipped: number;
  readonly restarts: number;
  readonly tensors: number | undefined;
  readonly analysedLastSecond: number;
}

/**
 * Read-only diagnostics for people (the browser console) and for the end-to-end tests and the
 * live benchmark, as window.formcheck. Nothing here leaves the page.
 */
export class Diagnostics {
  lastReport: Report | undefined;
  readonly #stats: LiveStats;
  readonly #renderer: OverlayRenderer;
  readonly #runtime: PoseRuntime;
  readonly #nav: Navigation;

  constructor(stats: LiveStats, renderer: OverlayRenderer, runtime: PoseRuntime, nav: Navigation) {
    this.#stats = stats;
    this.#renderer = renderer;
    this.#runtime = runtime;
    this.#nav = nav;
  }

  snapshot(): DiagnosticsSnapshot {
    const s = this.#stats;
    return {
      screen: this.#nav.current,
      runtime: this.#runtime.label,
      info: this.#runtime.loaded?.info,
      overlayFrames: this.#renderer.drawn,
      lastOverlay: this.#renderer.last,
      lastReport: this.lastReport,
      cameraFrames: s.cameraFrames,
      analysed: s.analysed,
      skipped: s.skipped,
      restarts: s.restarts,
      tensors: s.tensors,
      analysedLastSecond: s.fps(performance.now()),
    };
  }

  /** Per-frame timings since `fromMs` (page clock), for the live benchmark. */
  timings(fromMs = 0): FrameTiming[] {
    return this.#stats.frames.filter((f) => f.receivedMs >= fromMs);
  }

  longTasks(fromMs = 0): { startMs: number; durationMs: number }[] {
    return this.#stats.longTasks.filter((t) => t.startMs >= fromMs);
  }

  /** Ends the pose worker as a crash would (the recovery test). */
  crashWorker(): void {
    this.#runtime.client.crashForTest();
  }

  /** Blocks the pose worker in an endless loop (the hang test). */
  hangWorker(): void {
    this.#runtime.client.hangForTest();
  }
}
