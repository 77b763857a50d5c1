import { median } from '../../geometry/stats.ts';
import type { RepsExercise, Tempo } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import type { CountedRep, PhaseTimes } from '../rep-events.ts';
import type { FrameView } from '../view.ts';
import type { Standing } from './standing.ts';
import type { Strictness } from './thresholds.ts';
import type { ModelId } from '../../pose/model-catalog.ts';

/** Everything a check may look at for one completed rep. */
export interface RepContext {
  readonly exercise: RepsExercise;
  readonly rep: CountedRep;
  /** The frames from the rep's start to its end. */
  readonly frames: readonly AnalyzedFrame[];
  /** The start position just before this rep (undefined when it was not seen long enough). */
  readonly standing: Standing | undefined;
  /** The camera view during this rep (most of its frames). */
  readonly view: FrameView;
  readonly bestAmplitude: number;
  readonly tempo: Tempo | undefined;
  readonly strictness: Strictness;
  /** The model that gave the poses (undefined: BlazePose full, the model the checks were measured on). */
  readonly poseModel?: ModelId;
  /**
   * The rep counted just before this one in the set; undefined for the first rep and after an
   * interruption. A calf raise's lowering ends in the start position, between that rep and this
   * one (tempo.ts, bouncing).
   */
  readonly previous?: PreviousRep;
}

/** The rep counted before: its phases, and the view it was seen from. */
export interface PreviousRep {
  readonly phases: PhaseTimes;
  readonly view: FrameView;
}

/**
 * Half-width of the window around the bottom that a verdict is judged on (ms, not frames: the same
 * stretch of the movement at 30, 15 or 10 frames/s).
 */
export const BOTTOM_WINDOW_MS = 200;

/** The frames within `halfWidthMs` of the rep's far end (the bottom of a squat). */
export function aroundPeak(
  ctx: RepContext,
  halfWidthMs: number = BOTTOM_WINDOW_MS,
): readonly AnalyzedFrame[] {
  return ctx.frames.filter((f) => Math.abs(f.timestampMs - ctx.rep.peakMs) <= halfWidthMs);
}

/** Share of the rep's excursion that counts as its far end (the bottom), from the peak. */
export const BOTTOM_FRACTION = 0.15;

/**
 * The bottom of the rep: the frames whose counted signal is within BOTTOM_FRACTION of the
 * excursion from its peak (a paused bottom is all of it), plus those within BOTTOM_WINDOW_MS of
 * the peak. Defined in signal and time, so the same at any frame rate.
 */
export function atBottom(ctx: RepContext): readonly AnalyzedFrame[] {
  const level = ctx.rep.peakValue - BOTTOM_FRACTION * ctx.rep.amplitude;
  return ctx.frames.filter(
    (f) =>
      (f.signal !== undefined && f.signal >= level) ||
      Math.abs(f.timestampMs - ctx.rep.peakMs) <= BOTTOM_WINDOW_MS,
  );
}

/** The median of a per-frame measure over some frames (undefined when no frame has it). */
export function medianOver(
  frames: readonly AnalyzedFrame[],
  measure: (f: AnalyzedFrame) => number | undefined,
): number | undefined {
  return median(frames.map(measure));
}
