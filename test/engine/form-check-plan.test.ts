import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/engine/catalog.ts';
import { formCheckPlan, redoLastPartWords } from '../../src/engine/form-check-plan.ts';

describe('the form check in parts, one per view its checks need', () => {
  const views = (id: string) => formCheckPlan(findExercise(id)).parts.map((p) => p.view);

  it('checks a squat facing the camera (valgus), then side on (heel lift)', () => {
    expect(formCheckPlan(findExercise('squat')).parts).toEqual([
      {
        view: 'front',
        instruction: 'Face the camera: do 3 slow reps.',
        placement: 'Part 1 of 2: face the camera, whole body in view, camera level at hip height.',
      },
      {
        view: 'side',
        instruction: 'Now stand side-on to the camera: 3 more slow reps.',
        placement:
          'Part 2 of 2: stand side on to the camera, whole body in view, camera level at hip height.',
      },
    ]);
  });

  it('checks in one part what one view judges', () => {
    // A calf raise and a hold need no particular view: where to stand is the exercise's own.
    expect(formCheckPlan(findExercise('calf-raise')).parts).toEqual([
      expect.objectContaining({
        view: findExercise('calf-raise').view,
        placement: findExercise('calf-raise').placement,
      }),
    ]);
    expect(views('squat-hold')).toHaveLength(1);
    expect(views('knee-circles')).toHaveLength(1);
  });

  it('offers to do the last part again only when there are two', () => {
    // The card's button: a squat's side-on part redone, keeping the part facing the camera.
    expect(redoLastPartWords(findExercise('squat'))).toBe('Redo part 2: side on');
    for (const id of ['calf-raise', 'lunge', 'squat-hold', 'knee-circles'])
      expect(redoLastPartWords(findExercise(id)), id).toBeUndefined();
  });
});
