import type { PoseTrack } from '../pose/pose-track.ts';
import { analyzeTrack } from './analyze-track.ts';
import { EXERCISES, findExercise } from './catalog.ts';
import type { Report } from './report.ts';
import { followsTheHips, type SignalId } from './signals.ts';
import { stanceMismatch } from './stance-split.ts';

/**
 * A warning when the movement does not look like the exercise it is analysed as: no reps where
 * another exercise's counter finds several, squat reps in a calf raise, or a squat done with one
 * foot ahead of the other (a lunge) or a lunge with the feet side by side (a squat:
 * stance-split.ts). Undefined when it looks right.
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
  // The engine's own report says this too (its notes); the command line also warns with it.
  return stanceMismatch(
    exercise.id,
    (report.reps ?? []).map((r) => r.footAheadShanks),
  );
}

/** Two signals that follow the same movement (both the hips): analysing as the other tells nothing. */
function sameMovement(a: SignalId, b: SignalId): boolean {
  return a === b || (followsTheHips(a) && followsTheHips(b));
}
