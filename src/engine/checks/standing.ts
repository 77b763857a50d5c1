import { median } from '../../geometry/stats.ts';
import type { Side } from '../../pose/skeleton.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { heelAboveToe, kneeMedialOfFoot, segmentLength } from './measures.ts';

/**
 * The person standing in the start position just before a rep: the rulers and reference values the
 * checks compare the bottom against (medians; one frame is too noisy).
 */
export interface Standing {
  /** Image lengths (frame-height units) of the thigh and shank, vertical and so full length. */
  readonly thigh: Readonly<Record<Side, number | undefined>>;
  readonly shank: Readonly<Record<Side, number | undefined>>;
  readonly kneeMedialOfFoot: Readonly<Record<Side, number | undefined>>;
  readonly heelAboveToe: Readonly<Record<Side, number | undefined>>;
}

/** The thigh and shank rulers are this percentile of their image lengths while standing. */
const RULER_PERCENTILE = 0.9;

/** How long the start position must have been seen for a baseline (a clip that starts mid-rep has none). */
export const MIN_STANDING_MS = 300;

const bySide = <T>(f: (s: Side) => T): Record<Side, T> => ({ left: f('left'), right: f('right') });

/** The standing baseline from frames in the start position, or undefined if they span too little time. */
export function standingOf(frames: readonly AnalyzedFrame[]): Standing | undefined {
  const first = frames[0];
  const last = frames[frames.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (last.timestampMs - first.timestampMs < MIN_STANDING_MS) return undefined;
  const of = (f: (fr: AnalyzedFrame) => number | undefined) => median(frames.map(f));
  // A straight segment is at its longest in the image: a high percentile, not the median, so
  // frames already bending at the top of a continuous set do not shorten the ruler.
  const longest = (f: (fr: AnalyzedFrame) => number | undefined) => {
    const v = frames
      .map(f)
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    return v[Math.floor(RULER_PERCENTILE * (v.length - 1))];
  };
  return {
    thigh: bySide((s) => longest((fr) => segmentLength(fr.body, s, 'hip', 'knee'))),
    shank: bySide((s) => longest((fr) => segmentLength(fr.body, s, 'knee', 'ankle'))),
    kneeMedialOfFoot: bySide((s) => of((fr) => kneeMedialOfFoot(fr.body, s))),
    heelAboveToe: bySide((s) => of((fr) => heelAboveToe(fr.body, s))),
  };
}
