import { median } from '../geometry/stats.ts';
import type { FrameFeatures } from './features.ts';

/** The start-position measurements form checks compare against (medians: one frame is too noisy). */
export interface Baseline {
  readonly kneeOverAnkleSeparation: number | undefined;
  readonly heelAboveToeShanks: number | undefined;
}

/** How far back before a rep the start position is looked for. */
export const BASELINE_WINDOW_MS = 3000;

/** Fewer start-position frames than this (a clip that starts mid-rep) give no baseline: checks skip. */
export const MIN_BASELINE_FRAMES = 8;

/** The median, or undefined when fewer than MIN_BASELINE_FRAMES values were seen. */
function steadyMedian(values: readonly (number | undefined)[]): number | undefined {
  const seen = values.filter((x) => x !== undefined && Number.isFinite(x)).length;
  return seen < MIN_BASELINE_FRAMES ? undefined : median(values);
}

/** Medians over the frames spent in the start position before `beforeMs`. */
export function baselineOf(restFrames: readonly FrameFeatures[], beforeMs: number): Baseline {
  const window = restFrames.filter(
    (f) => f.timestampMs <= beforeMs && beforeMs - f.timestampMs <= BASELINE_WINDOW_MS,
  );
  return {
    kneeOverAnkleSeparation: steadyMedian(window.map((f) => f.kneeOverAnkleSeparation)),
    heelAboveToeShanks: steadyMedian(window.map((f) => f.heelAboveToeShanks)),
  };
}
