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
  'faults',
] as const;

function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per rep (with its tempo phases and faults) and one per hold (with how far the hips moved
 * from where it settled, and the faults found during it).
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
        undefined,
        undefined,
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
        ...Array<undefined>(7).fill(undefined),
        h.seconds,
        // How far the hips moved from where the hold settled (hold-position.ts), when judged.
        h.driftShanks,
        s.faults
          .filter((f) => f.rep === undefined && f.atSec >= h.startSec && f.atSec <= h.endSec)
          .map((f) => f.code)
          .join(';'),
      ]);
    });
  }
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

export function historyToJson(sets: readonly SetRecord[]): string {
  return JSON.stringify({ format: 'formcheck-history', version: 1, sets }, null, 2);
}
