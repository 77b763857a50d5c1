import type { CameraView, ExerciseDef, Prescription } from '../engine/exercise-def.ts';
import type { FormCheckPlan } from '../engine/form-check-plan.ts';

/** Between the parts of a form check, time to turn to the next view (the set-up then waits). */
export const FORM_CHECK_TURN_SEC = 5;

/** The canvas's words for that turn, big enough to read from two metres. */
export const TURN_WORDS: Record<CameraView, string> = {
  front: 'Turn to face the camera',
  side: 'Turn side-on',
  any: 'Get ready',
};

/**
 * The form check as a prescription: a few reps per part (a set per view, the rest between them
 * to turn), a short hold, a few seconds of circles.
 */
export function formCheckPrescription(exercise: ExerciseDef, plan: FormCheckPlan): Prescription {
  const p = exercise.prescription;
  switch (p.kind) {
    case 'reps':
      return {
        ...p,
        sets: plan.parts.length,
        reps: plan.reps ?? 3,
        restSec: FORM_CHECK_TURN_SEC,
      };
    case 'hold':
      return { ...p, sets: 1, holdSec: plan.holdSec ?? 10 };
    case 'circles':
      return { ...p, sets: 1, perDirectionSec: (plan.seconds ?? 12) / 2 };
    case 'walk':
      return { ...p, sets: 1, walkSec: plan.seconds ?? 10 };
  }
}
