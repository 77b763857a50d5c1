import { median } from '../geometry/stats.ts';
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
  /**
   * How deep the set's squats went: the median over its reps of the thighs' angle below level at
   * the bottom (degrees; negative above level, checks/depth.ts). Undefined where no rep was judged
   * for squat depth (calf raises, lunges, holds).
   */
  readonly depthBelowLevelDeg: number | undefined;
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
        depthBelowLevelDeg: depthOf(s),
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

function depthOf(s: SetRecord): number | undefined {
  // Reps judged by the squat's depth check: a lunge's depth is its front knee's angle, and its
  // thighs are not held to level (form-checks.md).
  const squats = s.reps.filter((r) => r.verdicts.some((v) => v.check === 'depth'));
  const below = median(
    squats.map((r) => {
      const above = r.depth?.thighAboveLevelDeg;
      return above === undefined || above === null ? undefined : -above;
    }),
  );
  return below === undefined ? undefined : Math.round(below);
}

/** What the history and the report plot per exercise, each a series over the sets. */
export const PROGRESS_SERIES: readonly {
  readonly title: string;
  readonly unit: string;
  readonly pick: (p: ProgressPoint) => number | undefined;
  /** What a value of zero means, where the values can go below it. */
  readonly zeroMeans?: string;
  /** A value in words, where its sign means a side ("6° above" for −6 of "thighs below level"). */
  readonly valueText?: (v: number) => string;
}[] = [
  { title: 'reps per set', unit: 'reps', pick: (p) => p.reps },
  { title: 'tempo adherence', unit: 'share', pick: (p) => p.tempoAdherence },
  { title: 'faults per rep', unit: 'per rep', pick: (p) => p.faultRate },
  { title: 'hold time', unit: 's', pick: (p) => p.heldSeconds },
  {
    title: 'depth: thighs below level',
    unit: '°',
    pick: (p) => p.depthBelowLevelDeg,
    zeroMeans: 'thighs level',
    valueText: (v) => (v > 0 ? `${v}° below` : v < 0 ? `${-v}° above` : 'level'),
  },
];

/**
 * A series' points over time, or none when it has nothing to show (every value 0 or missing; a
 * depth is below 0 for squats that stop above level, so any value other than 0 counts).
 */
export function seriesPoints(
  points: readonly ProgressPoint[],
  pick: (p: ProgressPoint) => number | undefined,
): { x: number; y: number }[] {
  const data = points.flatMap((p) => {
    const y = pick(p);
    return y === undefined ? [] : [{ x: p.atMs, y }];
  });
  return data.some((d) => d.y !== 0) ? data : [];
}
