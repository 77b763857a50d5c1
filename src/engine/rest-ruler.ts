import { median } from '../geometry/stats.ts';
import { MIN_STANDING_MS } from './checks/standing.ts';

/** How much time at rest the ruler looks back over (time at rest, not wall time). */
const RULER_WINDOW_MS = 3000;

/**
 * Longest gap between two frames that still counts as time at rest (a stall is not 1 s of standing).
 */
const MAX_STEP_MS = 200;

/**
 * The shank's image length while the person is in the start position: the second ruler the hip
 * drop is counted with (design note: rep-counter.md, "Two rulers").
 *
 * Seen from the front by a camera above the knees (a laptop on a chair), the shin's image shortens
 * as it tilts towards the camera in a squat (12-35 % in a half squat), just as the hips drop:
 * divided by that frame's shank, a half squat's drop cancels. Against the shank seen at rest, the
 * drop is what the hips travelled. The ruler is the median over the last 3 s spent at rest (rest
 * time, so a long rep does not empty it; the checks' standing window is 3 s too), held while the
 * person is mid-rep, and undefined until {@link MIN_STANDING_MS} of rest have been seen (the
 * checks' own minimum for a standing baseline).
 */
export class RestRuler {
  private samples: { readonly restMs: number; readonly length: number }[] = [];
  private restClockMs = 0;
  private lastMs: number | undefined;
  private ruler: number | undefined;

  /**
   * One frame's shank length (frame-height units); `atRest`: the counter is in the start position.
   * Returns the ruler to measure this frame with.
   */
  push(length: number | undefined, timestampMs: number, atRest: boolean): number | undefined {
    const stepMs = this.lastMs === undefined ? 0 : timestampMs - this.lastMs;
    this.lastMs = timestampMs;
    if (!atRest || length === undefined || !(length > 0)) return this.ruler;
    this.restClockMs += Math.min(MAX_STEP_MS, Math.max(0, stepMs));
    this.samples.push({ restMs: this.restClockMs, length });
    while ((this.samples[0]?.restMs ?? this.restClockMs) < this.restClockMs - RULER_WINDOW_MS)
      this.samples.shift();
    const spanMs = this.restClockMs - (this.samples[0]?.restMs ?? this.restClockMs);
    this.ruler = spanMs >= MIN_STANDING_MS ? median(this.samples.map((s) => s.length)) : undefined;
    return this.ruler;
  }

  /** A new set-up (the person left the view): the old ruler no longer applies. */
  reset(): void {
    this.samples = [];
    this.restClockMs = 0;
    this.lastMs = undefined;
    this.ruler = undefined;
  }
}
