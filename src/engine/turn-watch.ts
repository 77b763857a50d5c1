import { median } from '../geometry/stats.ts';

/**
 * How far the body must turn to be a turn, deg: the width of one view (facing the camera under 30°,
 * side on from 60°: view.ts). Inside one set of real calf raises, as filmed and mirrored, the
 * body's turn at the top of a raise differs from just before it by 12° at most (median over 0.3 s
 * each); a real turn from 3/4 to side on is 30-50°.
 */
export const TURNED_DEG = 30;
/** Each reading of the turn is the median over this long (ms): one frame's far hip is a guess. */
const WINDOW_MS = 300;
/** The turn now is held against the turn this long before (ms): a person turns round in about 1 s. */
const APART_MS = 1000;

/**
 * Whether the person has just turned by a view's width, from the body's turn against the camera
 * (view.ts, `turnFromCameraDeg`: BlazePose's 3-D hips and shoulders). The median over the last
 * 0.3 s against the median over 0.3 s a second earlier; after a turn it starts afresh, so one
 * turn is one. Frames without the turn (no 3-D landmarks, the hips and shoulders out of the
 * picture) are skipped. Only for a model that reads the turn steadily (model-catalog.ts,
 * `readsTheTurn`): BlazePose lite's readings side on jump by 50° from frame to frame.
 */
export class TurnWatch {
  private readonly seen: { readonly atMs: number; readonly deg: number }[] = [];

  /** Reads one frame; true on the frame the turn is seen. */
  push(atMs: number, turnDeg: number | undefined): boolean {
    if (turnDeg === undefined) return false;
    this.seen.push({ atMs, deg: turnDeg });
    while ((this.seen[0]?.atMs ?? atMs) < atMs - APART_MS - WINDOW_MS) this.seen.shift();
    const now = this.medianBetween(atMs - WINDOW_MS, atMs);
    const before = this.medianBetween(atMs - APART_MS - WINDOW_MS, atMs - APART_MS);
    if (now === undefined || before === undefined || Math.abs(now - before) < TURNED_DEG)
      return false;
    this.seen.length = 0;
    return true;
  }

  /** Forget what was seen (the person left the picture). */
  reset(): void {
    this.seen.length = 0;
  }

  /** The median turn of the readings between two times, if there are two or more. */
  private medianBetween(fromMs: number, toMs: number): number | undefined {
    const degs = this.seen.filter((s) => s.atMs >= fromMs && s.atMs <= toMs).map((s) => s.deg);
    return degs.length >= 2 ? median(degs) : undefined;
  }
}
