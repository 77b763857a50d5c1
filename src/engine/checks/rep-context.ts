import type { RepsExercise, Tempo } from '../exercise-def.ts';
import type { Baseline } from '../baseline.ts';
import type { FrameFeatures } from '../features.ts';
import type { CountedRep } from '../rep-counter.ts';
import type { DetectedView } from '../view.ts';

/** Everything a check may look at for one completed rep. */
export interface RepContext {
  readonly exercise: RepsExercise;
  readonly rep: CountedRep;
  /** Smoothed-frame features from the rep's start to its end. */
  readonly frames: readonly FrameFeatures[];
  /** Features of the still start pose before this rep. */
  readonly baseline: Baseline;
  readonly view: DetectedView;
  readonly bestAmplitude: number;
  readonly tempo: Tempo | undefined;
}

/** The frame at the rep's far end (the bottom of a squat), or the middle one. */
export function atPeak(ctx: RepContext): FrameFeatures | undefined {
  return (
    ctx.frames.find((f) => f.timestampMs === ctx.rep.peakMs) ??
    ctx.frames[Math.floor(ctx.frames.length / 2)]
  );
}

/** The frames within `halfWidthMs` of the rep's far end. */
export function aroundPeak(ctx: RepContext, halfWidthMs: number): readonly FrameFeatures[] {
  return ctx.frames.filter((f) => Math.abs(f.timestampMs - ctx.rep.peakMs) <= halfWidthMs);
}
