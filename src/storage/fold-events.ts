import type { EngineEvent } from '../engine/engine-event.ts';
import type { Report } from '../engine/report.ts';
import type { SetRecord } from './set-record.ts';

/** Circles and steps as the engine counts them right now (events carry only the new count). */
export interface Tallies {
  readonly circles: SetRecord['circles'];
  readonly steps: number;
}

/**
 * Folds one batch of engine events into the set's record: reps (with their faults), holds,
 * circles and steps, and faults that belong to no rep (head bob). Pure; `changed` says whether the
 * record should be written again.
 */
export function foldEvents(
  record: SetRecord,
  events: readonly EngineEvent[],
  tallies: Tallies,
): { record: SetRecord; changed: boolean } {
  let r = record;
  let changed = false;
  for (const e of events) {
    if (e.type === 'rep') {
      r = { ...r, reps: [...r.reps, e.rep], faults: [...r.faults, ...e.rep.faults] };
      changed = true;
    } else if (e.type === 'hold-end') {
      r = { ...r, holds: [...r.holds, e.hold], heldSeconds: r.heldSeconds + e.hold.seconds };
      changed = true;
    } else if (e.type === 'circle' || e.type === 'step') {
      r = { ...r, circles: { ...tallies.circles }, steps: tallies.steps };
      changed = true;
    } else if (e.type === 'fault' && e.fault.rep === undefined) {
      r = { ...r, faults: [...r.faults, e.fault] };
      changed = true;
    }
  }
  return { record: r, changed };
}

/**
 * The record when its set ends: completed, with the report's final holds and its notes after the
 * notes kept during the set (someone else came into view).
 */
export function completeRecord(record: SetRecord, report: Report): SetRecord {
  return {
    ...record,
    completed: true,
    holds: report.holds ?? record.holds,
    heldSeconds: report.heldSeconds ?? record.heldSeconds,
    ...notesOf(record, report),
  };
}

/** The record of a whole recorded video, from its report. */
export function videoRecord(record: SetRecord, report: Report): SetRecord {
  return {
    ...record,
    completed: true,
    reps: report.reps ?? [],
    holds: report.holds ?? [],
    heldSeconds: report.heldSeconds ?? 0,
    circles: report.circles ?? record.circles,
    steps: report.steps ?? 0,
    faults: report.faults,
    ...notesOf(record, report),
  };
}

/** The notes kept during the set (someone else came into view), then the report's, each once. */
function notesOf(record: SetRecord, report: Report): Pick<SetRecord, 'notes'> {
  const notes = [...new Set([...(record.notes ?? []), ...report.notes])];
  return notes.length === 0 ? {} : { notes };
}
