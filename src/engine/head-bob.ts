import type { Fault } from './faults.ts';
import type { FrameFeatures } from './features.ts';

/**
 * Head bob during circles: vertical nose movement in torso lengths, over a sliding window, minus
 * what the same window showed while the person stood still (the baseline, i.e. keypoint noise).
 * 0.06 torso lengths ≈ 3 cm for a 50 cm torso: a nod anyone watching would call "bobbing".
 */
export const HEAD_BOB = {
  windowMs: 1500,
  baselineMs: 1000,
  thresholdTorsos: 0.06,
  coolDownMs: 4000,
} as const;

export class HeadBobMonitor {
  private startMs: number | undefined;
  private torso: number | undefined;
  private baselineSpread = 0;
  private baselineValues: number[] = [];
  private window: { t: number; y: number }[] = [];
  private lastFaultMs = -Infinity;

  reset(): void {
    this.startMs = undefined;
    this.torso = undefined;
    this.baselineValues = [];
    this.baselineSpread = 0;
    this.window = [];
  }

  /** Returns a head-bob fault when the head moves more than the threshold (at most one per cool-down). */
  push(f: FrameFeatures): Fault | undefined {
    const t = f.timestampMs;
    if (f.noseY === undefined || f.torsoLength === undefined) return undefined;
    this.startMs ??= t;
    this.torso ??= f.torsoLength;
    const y = f.noseY / this.torso;
    if (t - this.startMs < HEAD_BOB.baselineMs) {
      this.baselineValues.push(y);
      this.baselineSpread = Math.max(...this.baselineValues) - Math.min(...this.baselineValues);
      return undefined;
    }
    this.window.push({ t, y });
    this.window = this.window.filter((s) => t - s.t <= HEAD_BOB.windowMs);
    const ys = this.window.map((s) => s.y);
    const bob = Math.max(...ys) - Math.min(...ys) - this.baselineSpread;
    if (bob <= HEAD_BOB.thresholdTorsos || t - this.lastFaultMs < HEAD_BOB.coolDownMs)
      return undefined;
    this.lastFaultMs = t;
    const value = Math.round(bob * 100) / 100;
    return {
      code: 'head-bob',
      severity: 'warn',
      atSec: Math.round(t / 10) / 100,
      value,
      unit: 'torso',
      message: 'Keep your head still.',
    };
  }
}
