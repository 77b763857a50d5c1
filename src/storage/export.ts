import type { SetRecord } from './set-record.ts';

const CSV_COLUMNS = [
  'date',
  'session',
  'exercise',
  'set',
  'kind',
  'index',
  'start_s',
  'end_s',
  'down_s',
  'bottom_s',
  'up_s',
  'top_s',
  'thigh_above_level_deg',
  'knee_angle_deg',
  'below_parallel',
  'hold_s',
  'hips_moved_shank',
  'circles_clockwise',
  'circles_anticlockwise',
  'steps',
  'faults',
] as const;

function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns a row of one kind leaves empty, between the set's identity and its faults. */
const EMPTY = (n: number): undefined[] => Array<undefined>(n).fill(undefined);

/**
 * One row per rep (with its tempo phases and faults), one per hold (with how far the hips moved
 * from where it settled, and the faults found during it), one per set of circles (both ways) and of
 * a walk (its steps), and one for a set with nothing counted or with faults of its own: every set
 * and fault is in the file (circles and walks had no row at all, nor a set's bouncing).
 */
export function historyToCsv(sets: readonly SetRecord[]): string {
  const rows: (string | number | boolean | null | undefined)[][] = [];
  for (const s of sets) {
    const date = new Date(s.startedAtMs).toISOString();
    for (const r of s.reps) {
      rows.push([
        date,
        s.sessionId,
        s.exerciseId,
        s.set,
        'rep',
        r.index,
        r.startSec,
        r.endSec,
        r.phases.downSec,
        r.phases.bottomSec,
        r.phases.upSec,
        r.phases.topSec,
        r.depth?.thighAboveLevelDeg,
        r.depth?.kneeAngleDeg,
        r.depth?.belowParallel,
        ...EMPTY(5),
        r.faults.map((f) => f.code).join(';'),
      ]);
    }
    s.holds.forEach((h, i) => {
      rows.push([
        date,
        s.sessionId,
        s.exerciseId,
        s.set,
        'hold',
        i + 1,
        h.startSec,
        h.endSec,
        ...EMPTY(7),
        h.seconds,
        // How far the hips moved from where the hold settled (hold-position.ts), when judged.
        h.driftShanks,
        ...EMPTY(3),
        s.faults
          .filter((f) => f.rep === undefined && f.atSec >= h.startSec && f.atSec <= h.endSec)
          .map((f) => f.code)
          .join(';'),
      ]);
    });
    // Faults of the set itself (bouncing between reps, a head that bobbed over the circles), but
    // those already on a hold's row.
    const inAHold = (atSec: number) =>
      s.holds.some((h) => atSec >= h.startSec && atSec <= h.endSec);
    const loose = s.faults.filter((f) => f.rep === undefined && !inAHold(f.atSec));
    const setFaults = loose.map((f) => f.code).join(';');
    const kind = s.prescription.kind;
    if (kind === 'circles' || kind === 'walk') {
      const circles = kind === 'circles' ? s.circles : undefined;
      rows.push([
        date,
        s.sessionId,
        s.exerciseId,
        s.set,
        kind,
        undefined,
        ...EMPTY(11),
        circles?.clockwise,
        circles?.anticlockwise,
        kind === 'walk' ? s.steps : undefined,
        setFaults,
      ]);
    } else if ((s.reps.length === 0 && s.holds.length === 0) || loose.length > 0) {
      rows.push([date, s.sessionId, s.exerciseId, s.set, 'set', ...EMPTY(15), setFaults]);
    }
  }
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

export function historyToJson(sets: readonly SetRecord[]): string {
  return JSON.stringify({ format: 'formcheck-history', version: 1, sets }, null, 2);
}
