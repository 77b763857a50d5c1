import { round2 } from '../../geometry/stats.ts';
import { minHipKneeGap } from '../features.ts';
import type { RepReport } from '../report.ts';
import { footAheadShanks } from '../stance-split.ts';
import { depthAtBottom } from './depth.ts';
import { aroundPeak, medianOver, type RepContext } from './rep-context.ts';

/** Where the feet stand is read within this of the bottom (ms). */
const STANCE_WINDOW_MS = 200;

/**
 * How deep a squat or lunge went, as its record keeps it (history, the report, `formcheck
 * analyze`): the thigh's angle above level as the depth check measures it, the knee angle and the
 * hips' height above the knees on the bottom frame, and how far one foot stood ahead of the other
 * (over 0.6 shank a split stance: stance-split.ts). Null where a measure was not seen.
 */
export function depthRecord(
  ctx: RepContext,
): Required<Pick<RepReport, 'depth' | 'footAheadShanks'>> {
  const peak = ctx.frames.find((f) => f.timestampMs === ctx.rep.peakMs)?.features;
  const footAhead = medianOver(aroundPeak(ctx, STANCE_WINDOW_MS), (f) =>
    footAheadShanks(f.body, f.features),
  );
  const gap = peak === undefined ? undefined : minHipKneeGap(peak);
  const thigh = depthAtBottom(ctx);
  return {
    depth: {
      thighAboveLevelDeg: thigh === undefined ? null : Math.round(thigh),
      kneeAngleDeg: peak?.minKneeAngleDeg === undefined ? null : Math.round(peak.minKneeAngleDeg),
      belowParallel: thigh !== undefined && thigh <= 0,
      hipAboveKneeShanks: gap === undefined ? null : round2(gap),
    },
    footAheadShanks: footAhead === undefined ? null : round2(footAhead),
  };
}
