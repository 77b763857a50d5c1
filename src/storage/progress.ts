import type { SetRecord } from './set-record.ts';

/** One point per set, for the history plots. */
export interface ProgressPoint {
  readonly atMs: number;
  readonly reps: number;
  /** Share of reps with no tempo fault, 0-1 (undefined without reps, or without a tempo to keep). */
  readonly tempoAdherence: number | undefined;
  /** Warn-level faults per rep (undefined without reps). */
  readonly faultRate: number | undefined;
  readonly heldSeconds: number;
}

export function progressOf(sets: readonly SetRecord[], exerciseId: string): ProgressPoint[] {
  return sets
    .filter((s) => s.exerciseId === exerciseId)
    .sort((a, b) => a.startedAtMs - b.startedAtMs)
    .map((s) => {
      const n = s.reps.length;
      const warn = s.reps.reduce(
        (sum, r) => sum + r.faults.filter((f) => f.severity === 'warn').length,
        0,
      );
      return {
        atMs: s.startedAtMs,
        reps: n,
        tempoAdherence: tempoKept(s),
        faultRate: n === 0 ? undefined : warn / n,
        heldSeconds: s.heldSeconds,
      };
    });
}

/**
 * Share of a set's reps with no tempo fault, 0-1; undefined without reps, or without a prescribed
 * tempo (a squat's "all on tempo" would be a line at 1 that says nothing).
 */
export function tempoKept(s: SetRecord): number | undefined {
  const n = s.reps.length;
  if (n === 0 || s.prescription.kind !== 'reps' || s.prescription.tempo === undefined)
    return undefined;
  return s.reps.filter((r) => !r.faults.some((f) => f.code === 'tempo')).length / n;
}
