import type { EngineEvent } from '../engine-event.ts';
import type { WalkExercise } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { LegIdentity } from '../leg-identity.ts';
import { StepCounter } from '../step-counter.ts';
import { WalkChecks } from '../walk-checks.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** A set watched at least this long (ms) with no step in it says why (`notes`). */
const NO_STEP_NOTE_AFTER_MS = 3000;
/** A gap between frames longer than this (ms) is not time watched (frames dropped, a pause). */
const MAX_WATCHED_GAP_MS = 500;

/**
 * Counts steps from the side and checks the walk's posture between them. The legs are followed
 * frame to frame (leg-identity.ts): side on the model swaps their names, and each swap read as
 * one foot passing the other.
 */
export class WalkAnalyzer implements KindAnalyzer {
  private readonly steps = new StepCounter();
  private readonly legs = new LegIdentity();
  private readonly checks: WalkChecks;
  /** For the note on a set with no step: how long the feet were watched. */
  private watchedMs = 0;
  private lastWatchedMs: number | undefined;

  constructor(exercise: WalkExercise) {
    this.checks = new WalkChecks(exercise);
  }

  onReady(): void {}

  onInterrupt(): void {
    this.lastWatchedMs = undefined;
    this.legs.reset();
  }

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const { body, features } = frame;
    const la = body.joint('left', 'ankle');
    const ra = body.joint('right', 'ankle');
    const shank = features.shankLength;
    // +1 with the legs' names as the model gave them, -1 with them the other way round.
    const legSign = this.legs.push(body, shank, frame.timestampMs) ? -1 : 1;
    const separation = la && ra && shank ? (legSign * (la.x - ra.x)) / shank : undefined;
    if (separation !== undefined) this.watch(frame.timestampMs);
    if (this.steps.push(separation)) {
      events.push({ type: 'step', count: this.steps.count });
      for (const fault of this.checks.onStep(this.steps.count, frame.timestampMs))
        events.push({ type: 'fault', fault });
    }
    // The arm swing is judged on the names as given: over a step's frames the model's are right
    // in most (the identity followed may be the other way round throughout).
    this.checks.push(body, features);
  }

  private watch(atMs: number): void {
    const last = this.lastWatchedMs;
    this.lastWatchedMs = atMs;
    if (last !== undefined && atMs - last <= MAX_WATCHED_GAP_MS) this.watchedMs += atMs - last;
  }

  /**
   * A set watched for a few seconds with no step in it says why: side on, a step is one foot
   * passing the other by a quarter of a shin's length (`StepCounter`), and that never happened;
   * from the front it never shows, whatever the feet do.
   */
  notes(): readonly string[] {
    if (this.steps.count > 0 || this.watchedMs < NO_STEP_NOTE_AFTER_MS) return [];
    return [
      "No step was counted: one foot never passed the other by a quarter of a shin's length. Walk across the camera's view, side on to it.",
    ];
  }

  live(): KindLive {
    return { ...IDLE_LIVE, steps: this.steps.count };
  }

  finish(): KindReport {
    return { steps: this.steps.count };
  }
}
