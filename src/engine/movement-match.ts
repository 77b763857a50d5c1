import type { PoseTrack } from '../pose/pose-track.ts';
import { analyzeTrack } from './analyze-track.ts';
import { EXERCISES, findExercise } from './catalog.ts';
import { countedAnything, type Report } from './report.ts';
import { followsTheHips, type SignalId } from './signals.ts';
import { stanceMismatch } from './stance-split.ts';

/**
 * A warning when the movement does not look like the exercise it is analysed as: nothing counted
 * (no reps, no hold, no circle, no step) where a rep exercise's counter finds several reps, squat
 * reps in a calf raise, or a squat done with one foot ahead of the other (a lunge) or a lunge with
 * the feet side by side (a squat: stance-split.ts). Undefined when it looks right.
 */
export function movementMismatch(
  track: PoseTrack,
  exerciseId: string,
  report: Report,
): string | undefined {
  const exercise = findExercise(exerciseId);
  if (exercise.kind !== 'reps') {
    if (countedAnything(report)) return undefined;
    const found = repsAsAnother(track, exerciseId);
    return found === undefined
      ? undefined
      : `Nothing was counted as ${exercise.name.toLowerCase()}, but analysed as ${found.name} the video has ${found.reps} reps: is the exercise right?`;
  }
  if ((report.repCount ?? 0) === 0) {
    const found = repsAsAnother(track, exerciseId, exercise.signal);
    return found === undefined
      ? undefined
      : `No ${exercise.name.toLowerCase()} reps found, but analysed as ${found.name} the video has ${found.reps}: is the exercise right?`;
  }
  if (!followsTheHips(exercise.signal)) {
    // Calf raises and tibialis lifts keep the legs straight: squat reps in them mean a squat.
    const squats = analyzeTrack(track, 'squat').repCount ?? 0;
    return squats >= 2
      ? `The hips go down and up ${squats} time${squats === 1 ? '' : 's'} as in a squat; a ${exercise.name.toLowerCase()} keeps the legs straight: is the exercise right?`
      : undefined;
  }
  // The engine's own report says this too (its notes); the command line also warns with it.
  return stanceMismatch(
    exercise.id,
    (report.reps ?? []).map((r) => r.footAheadShanks),
  );
}

/**
 * The first rep exercise (other than `exerciseId`, and following another movement than `signal`)
 * whose counter finds two or more reps in the track: its name (lower case) and the reps.
 */
function repsAsAnother(
  track: PoseTrack,
  exerciseId: string,
  signal?: SignalId,
): { readonly name: string; readonly reps: number } | undefined {
  for (const other of EXERCISES) {
    if (other.kind !== 'reps' || other.id === exerciseId) continue;
    if (signal !== undefined && sameMovement(other.signal, signal)) continue;
    const reps = analyzeTrack(track, other.id).repCount ?? 0;
    if (reps >= 2) return { name: other.name.toLowerCase(), reps };
  }
  return undefined;
}

/** Two signals that follow the same movement (both the hips): analysing as the other tells nothing. */
function sameMovement(a: SignalId, b: SignalId): boolean {
  return a === b || (followsTheHips(a) && followsTheHips(b));
}
