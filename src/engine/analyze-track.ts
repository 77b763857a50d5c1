import { MODEL_IDS, MODELS, type ModelId } from '../pose/model-catalog.ts';
import type { PoseTrack } from '../pose/pose-track.ts';
import { ExerciseAnalyzer } from './analyzer.ts';
import { findExercise } from './catalog.ts';
import type { Strictness } from './checks/thresholds.ts';
import type { Prescription } from './exercise-def.ts';
import type { RepObserver } from './kinds/rep-analyzer.ts';
import { othersInViewOfRecording } from './others-in-view.ts';
import type { Report } from './report.ts';

/**
 * Whether the track's model sees heels and toes: the model catalogue says so for formcheck's own
 * models; for poses from elsewhere (MediaPipe landmarks of a dataset), whether any frame has them.
 */
export function trackHasFeet(track: PoseTrack): boolean {
  const known = trackModel(track);
  if (known !== undefined) return MODELS[known].hasFeet;
  return track.frames.some((f) => f.pose?.keypoints.left_heel !== undefined);
}

/** The formcheck model that made the track; undefined for poses from elsewhere. */
export function trackModel(track: PoseTrack): ModelId | undefined {
  return MODEL_IDS.find((id) => id === track.model);
}

const poseModelOf = (track: PoseTrack): { poseModel?: ModelId } => {
  const model = trackModel(track);
  return model === undefined ? {} : { poseModel: model };
};

/** Runs one exercise's analyzer over a whole pose track: the offline path (CLI, eval, tests, uploaded videos). */
export function analyzeTrack(
  track: PoseTrack,
  exerciseId: string,
  options: { prescription?: Prescription; strictness?: Strictness; onRepJudged?: RepObserver } = {},
): Report {
  const exercise = findExercise(exerciseId);
  const analyzer = new ExerciseAnalyzer(exercise, options.prescription ?? exercise.prescription, {
    modelHasFeet: trackHasFeet(track),
    ...poseModelOf(track),
    ...(options.strictness === undefined ? {} : { strictness: options.strictness }),
    ...(options.onRepJudged === undefined ? {} : { onRepJudged: options.onRepJudged }),
  });
  for (const frame of track.frames) analyzer.push(frame.pose, frame.timestampMs);
  const report = analyzer.finish();
  // People counted on the frames (videos tracked by the command line): someone else in view is
  // said first, as a set on the camera keeps it (storage/fold-events.ts, completeRecord).
  const others = othersInViewOfRecording(track.frames, exercise.kind, report.reps ?? []);
  return others === undefined ? report : { ...report, notes: [others, ...report.notes] };
}
