import type { EngineEvent } from '../engine-event.ts';
import type { WalkExercise } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { LegIdentity } from '../leg-identity.ts';
import { StepCounter } from '../step-counter.ts';
import { WalkChecks } from '../walk-checks.ts';
import { WatchedTime } from '../watched-time.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** A set watched at least this long (ms) with no step in it says why (`notes`). */
const NO_STEP_NOTE_AFTER_MS = 3000;

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
  private readonly watched = new WatchedTime();

  constructor(exercise: WalkExercise) {
    this.checks = new WalkChecks(exercise);
  }

  onReady(): void {}

  onInterrupt(): void {
    this.watched.interrupt();
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
    if (separation !== undefined) this.watched.push(frame.timestampMs);
    if (this.steps.push(separation)) {
      events.push({ type: 'step', count: this.steps.count });
      for (const fault of this.checks.onStep(this.steps.count, frame.timestampMs))
        events.push({ type: 'fault', fault });
    }
    // The arm swing is judged on the names as given: over a step's frames the model's are right
    // in most (the identity followed may be the other way round throughout).
    this.checks.push(body, features);
  }

  /**
   * A set watched for a few seconds with no step in it says why: side on, a step is one foot
   * passing the other by a quarter of a shin's length (`StepCounter`), and that never happened;
   * from the front it never shows, whatever the feet do.
   */
  notes(): readonly string[] {
    if (this.steps.count > 0 || this.watched.ms < NO_STEP_NOTE_AFTER_MS) return [];
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
