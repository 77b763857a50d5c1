import { msToSec, round2 } from '../geometry/stats.ts';
import type { Body } from './body.ts';
import type { WalkExercise } from './exercise-def.ts';
import type { Fault } from './faults.ts';
import type { FrameFeatures } from './features.ts';

interface StepFrame {
  readonly posture: boolean;
  /** +1 when the arms and legs swing opposite ways this frame, -1 when together. */
  readonly contralateral: number | undefined;
}

/**
 * Per-step checks for the walks, judged over the frames since the previous step: the posture the
 * catalogue names (share of frames), and for the duck walk the arm swinging with the opposite leg
 * (wrist and ankle fore-aft offsets of opposite sign).
 */
export class WalkChecks {
  private frames: StepFrame[] = [];

  constructor(private readonly exercise: WalkExercise) {}

  push(body: Body, f: FrameFeatures): void {
    const { feature, min, max } = this.exercise.posture;
    const v = f[feature];
    const posture =
      v !== undefined && (min === undefined || v > min) && (max === undefined || v < max);
    const lw = body.joint('left', 'wrist');
    const rw = body.joint('right', 'wrist');
    const la = body.joint('left', 'ankle');
    const ra = body.joint('right', 'ankle');
    const contralateral =
      lw && rw && la && ra ? -Math.sign((lw.x - rw.x) * (la.x - ra.x)) : undefined;
    this.frames.push({ posture, contralateral });
  }

  onStep(step: number, timestampMs: number): Fault[] {
    const frames = this.frames;
    this.frames = [];
    if (frames.length < 3) return [];
    const atSec = msToSec(timestampMs);
    const { posture } = this.exercise;
    const share = Math.round((100 * frames.filter((f) => f.posture).length) / frames.length);
    const required = Math.round(posture.share * 100);
    const out: Fault[] = [];
    if (share < required) {
      out.push({
        code: posture.fault,
        severity: 'warn',
        rep: step,
        atSec,
        value: share,
        threshold: required,
        unit: '%',
        message: posture.cue,
      });
    }
    if (this.exercise.contralateralArms) {
      const c = frames
        .map((f) => f.contralateral)
        .filter((v): v is number => v !== undefined && v !== 0);
      const mean = c.length === 0 ? 0 : c.reduce((s, v) => s + v, 0) / c.length;
      if (c.length >= 3 && mean < 0) {
        out.push({
          code: 'arm-swing',
          severity: 'warn',
          rep: step,
          atSec,
          value: round2(mean),
          threshold: 0,
          unit: 'ratio',
          message: 'Swing the arm with the opposite leg.',
          cue: 'Swing the opposite arm.',
        });
      }
    }
    return out;
  }
}
