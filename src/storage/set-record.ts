import type { Strictness } from '../engine/checks/thresholds.ts';
import type { Prescription } from '../engine/exercise-def.ts';
import type { FormCheckLine } from '../engine/form-check.ts';
import type { Fault } from '../engine/faults.ts';
import type { HoldReport, RepReport } from '../engine/report.ts';
import type { ModelId } from '../pose/model-catalog.ts';

/** One set as stored: updated after every rep or hold, so a crash loses at most the rep in progress. */
export interface SetRecord {
  /** `${sessionId}:${set}` */
  readonly id: string;
  readonly sessionId: string;
  readonly set: number;
  readonly exerciseId: string;
  readonly exerciseName: string;
  readonly prescription: Prescription;
  /** Wall-clock start, ms since the epoch. */
  readonly startedAtMs: number;
  readonly completed: boolean;
  readonly reps: readonly RepReport[];
  readonly holds: readonly HoldReport[];
  readonly heldSeconds: number;
  readonly circles: { readonly clockwise: number; readonly anticlockwise: number };
  readonly steps: number;
  readonly faults: readonly Fault[];
  readonly source: 'camera' | 'video';
  readonly strictness?: Strictness;
  /**
   * The pose model whose points the set was judged on (a check's limits allow for how it reads a
   * joint: checks/heel-lift.ts); absent in sets kept before it was recorded.
   */
  readonly poseModel?: ModelId;
  /** The routine this set was part of, when it was. */
  readonly routine?: string;
  /** What the engine said about the set as a whole (why nothing was counted, a view to change). */
  readonly notes?: readonly string[];
  /** A form check rather than a counted set: its verdict lines (stills only when kept). */
  readonly formCheck?: readonly StoredFormCheckLine[];
}

/** A form-check verdict line as kept: the engine's line, with its still if the person saved it. */
export type StoredFormCheckLine = FormCheckLine & {
  /** PNG data URL of the worst moment (kept only when the person chose to save it). */
  readonly still?: string;
};

/**
 * What the set summary says about the set as a whole: the engine's notes, then each fault that
 * belongs to no rep (bouncing too small to count, a head that bobbed over the circles), once.
 */
export function setNotes(record: SetRecord): string[] {
  const loose = record.faults.filter((f) => f.rep === undefined).map((f) => f.message);
  return [...new Set([...(record.notes ?? []), ...loose])];
}

/**
 * What a set counted, short, in the set's own measure ("12 reps", "31.0 s held", "11 clockwise,
 * 9 anticlockwise", "24 steps"), or that nothing was: a squat set with no rep read "0 circles" in
 * the session's report.
 */
export function countedInSet(record: SetRecord): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (record.prescription.kind) {
    case 'reps':
      return record.reps.length > 0 ? plural(record.reps.length, 'rep') : 'nothing counted';
    case 'hold':
      return record.heldSeconds > 0 ? `${record.heldSeconds.toFixed(1)} s held` : 'nothing held';
    case 'circles': {
      const { clockwise, anticlockwise } = record.circles;
      return clockwise + anticlockwise > 0
        ? `${clockwise} clockwise, ${anticlockwise} anticlockwise`
        : 'nothing counted';
    }
    case 'walk':
      return record.steps > 0 ? plural(record.steps, 'step') : 'nothing counted';
  }
}

/** Sets of one session in the order they were done (a routine has a set 1 of each exercise). */
export const inSessionOrder = (a: SetRecord, b: SetRecord): number =>
  a.startedAtMs - b.startedAtMs || a.set - b.set;

/** What names a set; everything it counts starts empty. */
export type SetIdentity = Pick<
  SetRecord,
  | 'id'
  | 'sessionId'
  | 'set'
  | 'exerciseId'
  | 'exerciseName'
  | 'prescription'
  | 'startedAtMs'
  | 'source'
> &
  Pick<Partial<SetRecord>, 'strictness' | 'poseModel' | 'routine'>;

/** A set that has just started: nothing counted, not completed. */
export function newSetRecord(identity: SetIdentity): SetRecord {
  return {
    ...identity,
    completed: false,
    reps: [],
    holds: [],
    heldSeconds: 0,
    circles: { clockwise: 0, anticlockwise: 0 },
    steps: 0,
    faults: [],
  };
}

/**
 * A form check in several parts (a squat: facing the camera, then side on) kept as one record: the
 * first part's name and start, every part's reps numbered on from the part before (their times are
 * already on one clock), faults and notes of all.
 */
export function joinParts(parts: readonly SetRecord[]): SetRecord {
  const [first] = parts;
  if (first === undefined) throw new Error('A form check with no parts');
  const reps: RepReport[] = [];
  const faults: Fault[] = [];
  for (const part of parts) {
    const before = reps.length;
    reps.push(
      ...part.reps.map((r) => ({
        ...r,
        index: r.index + before,
        faults: r.faults.map((f) => renumbered(f, before)),
      })),
    );
    faults.push(...part.faults.map((f) => renumbered(f, before)));
  }
  const notes = [...new Set(parts.flatMap((p) => p.notes ?? []))];
  return {
    ...first,
    completed: parts.every((p) => p.completed),
    reps,
    faults,
    holds: parts.flatMap((p) => p.holds),
    heldSeconds: parts.reduce((a, p) => a + p.heldSeconds, 0),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

const renumbered = (f: Fault, before: number): Fault =>
  f.rep === undefined ? f : { ...f, rep: f.rep + before };
