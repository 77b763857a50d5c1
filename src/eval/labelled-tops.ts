import type { RepReport } from '../engine/report.ts';

/**
 * A labelled top of a calf raise (labels.json `topsSec`: when the heels were up, as the labeller
 * saw it) against the top the engine timed for the counted rep there.
 */
export interface TopAgainstLabel {
  /** The labelled top: from, to (s). */
  readonly labelled: readonly [number, number];
  /** The counted rep whose top lies in it (or nearest it, within a second), if any. */
  readonly rep?: number;
  /** That rep's top as timed (s); undefined where no rep matched or its top was not timed. */
  readonly timedSec?: number;
}

/** A counted rep's top is matched to a labelled one this far outside it at most (s). */
const MATCH_SEC = 1;

/**
 * Each labelled top against the counted rep whose top (`bottomSec`, the far end) lies in it, or
 * nearest it within {@link MATCH_SEC}; a rep is matched to one labelled top at most.
 */
export function topsAgainstLabels(
  tops: readonly (readonly [number, number])[],
  reps: readonly RepReport[],
): TopAgainstLabel[] {
  const used = new Set<number>();
  return tops.map(([from, to]) => {
    const outside = (r: RepReport) => Math.max(0, from - r.bottomSec, r.bottomSec - to);
    const rep = reps
      .filter((r) => !used.has(r.index) && outside(r) <= MATCH_SEC)
      .sort((a, b) => outside(a) - outside(b))[0];
    if (rep === undefined) return { labelled: [from, to] };
    used.add(rep.index);
    const timedSec = rep.phases.topSec;
    return {
      labelled: [from, to],
      rep: rep.index,
      ...(timedSec === undefined ? {} : { timedSec }),
    };
  });
}

/** "0.7 / 0.6 s": the top as timed against as labelled ("–" where not timed). */
export function describeTop(t: TopAgainstLabel): string {
  const labelledSec = t.labelled[1] - t.labelled[0];
  const timed = t.timedSec === undefined ? '–' : t.timedSec.toFixed(1);
  return `${timed} / ${labelledSec.toFixed(1)} s`;
}
