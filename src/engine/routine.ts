import { findExercise } from './catalog.ts';
import type { ExerciseDef, Prescription } from './exercise-def.ts';

/** One exercise of a routine with the person's numbers (the catalogue's unless they changed them). */
export interface RoutineStep {
  readonly exerciseId: string;
  readonly prescription: Prescription;
}

/**
 * "Today's routine": the lower-leg programme formcheck is built around, in order: mobility first
 * (stretches, circles), then the tempo work (calf raises, tibialis lifts), squats, the walks, the
 * squat hold and a stance. Prescriptions are the catalogue's.
 */
export const DEFAULT_ROUTINE_IDS: readonly string[] = [
  'ankle-stretch',
  'toe-stretch',
  'knee-circles',
  'ankle-circles',
  'calf-raise',
  'tibialis-lift',
  'squat',
  'heel-walk',
  'toe-walk',
  'duck-walk',
  'squat-hold',
  'kiba-dachi',
];

export function defaultRoutine(): RoutineStep[] {
  return DEFAULT_ROUTINE_IDS.map((id) => ({
    exerciseId: id,
    prescription: findExercise(id).prescription,
  }));
}

/** Strength exercises get a form check before their first set (the checks there matter most). */
export function wantsFormCheck(exercise: ExerciseDef): boolean {
  return exercise.group === 'strength' && exercise.kind === 'reps';
}

/**
 * What the voice says between exercises: the next exercise and how to stand for it; "Again:" when
 * the person asked to repeat the one they were doing (R), which "Next:" made sound skipped.
 */
export function transitionText(exercise: ExerciseDef, again = false): string {
  return `${again ? 'Again' : 'Next'}: ${exercise.name}. ${exercise.placement}`;
}

/**
 * A routine read back from storage: steps whose exercise no longer exists or whose prescription
 * does not fit its kind are dropped (a stored routine must never break the app).
 */
export function validRoutine(steps: readonly RoutineStep[]): RoutineStep[] {
  return steps.filter((s) => {
    try {
      return findExercise(s.exerciseId).kind === s.prescription.kind;
    } catch {
      return false;
    }
  });
}
