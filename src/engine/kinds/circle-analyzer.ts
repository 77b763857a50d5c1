import type { Body } from '../body.ts';
import { CircleCounter, type CircleDirection } from '../circle-counter.ts';
import type { EngineEvent } from '../engine-event.ts';
import type { CirclesExercise } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import type { Strictness } from '../checks/thresholds.ts';
import { HeadBobMonitor } from '../head-bob.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** Ankle circles: the toe that travelled further sideways over this window is the circling one. */
const TOE_TRAVEL_WINDOW_MS = 2000;

/** Counts circles in the direction the person was asked for, and watches the head. */
export class CircleAnalyzer implements KindAnalyzer {
  private readonly circles = new CircleCounter();
  private readonly headBob: HeadBobMonitor;
  private readonly toes: { t: number; left?: number; right?: number }[] = [];
  private direction: CircleDirection = 'clockwise';

  constructor(
    private readonly exercise: CirclesExercise,
    strictness: Strictness,
  ) {
    this.headBob = new HeadBobMonitor(strictness);
  }

  /** The direction the person is asked to circle in now (the app switches it halfway). */
  setDirection(direction: CircleDirection): void {
    this.direction = direction;
  }

  onReady(): void {
    this.headBob.reset();
  }

  onInterrupt(): void {
    this.circles.reset();
  }

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const f = frame.features;
    const shank = f.shankLength;
    const x = this.circlingX(frame.body, frame.timestampMs);
    if (x === undefined || shank === undefined || !(shank > 0)) return;
    const counted = this.circles.push(
      { timestampMs: frame.timestampMs, x: x / shank },
      this.direction,
    );
    if (counted) {
      events.push({
        type: 'circle',
        direction: this.direction,
        count: this.circles.counts[this.direction],
      });
    }
    if (!this.exercise.headStill) return;
    // The head is judged over each circle, not while getting into position or after the last.
    if (this.circles.circling || counted) this.headBob.push(frame.body, frame.timestampMs);
    if (!counted) return;
    const bob = this.headBob.circleCompleted(frame.timestampMs);
    if (bob !== undefined) events.push({ type: 'fault', fault: bob });
  }

  /** Knee circles: both knees move together (their midpoint). Ankle circles: the toe that moves more. */
  private circlingX(body: Body, timestampMs: number): number | undefined {
    if (this.exercise.circleJoint !== 'toe') return body.mid('knee')?.x;
    const left = body.joint('left', 'toe')?.x;
    const right = body.joint('right', 'toe')?.x;
    this.toes.push({
      t: timestampMs,
      ...(left === undefined ? {} : { left }),
      ...(right === undefined ? {} : { right }),
    });
    while (timestampMs - (this.toes[0]?.t ?? timestampMs) > TOE_TRAVEL_WINDOW_MS) this.toes.shift();
    const spread = (side: 'left' | 'right') => {
      const xs = this.toes.map((s) => s[side]).filter((v): v is number => v !== undefined);
      return xs.length < 2 ? 0 : Math.max(...xs) - Math.min(...xs);
    };
    return spread('left') >= spread('right') ? left : right;
  }

  live(): KindLive {
    return { ...IDLE_LIVE, circles: { ...this.circles.counts } };
  }

  finish(): KindReport {
    const circles = { ...this.circles.counts };
    return this.exercise.headStill ? { circles, verdicts: [this.headBob.verdict()] } : { circles };
  }
}
