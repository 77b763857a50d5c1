import { analyzeTrack } from '../engine/analyze-track.ts';
import type { Report, RepReport } from '../engine/report.ts';
import type { PhasesInWords } from '../engine/phases.ts';
import type { PoseTrack } from '../pose/pose-track.ts';
import { resampleTrack } from '../pose/resample-track.ts';

/** Reps of two reports of one clip are the same rep when their bottoms are this close. */
export const SAME_REP_SEC = 0.5;

/**
 * The rep at the lower rate that is `r`: its bottom this close, and no other rep of the clip as
 * recorded inside it (a rep that merged with its neighbour at one rate shares a bottom with one of
 * them, but its phases span both).
 */
function sameRepAt(
  low: readonly RepReport[],
  r: RepReport,
  full: readonly RepReport[],
): RepReport | undefined {
  return low.find(
    (x) =>
      Math.abs(x.bottomSec - r.bottomSec) <= SAME_REP_SEC &&
      !full.some((o) => o !== r && o.bottomSec >= x.startSec && o.bottomSec <= x.endSec),
  );
}

/** How a clip's report at a lower frame rate compares with the report at the full rate. */
export interface FrameRateComparison {
  readonly fps: number;
  readonly repsFull: number;
  readonly repsLow: number;
  /** Reps found at both rates (matched by bottom time). */
  readonly matchedReps: number;
  /** Of those, reps whose every check (tempo too; not height) gave the same status. */
  readonly sameVerdictReps: number;
  /** Largest depth difference over matched reps, degrees (thigh above level). */
  readonly maxDepthDiffDeg: number;
  /** The codes of faults that belong to no rep (bouncing, head bob), at each rate, sorted. */
  readonly setFaultsFull: readonly string[];
  readonly setFaultsLow: readonly string[];
  /** Per phase, each matched rep's time at `fps` minus its time as recorded, seconds. */
  readonly phaseShiftsSec: Readonly<Record<keyof PhasesInWords, readonly number[]>>;
}

const setFaults = (r: Report): string[] =>
  [...new Set(r.faults.filter((f) => f.rep === undefined).map((f) => f.code))].sort();

/**
 * Every check's status on a rep, tempo included; not a calf raise's height, which is against the
 * best rep of the set so far (another rate's set has its own best).
 */
function verdictKey(rep: NonNullable<Report['reps']>[number]): string {
  return rep.verdicts
    .filter((v) => v.check !== 'rep-height')
    .map((v) => `${v.check}:${v.status}`)
    .sort()
    .join(' ');
}

/** The clip at `fps` (frames dropped) against the clip as recorded. */
export function compareFrameRate(
  track: PoseTrack,
  exerciseId: string,
  fps: number,
): FrameRateComparison {
  const fullReport = analyzeTrack(track, exerciseId);
  const lowReport = analyzeTrack(resampleTrack(track, fps), exerciseId);
  const full = fullReport.reps ?? [];
  const low = lowReport.reps ?? [];
  let matched = 0;
  let same = 0;
  let maxDepth = 0;
  const shifts: Record<keyof PhasesInWords, number[]> = {
    downSec: [],
    bottomSec: [],
    upSec: [],
    topSec: [],
  };
  for (const r of full) {
    const m = sameRepAt(low, r, full);
    if (m === undefined) continue;
    matched += 1;
    for (const phase of Object.keys(shifts) as (keyof PhasesInWords)[]) {
      // The pause before a set's first rep is not measured.
      const [a, b] = [m.phases[phase], r.phases[phase]];
      if (a !== undefined && b !== undefined) shifts[phase].push(a - b);
    }
    if (verdictKey(m) === verdictKey(r)) same += 1;
    const a = r.depth?.thighAboveLevelDeg;
    const b = m.depth?.thighAboveLevelDeg;
    if (a !== undefined && a !== null && b !== undefined && b !== null)
      maxDepth = Math.max(maxDepth, Math.abs(a - b));
  }
  return {
    fps,
    repsFull: full.length,
    repsLow: low.length,
    matchedReps: matched,
    sameVerdictReps: same,
    maxDepthDiffDeg: maxDepth,
    setFaultsFull: setFaults(fullReport),
    setFaultsLow: setFaults(lowReport),
    phaseShiftsSec: shifts,
  };
}
