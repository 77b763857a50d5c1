import type { RepsExercise } from '../engine/exercise-def.ts';
import { phasesInWords, type PhasesInWords } from '../engine/phases.ts';
import { RepCounter } from '../engine/rep-counter.ts';
import type { RepReport } from '../engine/report.ts';
import type { RenderedGroundTruth } from './rendered-truth.ts';

type Frame = RenderedGroundTruth['frames'][number];

/** The shank's exact length (cm), knee to ankle in 3-D, mean of the legs. */
function shankCm(f: Frame): number | undefined {
  const lengths = (['left', 'right'] as const).flatMap((side) => {
    const knee = f.kp[`${side}_knee`]?.world;
    const ankle = f.kp[`${side}_ankle`]?.world;
    return knee && ankle
      ? [100 * Math.hypot(knee[0] - ankle[0], knee[1] - ankle[1], knee[2] - ankle[2])]
      : [];
  });
  return lengths.length === 0 ? undefined : lengths.reduce((a, b) => a + b, 0) / lengths.length;
}

/** The heels' exact height above the floor (cm), mean of the two. */
function heelCm(f: Frame): number | undefined {
  const s = f.scalars;
  return s?.leftHeelHeightCm === undefined || s.rightHeelHeightCm === undefined
    ? undefined
    : (s.leftHeelHeightCm + s.rightHeelHeightCm) / 2;
}

/**
 * Each rendered raise's phases as the engine's own counter times them on the exact heel height (in
 * shank lengths, as the engine's heel signal is): the truth of the phases as the engine defines
 * them (the top is the last 15 % of the rise, and so on: rep-counter.ts), for the tempo the engine
 * reads from BlazePose's keypoints to be held to. With each rep's peak time (s).
 */
export function truePhases(
  gt: RenderedGroundTruth,
  exercise: RepsExercise,
): { readonly peakSec: number; readonly phases: PhasesInWords }[] {
  const shank = gt.frames.map(shankCm).find((v) => v !== undefined);
  if (shank === undefined) return [];
  const counter = new RepCounter(exercise.counter);
  const first = gt.frames.map(heelCm).find((v) => v !== undefined);
  if (first !== undefined) counter.calibrate(first / shank);
  const reps = gt.frames.flatMap((f) => {
    const heel = heelCm(f);
    if (heel === undefined) return [];
    return counter.push({ timestampMs: f.t * 1000, value: heel / shank });
  });
  return reps.flatMap((e) =>
    e.type === 'rep'
      ? [{ peakSec: e.rep.peakMs / 1000, phases: phasesInWords(e.rep.phases, exercise.awayWord) }]
      : [],
  );
}

/** "up 0.5 / 0.7 s": the engine's time of a phase against the truth's ("–" where one is missing). */
function against(engine: number | undefined, truth: number | undefined): string {
  const s = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));
  return `${s(engine)} / ${s(truth)} s`;
}

/**
 * One line per rep of a rendered raise: the engine's phases against the truth's, matched by the
 * nearest peak (within a second).
 */
export function tempoAgainstTruth(
  reps: readonly RepReport[],
  truth: ReturnType<typeof truePhases>,
): string[] {
  return reps.map((rep) => {
    const near = truth
      .filter((t) => Math.abs(t.peakSec - rep.bottomSec) <= 1)
      .sort((a, b) => Math.abs(a.peakSec - rep.bottomSec) - Math.abs(b.peakSec - rep.bottomSec))[0];
    const p = rep.phases;
    const q = near?.phases ?? {};
    return `rep ${rep.index} at ${rep.bottomSec.toFixed(1)} s: up ${against(p.upSec, q.upSec)}, top ${against(p.topSec, q.topSec)}, down ${against(p.downSec, q.downSec)}`;
  });
}
