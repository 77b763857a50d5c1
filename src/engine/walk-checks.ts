import type { Body } from './body.ts';
import type { Fault } from './faults.ts';
import type { FrameFeatures } from './features.ts';

/**
 * Per-step checks for the walks, judged over the frames since the previous step:
 * heel walk: toes up (toe above heel by 0.05 shank) in 70 % of frames; toe walk: heels up
 * (0.08 shank) in 70 %; duck walk: hips no higher than 0.5 shank above the knees in 70 %, and the
 * arm swinging with the opposite leg (wrist and ankle fore-aft offsets of opposite sign).
 */
export const WALK = {
  toesUpShanks: 0.05,
  heelsUpShanks: 0.08,
  duckGapShanks: 0.5,
  share: 0.7,
} as const;

interface StepFrame {
  readonly ok: boolean;
  readonly contralateral: number | undefined;
}

export class WalkChecks {
  private frames: StepFrame[] = [];

  constructor(private readonly exerciseId: string) {}

  push(body: Body, f: FrameFeatures): void {
    const heel = f.heelAboveToeShanks;
    let ok = true;
    if (this.exerciseId === 'heel-walk') ok = heel !== undefined && heel < -WALK.toesUpShanks;
    if (this.exerciseId === 'toe-walk') ok = heel !== undefined && heel > WALK.heelsUpShanks;
    if (this.exerciseId === 'duck-walk')
      ok = f.hipKneeGapShanks !== undefined && f.hipKneeGapShanks < WALK.duckGapShanks;
    const lw = body.joint('left', 'wrist');
    const rw = body.joint('right', 'wrist');
    const la = body.joint('left', 'ankle');
    const ra = body.joint('right', 'ankle');
    const contralateral =
      lw && rw && la && ra ? -Math.sign((lw.x - rw.x) * (la.x - ra.x)) : undefined;
    this.frames.push({ ok, contralateral });
  }

  onStep(step: number, timestampMs: number): Fault[] {
    const frames = this.frames;
    this.frames = [];
    if (frames.length < 3) return [];
    const atSec = Math.round(timestampMs / 10) / 100;
    const share = frames.filter((f) => f.ok).length / frames.length;
    const out: Fault[] = [];
    if (share < WALK.share) {
      const pct = Math.round(share * 100);
      if (this.exerciseId === 'heel-walk')
        out.push({
          code: 'toes-down',
          severity: 'warn',
          rep: step,
          atSec,
          value: pct,
          unit: '%',
          message: 'Pull the toes up.',
        });
      if (this.exerciseId === 'toe-walk')
        out.push({
          code: 'heels-down',
          severity: 'warn',
          rep: step,
          atSec,
          value: pct,
          unit: '%',
          message: 'Heels up, stay on the toes.',
        });
      if (this.exerciseId === 'duck-walk')
        out.push({
          code: 'shallow-depth',
          severity: 'warn',
          rep: step,
          atSec,
          value: pct,
          unit: '%',
          message: 'Stay low.',
        });
    }
    if (this.exerciseId === 'duck-walk') {
      const c = frames
        .map((f) => f.contralateral)
        .filter((v): v is number => v !== undefined && v !== 0);
      const mean = c.length === 0 ? 0 : c.reduce((s, v) => s + v, 0) / c.length;
      if (c.length >= 3 && mean < 0) {
        out.push({
          code: 'out-of-envelope',
          severity: 'warn',
          rep: step,
          atSec,
          value: Math.round(mean * 100) / 100,
          unit: 'ratio',
          message: 'Swing the arm with the opposite leg.',
        });
      }
    }
    return out;
  }
}
