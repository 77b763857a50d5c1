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
  /** What a coach might mention but is not a fault: found or not, it counts neither way. */
  readonly faultsOptional?: readonly string[];
  /** Faults per rep, by the rep's bottom (or top) time. */
  readonly perRep?: readonly { readonly bottomSec: number; readonly faults: readonly string[] }[];
  readonly holdsSec?: readonly (readonly [number, number])[];
  readonly holdAtBottomSec?: readonly number[];
  /** Other poses held in the clip (a negative for its exercise), by id. */
  readonly otherPosesSec?: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  readonly circles?: number;
  readonly circlesSec?: readonly (readonly [number, number])[];
  /** The clip ends mid-rep: that rep must not be counted. */
  readonly partialRepAtEnd?: boolean;
  /** Bottoms of reps the clip's end cuts off (not completed). */
  readonly incompleteBottomsSec?: readonly number[];
}

/** The camera view of a label, in the few classes the per-check table uses. */
export type ViewClass = 'front' | 'side' | '3/4' | 'rear' | 'mixed';

export function viewClass(view: string | undefined): ViewClass {
  const v = (view ?? '').toLowerCase();
  if (/then|→|->|, side|, front|front 0/.test(v)) return 'mixed';
  if (/3\/4/.test(v)) return '3/4';
  if (v.startsWith('rear')) return 'rear';
  if (v.startsWith('side')) return 'side';
  return 'front';
}

export interface ClipScore {
  readonly clip: string;
  readonly exercise: string;
  readonly view: ViewClass;
  readonly expectedReps: number | undefined;
  readonly countedReps: number | undefined;
  /** Counted reps whose far end lies within REP_TIME_TOLERANCE_SEC of no labelled one. */
  readonly misplacedReps: number;
  /** Faults that must be found (labels.json `faults`), sorted. */
  readonly labelledFaults: readonly string[];
  /** Faults found at warn level, less the label's optional ones, sorted. */
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
  const optional = new Set(label.faultsOptional ?? []);
  const found = [
    ...new Set(
      report.faults
        .filter((f) => f.severity === 'warn' && LABELLED_CODES.has(f.code))
        .map((f) => f.code)
        .filter((c) => !optional.has(c)),
    ),
  ].sort();
  const holds = label.holdsSec;
  return {
    clip: label.file,
    exercise: label.exercise,
    view: viewClass(label.view),
    expectedReps: expected,
    countedReps: report.repCount,
    misplacedReps: misplaced,
    labelledFaults: [...(label.faults ?? [])].filter((f) => !optional.has(f)).sort(),
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

export interface Confusion {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

export interface Summary {
  readonly countedClips: number;
  readonly exact: number;
  readonly withinOne: number;
  readonly meanAbsError: number;
  readonly ghostReps: number;
  readonly misplacedReps: number;
  readonly faults: Confusion;
  /** Per fault code, then per view class: clip-level found/missed/false alarms. */
  readonly byCode: ReadonlyMap<string, ReadonlyMap<ViewClass, Confusion>>;
  readonly cleanClips: number;
  readonly cleanClipsWithFaults: number;
  /** Labelled holds (and negatives): |timed - labelled| per clip, seconds. */
  readonly holdErrorsSec: readonly { readonly clip: string; readonly errorSec: number }[];
}

function confusion(scores: readonly ClipScore[], code?: string): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const has = (list: readonly string[]) => list.filter((c) => code === undefined || c === code);
  for (const s of scores) {
    tp += has(s.foundFaults).filter((f) => s.labelledFaults.includes(f)).length;
    fp += has(s.foundFaults).filter((f) => !s.labelledFaults.includes(f)).length;
    fn += has(s.labelledFaults).filter((f) => !s.foundFaults.includes(f)).length;
  }
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

export function summarize(scores: readonly ClipScore[]): Summary {
  const counted = scores.filter((s) => s.expectedReps !== undefined && s.countedReps !== undefined);
  const err = counted.map((s) => (s.countedReps ?? 0) - (s.expectedReps ?? 0));
  const codes = [...new Set(scores.flatMap((s) => [...s.labelledFaults, ...s.foundFaults]))].sort();
  const views = [...new Set(scores.map((s) => s.view))].sort();
  const byCode = new Map(
    codes.map((code) => [
      code,
      new Map(
        views.map((v) => [
          v,
          confusion(
            scores.filter((s) => s.view === v),
            code,
          ),
        ]),
      ),
    ]),
  );
  const withReps = scores.filter((s) => s.expectedReps !== undefined || s.labelledFaults.length);
  const clean = withReps.filter((s) => s.labelledFaults.length === 0);
  return {
    countedClips: counted.length,
    exact: err.filter((e) => e === 0).length,
    withinOne: err.filter((e) => Math.abs(e) <= 1).length,
    meanAbsError:
      counted.length === 0 ? 0 : err.reduce((a, e) => a + Math.abs(e), 0) / counted.length,
    ghostReps: err.filter((e) => e > 0).reduce((a, e) => a + e, 0),
    misplacedReps: counted.reduce((a, s) => a + s.misplacedReps, 0),
    faults: confusion(scores),
    byCode,
    cleanClips: clean.length,
    cleanClipsWithFaults: clean.filter((s) => s.foundFaults.length > 0).length,
    holdErrorsSec: scores
      .filter((s) => s.expectedHoldSec !== undefined)
      .map((s) => ({
        clip: s.clip,
        errorSec: Math.abs((s.heldSec ?? 0) - (s.expectedHoldSec ?? 0)),
      })),
  };
}
