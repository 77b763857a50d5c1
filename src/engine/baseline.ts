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

function median(values: readonly (number | undefined)[]): number | undefined {
  const v = values
    .filter((x): x is number => x !== undefined && Number.isFinite(x))
    .sort((a, b) => a - b);
  return v.length < MIN_BASELINE_FRAMES ? undefined : v[Math.floor(v.length / 2)];
}

/** Medians over the frames spent in the start position before `beforeMs`. */
export function baselineOf(restFrames: readonly FrameFeatures[], beforeMs: number): Baseline {
  const window = restFrames.filter(
    (f) => f.timestampMs <= beforeMs && beforeMs - f.timestampMs <= BASELINE_WINDOW_MS,
  );
  return {
    kneeOverAnkleSeparation: median(window.map((f) => f.kneeOverAnkleSeparation)),
    heelAboveToeShanks: median(window.map((f) => f.heelAboveToeShanks)),
  };
}
