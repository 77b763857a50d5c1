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
  /** The frame before the last one: the time step the last one adds to the rest clock. */
  private beforeMs: number | undefined;
  /** The last frame, learnt from once the counters have said where it was. */
  private last: { readonly length: number | undefined; readonly timestampMs: number } | undefined;
  private ruler: number | undefined;

  /**
   * One frame's shank length (frame-height units). `lastAtStart`: the frame before this one, once
   * analysed, was in the start position (every counter back in its start band, rep-analyzer.ts):
   * the ruler learns from that frame, not this one, whose place in the rep is not known yet. A
   * counter is still "at rest" on the first frame of its next rep (it leaves the start on that
   * frame), and at a live app's 8-10 frames/s, with no pause between reps, that frame was the only
   * one learnt from a rep: a lunge's front shank, twice its standing length from the front, became
   * the ruler by the fourth rep. Returns the ruler to measure this frame with.
   */
  push(length: number | undefined, timestampMs: number, lastAtStart: boolean): number | undefined {
    const last = this.last;
    if (last !== undefined && lastAtStart) this.learn(last.length, last.timestampMs);
    this.beforeMs = last?.timestampMs;
    this.last = { length, timestampMs };
    return this.ruler;
  }

  private learn(length: number | undefined, timestampMs: number): void {
    if (length === undefined || !(length > 0)) return;
    const stepMs = this.beforeMs === undefined ? 0 : timestampMs - this.beforeMs;
    this.restClockMs += Math.min(MAX_STEP_MS, Math.max(0, stepMs));
    this.samples.push({ restMs: this.restClockMs, length });
    while ((this.samples[0]?.restMs ?? this.restClockMs) < this.restClockMs - RULER_WINDOW_MS)
      this.samples.shift();
    const spanMs = this.restClockMs - (this.samples[0]?.restMs ?? this.restClockMs);
    this.ruler = spanMs >= MIN_STANDING_MS ? median(this.samples.map((s) => s.length)) : undefined;
  }

  /** A new set-up (the person left the view): the old ruler no longer applies. */
  reset(): void {
    this.samples = [];
    this.restClockMs = 0;
    this.beforeMs = undefined;
    this.last = undefined;
    this.ruler = undefined;
  }
}
