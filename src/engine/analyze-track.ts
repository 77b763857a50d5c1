import type { PoseTrack } from '../pose/pose-track.ts';
import { findExercise, type Prescription } from './catalog.ts';
import { ExerciseAnalyzer } from './analyzer.ts';
import type { Report } from './report.ts';

/** Models without heel and toe points (MoveNet). */
const FEETLESS_MODELS = /movenet/i;

/** Runs one exercise's analyzer over a whole pose track: the offline path (CLI, eval, tests, uploaded videos). */
export function analyzeTrack(
  track: PoseTrack,
  exerciseId: string,
  prescription?: Prescription,
): Report {
  const exercise = findExercise(exerciseId);
  const analyzer = new ExerciseAnalyzer(
    exercise,
    prescription ?? exercise.prescription,
    !FEETLESS_MODELS.test(track.model),
  );
  for (const frame of track.frames) analyzer.push(frame.pose, frame.timestampMs);
  return analyzer.finish();
}
