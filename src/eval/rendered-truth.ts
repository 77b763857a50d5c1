import { LIMITS, type Strictness } from '../engine/checks/thresholds.ts';
import type { ClipLabel } from './score.ts';

/**
 * The exact truth of a rendered clip (../shared/data/rendered/<clip>.gt.json: one rigged character
 * posed bone by bone), turned into the labels the eval scores real clips by. Only the parts used
 * here are typed. World points are metres, y up.
 */
export interface RenderedGroundTruth {
  readonly clip: string;
  /** squat, squat_heels_lift, calf_raise, knee_circles, knee_circles_headbob, standing. */
  readonly motion: string;
  readonly view: string;
  readonly reps?: number | null;
  readonly modelInfo: { readonly heightM: number };
  readonly frames: readonly {
    readonly t: number;
    readonly labels: {
      readonly depth?: number;
      readonly heelTargetCm?: number;
      readonly circle?: number | null;
    };
    readonly kp: Readonly<Record<string, { readonly world: readonly [number, number, number] }>>;
    /** Exact per-frame measures; the heels' heights above the floor (cm). */
    readonly scalars?: {
      readonly leftHeelHeightCm?: number;
      readonly rightHeelHeightCm?: number;
    };
  }[];
}

/** The exercise each rendered motion is analysed as (standing: a squat set with no rep in it). */
const EXERCISE_OF: Readonly<Record<string, string>> = {
  squat: 'squat',
  squat_heels_lift: 'squat',
  standing: 'squat',
  calf_raise: 'calf-raise',
  knee_circles: 'knee-circles',
  knee_circles_headbob: 'knee-circles',
};

/** The bottom of a squat: the frames within this share of the deepest point. */
const BOTTOM_DEPTH = 0.9;
/** A heel this far off the floor has left it (cm): the render is exact, so any lift counts. */
const HEEL_OFF_FLOOR_CM = 1;

type Frame = RenderedGroundTruth['frames'][number];
const world = (f: Frame, name: string) => f.kp[name]?.world;

/** The thigh's angle above level (deg), the mean of the two legs, from the exact 3-D joints. */
function thighAboveLevelDeg(f: Frame): number | undefined {
  const sides = (['left', 'right'] as const).flatMap((side) => {
    const hip = world(f, `${side}_hip`);
    const knee = world(f, `${side}_knee`);
    if (!hip || !knee) return [];
    const length = Math.hypot(hip[0] - knee[0], hip[1] - knee[1], hip[2] - knee[2]);
    return length > 0 ? [(Math.asin((hip[1] - knee[1]) / length) * 180) / Math.PI] : [];
  });
  return sides.length === 0 ? undefined : sides.reduce((a, b) => a + b, 0) / sides.length;
}

/** The largest vertical range of the nose over one circle, over stature. */
function headRangeOverStature(gt: RenderedGroundTruth): number {
  const byCircle = new Map<number, number[]>();
  for (const f of gt.frames) {
    const circle = f.labels.circle;
    const nose = world(f, 'nose');
    if (circle === undefined || circle === null || !nose) continue;
    byCircle.set(circle, [...(byCircle.get(circle) ?? []), nose[1]]);
  }
  const ranges = [...byCircle.values()].map((ys) => Math.max(...ys) - Math.min(...ys));
  return ranges.length === 0 ? 0 : Math.max(...ranges) / gt.modelInfo.heightM;
}

/**
 * The clip's labels from its truth, judged at `strictness`: shallow depth when the thighs stop
 * above the depth limit, heel lift when a heel leaves the floor at the bottom (the fault's
 * definition: any lift), head bob when the nose's range over a circle passes the head-bob limit.
 * The question each answers: does the model's reading land on the same side of the limit as the
 * exact truth?
 */
export function renderedLabel(gt: RenderedGroundTruth, strictness: Strictness): ClipLabel {
  const exercise = EXERCISE_OF[gt.motion] ?? gt.motion;
  const faults: string[] = [];
  const circles = gt.frames.flatMap((f) =>
    typeof f.labels.circle === 'number' ? [f.labels.circle] : [],
  );
  if (exercise === 'squat' && gt.motion !== 'standing') {
    const deepest = Math.max(...gt.frames.map((f) => f.labels.depth ?? 0));
    const bottom = gt.frames.filter((f) => (f.labels.depth ?? 0) >= BOTTOM_DEPTH * deepest);
    const thighs = bottom.flatMap((f) => thighAboveLevelDeg(f) ?? []);
    if (thighs.length > 0 && Math.min(...thighs) > LIMITS.thighAboveLevelDeg[strictness])
      faults.push('shallow-depth');
    if (bottom.some((f) => (f.labels.heelTargetCm ?? 0) > HEEL_OFF_FLOOR_CM))
      faults.push('heel-lift');
  }
  if (exercise === 'knee-circles' && headRangeOverStature(gt) > LIMITS.headBobHeights[strictness])
    faults.push('head-bob');
  return {
    file: gt.clip,
    exercise,
    view: gt.view,
    ...(exercise === 'knee-circles' ? {} : { reps: gt.reps ?? 0 }),
    faults: faults.sort(),
    ...(circles.length === 0 ? {} : { circles: Math.max(...circles) }),
  };
}
