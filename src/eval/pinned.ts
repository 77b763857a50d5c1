import { analyzeTrack } from '../engine/analyze-track.ts';
import type { PoseTrack } from '../pose/pose-track.ts';
import { resampleTrack } from '../pose/resample-track.ts';
import { scoreClip, type ClipLabel } from './score.ts';

/**
 * What the engine reports on one labelled clip, aspect by aspect: the values the tests pin so that
 * a change in either direction is seen and looked at (test/engine/real-footage.test.ts).
 */
export interface PinnedResult {
  readonly reps?: number;
  /** Labelled fault codes found at warn level (the label's optional ones left out), sorted. */
  readonly faults: readonly string[];
  readonly heldSec?: number;
  readonly circles?: number;
}

export function pinnedResult(label: ClipLabel, track: PoseTrack, fps?: number): PinnedResult {
  const report = analyzeTrack(
    fps === undefined ? track : resampleTrack(track, fps),
    label.exercise,
  );
  const score = scoreClip(label, report);
  return {
    ...(score.countedReps === undefined ? {} : { reps: score.countedReps }),
    faults: score.foundFaults,
    ...(score.heldSec === undefined ? {} : { heldSec: Math.round(score.heldSec * 10) / 10 }),
    ...(score.countedCircles === undefined ? {} : { circles: score.countedCircles }),
  };
}

/** What the labels say, in the same shape (for the "right or a known miss" column). */
export function labelledResult(label: ClipLabel): PinnedResult {
  const optional = new Set(label.faultsOptional ?? []);
  const held = label.holdsSec?.reduce((s, [a, b]) => s + (b - a), 0);
  return {
    ...(typeof label.reps === 'number' ? { reps: label.reps } : {}),
    faults: [...(label.faults ?? [])].filter((f) => !optional.has(f)).sort(),
    ...(held === undefined ? {} : { heldSec: Math.round(held * 10) / 10 }),
    ...(label.circles === undefined ? {} : { circles: label.circles }),
  };
}

/** A hold timed within this of its label is right (the target). */
export const HOLD_TOLERANCE_SEC = 0.5;

/** Whether a result is what the label says (counts, faults and circles exact, holds within 0.5 s). */
export function matchesLabel(result: PinnedResult, label: ClipLabel): boolean {
  const want = labelledResult(label);
  const holdOk =
    want.heldSec === undefined ||
    Math.abs((result.heldSec ?? 0) - want.heldSec) <= HOLD_TOLERANCE_SEC + 1e-9;
  // Hold and circle clips label reps as 0; their reports have no rep count. A clip whose reps are
  // not labelled (null: a mix of bounces and reps) is judged on the rest.
  const repsOk = result.reps === undefined || want.reps === undefined || result.reps === want.reps;
  return (
    repsOk &&
    result.faults.join(' ') === want.faults.join(' ') &&
    result.circles === want.circles &&
    holdOk
  );
}
