import { median } from '../geometry/stats.ts';
import type { PoseTrack } from '../pose/pose-track.ts';
import { analyzeTrack } from './analyze-track.ts';
import { Body } from './body.ts';
import { EXERCISES, findExercise } from './catalog.ts';
import { frameFeatures } from './features.ts';
import type { Report } from './report.ts';
import { followsTheHips, type SignalId } from './signals.ts';
import { SPLIT_STANCE_SHANKS } from './stance-features.ts';
import { viewOfFrame } from './view.ts';

/**
 * The median fore-aft distance between the ankles at the bottoms of the counted reps, in shanks:
 * from BlazePose's 3-D landmarks along the way the hips face (any view), else in the image: side on
 * their distance along it, from the front how much lower the front foot sits (nearer the camera;
 * weak: on the real front-view split squats it stayed under the line).
 */
function stanceSplitShanks(track: PoseTrack, report: Report): number | undefined {
  const perRep = (report.reps ?? []).map((rep) =>
    median(
      track.frames
        .filter((f) => Math.abs(f.timestampMs / 1000 - rep.bottomSec) <= 0.2)
        .map((f) => {
          if (f.pose === null) return undefined;
          const body = new Body(f.pose);
          const features = frameFeatures(body);
          // From the 3-D landmarks where the model gives them: the same from any view.
          if (features.feetForeAftShanks3d !== undefined) return features.feetForeAftShanks3d;
          const la = body.joint('left', 'ankle');
          const ra = body.joint('right', 'ankle');
          const shank = features.shankLength;
          if (!la || !ra || shank === undefined) return undefined;
          const view = viewOfFrame(features);
          const apart = view === 'front' ? Math.abs(la.y - ra.y) : Math.abs(la.x - ra.x);
          return view === 'unknown' ? undefined : apart / shank;
        }),
    ),
  );
  return median(perRep);
}

/**
 * A warning when the movement does not look like the exercise it is analysed as: no reps where
 * another exercise's counter finds several, or a squat with one knee bent far more than the other
 * (a lunge), or a lunge with both knees alike (a squat). Undefined when it looks right.
 */
export function movementMismatch(
  track: PoseTrack,
  exerciseId: string,
  report: Report,
): string | undefined {
  const exercise = findExercise(exerciseId);
  if (exercise.kind !== 'reps') return undefined;
  if ((report.repCount ?? 0) === 0) {
    for (const other of EXERCISES) {
      if (
        other.kind !== 'reps' ||
        other.id === exerciseId ||
        sameMovement(other.signal, exercise.signal)
      )
        continue;
      const n = analyzeTrack(track, other.id).repCount ?? 0;
      if (n >= 2)
        return `No ${exercise.name.toLowerCase()} reps found, but analysed as ${other.name.toLowerCase()} the video has ${n}: is the exercise right?`;
    }
    return undefined;
  }
  if (!followsTheHips(exercise.signal)) {
    // Calf raises and tibialis lifts keep the legs straight: squat reps in them mean a squat.
    const squats = analyzeTrack(track, 'squat').repCount ?? 0;
    return squats >= 2
      ? `The hips go down and up ${squats} time${squats === 1 ? '' : 's'} as in a squat; a ${exercise.name.toLowerCase()} keeps the legs straight: is the exercise right?`
      : undefined;
  }
  const split = stanceSplitShanks(track, report);
  if (split === undefined) return undefined;
  if (exercise.id === 'squat' && split > SPLIT_STANCE_SHANKS)
    return 'This looks like a lunge or split squat (one foot well ahead of the other), not a squat.';
  if (exercise.id === 'lunge' && split < SPLIT_STANCE_SHANKS)
    return 'This looks like a squat (the feet side by side at the bottom), not a lunge.';
  return undefined;
}

/** Two signals that follow the same movement (both the hips): analysing as the other tells nothing. */
function sameMovement(a: SignalId, b: SignalId): boolean {
  return a === b || (followsTheHips(a) && followsTheHips(b));
}
