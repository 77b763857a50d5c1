import { FAULT_CODES, type FaultCode } from '../engine/faults.ts';
import type { Report } from '../engine/report.ts';

/** One hand-labelled clip (../shared/data/labels.json). */
export interface ClipLabel {
  readonly file: string;
  readonly exercise: string;
  readonly view?: string;
  readonly reps?: number | null;
  readonly bottomsSec?: readonly number[];
  readonly topsSec?: readonly (readonly [number, number])[];
  readonly faults?: readonly string[];
  readonly holdsSec?: readonly (readonly [number, number])[];
  readonly circles?: number;
  /** The clip ends mid-rep: that rep must not be counted. */
  readonly partialRepAtEnd?: boolean;
}

export interface ClipScore {
  readonly clip: string;
  readonly exercise: string;
  readonly expectedReps: number | undefined;
  readonly countedReps: number | undefined;
  /** Counted reps whose far end lies within REP_TIME_TOLERANCE_SEC of no labelled one. */
  readonly misplacedReps: number;
  readonly labelledFaults: readonly string[];
  readonly foundFaults: readonly string[];
  readonly expectedHoldSec: number | undefined;
  readonly heldSec: number | undefined;
  readonly expectedCircles: number | undefined;
  readonly countedCircles: number | undefined;
}

/** A counted rep matches a labelled one if its bottom (or top) is this close. */
export const REP_TIME_TOLERANCE_SEC = 1.0;

/** Fault codes the labels use; others (tempo advice, info) are not scored against them. */
const LABELLED_CODES: ReadonlySet<FaultCode> = new Set<FaultCode>(
  FAULT_CODES.slice(0, FAULT_CODES.indexOf('tempo') + 1),
);

export function scoreClip(label: ClipLabel, report: Report): ClipScore {
  const expected =
    typeof label.reps === 'number' && report.repCount !== undefined ? label.reps : undefined;
  const marks = label.bottomsSec ?? label.topsSec?.map(([a, b]) => (a + b) / 2) ?? [];
  const reps = report.reps ?? [];
  const topsWindows = label.topsSec;
  const misplaced = reps.filter((r) => {
    if (topsWindows !== undefined) {
      return !topsWindows.some(
        ([a, b]) =>
          r.bottomSec >= a - REP_TIME_TOLERANCE_SEC && r.bottomSec <= b + REP_TIME_TOLERANCE_SEC,
      );
    }
    return (
      marks.length > 0 && !marks.some((m) => Math.abs(m - r.bottomSec) <= REP_TIME_TOLERANCE_SEC)
    );
  }).length;
  const found = [
    ...new Set(
      report.faults
        .filter((f) => f.severity === 'warn' && LABELLED_CODES.has(f.code))
        .map((f) => f.code),
    ),
  ].sort();
  const holds = label.holdsSec;
  return {
    clip: label.file,
    exercise: label.exercise,
    expectedReps: expected,
    countedReps: report.repCount,
    misplacedReps: misplaced,
    labelledFaults: [...(label.faults ?? [])].sort(),
    foundFaults: found,
    expectedHoldSec: holds === undefined ? undefined : holds.reduce((s, [a, b]) => s + (b - a), 0),
    heldSec: report.heldSeconds,
    expectedCircles: label.circles,
    countedCircles:
      report.circles === undefined
        ? undefined
        : report.circles.clockwise + report.circles.anticlockwise,
  };
}

export interface Summary {
  readonly countedClips: number;
  readonly exact: number;
  readonly withinOne: number;
  readonly meanAbsError: number;
  readonly ghostReps: number;
  readonly misplacedReps: number;
  readonly faultTruePositives: number;
  readonly faultFalsePositives: number;
  readonly faultFalseNegatives: number;
  readonly cleanClipsWithFaults: number;
}

export function summarize(scores: readonly ClipScore[]): Summary {
  const counted = scores.filter((s) => s.expectedReps !== undefined && s.countedReps !== undefined);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    tp += s.foundFaults.filter((f) => s.labelledFaults.includes(f)).length;
    fp += s.foundFaults.filter((f) => !s.labelledFaults.includes(f)).length;
    fn += s.labelledFaults.filter((f) => !s.foundFaults.includes(f)).length;
  }
  const err = counted.map((s) => (s.countedReps ?? 0) - (s.expectedReps ?? 0));
  return {
    countedClips: counted.length,
    exact: err.filter((e) => e === 0).length,
    withinOne: err.filter((e) => Math.abs(e) <= 1).length,
    meanAbsError:
      counted.length === 0 ? 0 : err.reduce((a, e) => a + Math.abs(e), 0) / counted.length,
    ghostReps: err.filter((e) => e > 0).reduce((a, e) => a + e, 0),
    misplacedReps: counted.reduce((a, s) => a + s.misplacedReps, 0),
    faultTruePositives: tp,
    faultFalsePositives: fp,
    faultFalseNegatives: fn,
    cleanClipsWithFaults: scores.filter(
      (s) => s.labelledFaults.length === 0 && s.foundFaults.length > 0,
    ).length,
  };
}
