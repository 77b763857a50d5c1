import { FROM_VERTICAL } from './checks/forward-lean.ts';
import type { Strictness } from './checks/thresholds.ts';
import type { Verdict } from './checks/verdict.ts';
import type { Fault } from './faults.ts';
import type { PhasesInWords } from './phases.ts';
import type { DetectedView, Facing, FrameView } from './view.ts';

export interface RepReport {
  readonly index: number;
  readonly startSec: number;
  /** The far end: the bottom of a squat, the top of a calf raise. */
  readonly bottomSec: number;
  readonly endSec: number;
  /**
   * The view most of the rep was seen from (view.ts): which checks it could be judged for. Absent
   * in records saved before it was reported.
   */
  readonly view?: FrameView;
  readonly phases: PhasesInWords;
  /**
   * The recording began part-way through this rep (its first): counted, its phases not timed, and
   * the checks that need the start position before it not judged.
   */
  readonly beganBeforeRecording?: true;
  readonly depth?: {
    /** The thigh's angle above level at the bottom (negative: hip below knee): checks/depth.ts. */
    readonly thighAboveLevelDeg: number | null;
    readonly kneeAngleDeg: number | null;
    readonly belowParallel: boolean;
    readonly hipAboveKneeShanks: number | null;
  };
  /**
   * How far one foot was ahead of the other at the bottom, in shanks (squats and lunges; null when
   * not seen): over 0.6 a split stance, a lunge (stance-split.ts).
   */
  readonly footAheadShanks?: number | null;
  /** Excursion of the counted signal (shank lengths): heel height for a calf raise. */
  readonly amplitude: number;
  readonly faults: readonly Fault[];
  /** Every check's verdict on this rep: pass, fault, or cannot judge (and why). */
  readonly verdicts: readonly Verdict[];
}

/** A measured value with its unit as people write it: "16°", "0.21 shank", "1.9 s". */
export function withUnit(value: number, unit: string): string {
  if (unit === FROM_VERTICAL) return `${value}° from vertical`;
  return `${value}${unit === 'deg' ? '°' : unit === 'shank' ? ' shank' : unit === '' ? '' : ` ${unit}`}`;
}

/** A thigh angle above level in words, whole degrees: "4° below level", "level", "19° above level". */
export function againstLevel(thighAboveLevelDeg: number): string {
  const deg = Math.round(thighAboveLevelDeg);
  if (deg === 0) return 'level';
  return `${Math.abs(deg)}° ${deg < 0 ? 'below' : 'above'} level`;
}

/**
 * A rep's depth in the measure its check judges: the front knee's angle for a lunge ("front knee
 * at 95°"), the thighs against level otherwise ("thighs 4° below level"), the knee angle when the
 * thigh was not measured. A thigh measured but not judged (read from the 3-D points alone, which
 * read squats shallow: checks/depth.ts) says so, so a rep past the limit by it is not shown as
 * good form without a word. The same words in the page and on the command line.
 */
export function depthInWords(rep: Pick<RepReport, 'depth' | 'verdicts'>): string | undefined {
  const lunge = rep.verdicts.find((v) => v.check === 'lunge-depth');
  if (lunge?.value !== undefined) return `front knee at ${lunge.value}°`;
  const thigh = rep.depth?.thighAboveLevelDeg;
  const judged = rep.verdicts.find((v) => v.check === 'depth')?.status !== 'cannot-judge';
  if (thigh !== undefined && thigh !== null)
    return `thighs ${againstLevel(thigh)}${judged ? '' : ' (3-D points: not judged)'}`;
  const knee = rep.depth?.kneeAngleDeg;
  return knee === undefined || knee === null ? undefined : `knee at ${knee}°`;
}

export interface HoldReport {
  readonly startSec: number;
  readonly endSec: number;
  readonly seconds: number;
  /**
   * How far the hips moved from where the hold settled, towards leaving the pose (shank lengths;
   * the worst 2 s, against the first 2 s in the same view): on holds of 4 s or more of the poses
   * that say where to stay (hold-position.ts).
   */
  readonly driftShanks?: number;
  /** Why the hold ended (the first bound broken), when it ended before the video did. */
  readonly endedBecause?: string;
}

export interface Report {
  readonly exercise: string;
  /** The video or pose track analysed, when it came from a file. */
  readonly source?: string;
  /** How strictly form was judged (gentle, standard, strict). */
  readonly strictness: Strictness;
  readonly view: DetectedView;
  /** Seen front-on: facing the camera or with the back to it, when clear (view.ts). */
  readonly facing?: Facing;
  readonly durationSec: number;
  readonly repCount?: number;
  readonly reps?: readonly RepReport[];
  /** Excursions that were not counted (pulses, too quick, too small). */
  readonly partials?: readonly { readonly atSec: number; readonly reason: string }[];
  readonly holds?: readonly HoldReport[];
  readonly heldSeconds?: number;
  readonly circles?: { readonly clockwise: number; readonly anticlockwise: number };
  readonly steps?: number;
  readonly faults: readonly Fault[];
  /** Verdicts on the whole set (head bob over the circles, a hold's position); reps carry their own. */
  readonly verdicts?: readonly Verdict[];
  /**
   * How far the camera looked tilted sideways (deg, positive: the picture turned clockwise), read
   * while the person stood facing it (camera-tilt.ts); absent when never read so. Only for the
   * exercises judged by angles against the picture's level (squats, holds).
   */
  readonly cameraTiltDeg?: number;
  /** Checks that could not run, and why (wrong view, no feet from this model). */
  readonly notes: readonly string[];
}

/** Whether a report counted or timed anything at all (reps, hold time, circles, steps). */
export const countedAnything = (r: Report): boolean =>
  (r.repCount ?? 0) > 0 ||
  (r.heldSeconds ?? 0) > 0 ||
  (r.circles?.clockwise ?? 0) + (r.circles?.anticlockwise ?? 0) > 0 ||
  (r.steps ?? 0) > 0;
