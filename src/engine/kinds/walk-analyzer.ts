import type { EngineEvent } from '../engine-event.ts';
import type { WalkExercise } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { StepCounter } from '../step-counter.ts';
import { WalkChecks } from '../walk-checks.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** Counts steps from the side and checks the walk's posture between them. */
export class WalkAnalyzer implements KindAnalyzer {
  private readonly steps = new StepCounter();
  private readonly checks: WalkChecks;

  constructor(exercise: WalkExercise) {
    this.checks = new WalkChecks(exercise);
  }

  onReady(): void {}

  onInterrupt(): void {}

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const { body, features } = frame;
    const la = body.joint('left', 'ankle');
    const ra = body.joint('right', 'ankle');
    const shank = features.shankLength;
    const separation = la && ra && shank ? (la.x - ra.x) / shank : undefined;
    if (this.steps.push(separation)) {
      events.push({ type: 'step', count: this.steps.count });
      for (const fault of this.checks.onStep(this.steps.count, frame.timestampMs))
        events.push({ type: 'fault', fault });
    }
    this.checks.push(body, features);
  }

  live(): KindLive {
    return { ...IDLE_LIVE, steps: this.steps.count };
  }

  finish(): KindReport {
    return { steps: this.steps.count };
  }
}
