import { COMPARED_CHECKS, type ComparedCheck, type RepMeasures } from './image-or-world.ts';
import type { FrameView } from '../engine/view.ts';

/**
 * How far a measure moves when the same rep is seen again with the model's errors drawn afresh
 * (`npm run eval -- --mirrored`: each clip mirrored left to right and tracked anew). A limit is
 * only as good as this: a rep whose value sits nearer its limit than the measure moves can be
 * judged either way on footage nobody tuned on.
 */

/** Two reps are the same rep when their bottoms are this close (s). */
export const SAME_REP_SEC = 0.3;

export interface Repeatability {
  readonly check: ComparedCheck;
  /** The view the engine saw the rep from, the first time. */
  readonly view: FrameView;
  /** |first − second| of each matched rep, in the picture and from the 3-D landmarks. */
  readonly image: readonly number[];
  readonly world: readonly number[];
}

/** One clip read twice: its judged reps each time. */
export interface ReadTwice {
  readonly first: readonly RepMeasures[];
  readonly second: readonly RepMeasures[];
}

/**
 * In each clip, pairs each rep of the first reading with the second reading's rep whose bottom is
 * nearest (within SAME_REP_SEC), and gathers how far each measure moved, by check and by the first
 * reading's view, over all the clips.
 */
export function repeatability(clips: readonly ReadTwice[]): Repeatability[] {
  const byKey = new Map<
    string,
    { check: ComparedCheck; view: FrameView; image: number[]; world: number[] }
  >();
  for (const { first, second } of clips)
    for (const a of first) {
      const b = nearest(a, second);
      if (b === undefined) continue;
      for (const check of COMPARED_CHECKS) {
        const x = a.byCheck[check];
        const y = b.byCheck[check];
        if (x === undefined || y === undefined) continue;
        const key = `${check}|${a.view}`;
        const entry = byKey.get(key) ?? { check, view: a.view, image: [], world: [] };
        if (x.image !== undefined && y.image !== undefined)
          entry.image.push(Math.abs(x.image - y.image));
        if (x.world !== undefined && y.world !== undefined)
          entry.world.push(Math.abs(x.world - y.world));
        byKey.set(key, entry);
      }
    }
  return [...byKey.values()].sort(
    (p, q) => p.check.localeCompare(q.check) || p.view.localeCompare(q.view),
  );
}

function nearest(rep: RepMeasures, reps: readonly RepMeasures[]): RepMeasures | undefined {
  let best: RepMeasures | undefined;
  for (const r of reps) {
    const gap = Math.abs(r.bottomSec - rep.bottomSec);
    if (
      gap <= SAME_REP_SEC &&
      (best === undefined || gap < Math.abs(best.bottomSec - rep.bottomSec))
    )
      best = r;
  }
  return best;
}

/** "2.1 / 5.9 (35)": the median and 90th percentile of the moves, and how many reps. */
export function describeMoves(moves: readonly number[], decimals: number): string {
  if (moves.length === 0) return '–';
  const s = [...moves].sort((a, b) => a - b);
  const at = (p: number) =>
    (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(decimals);
  return `${at(0.5)} / ${at(0.9)} (${s.length})`;
}
