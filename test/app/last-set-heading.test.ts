import { describe, expect, it } from 'vitest';
import { countedSomething, lastSetHeading } from '../../src/app/screens/set-summary.ts';
import { keptVideoSet } from '../support/set-records.ts';

// The heading over an exercise's last set, for sets the app keeps of real clips.

describe("the heading over an exercise's last set", () => {
  it('says the exercise is complete when its reps or holds were counted', () => {
    const squats = keptVideoSet('squat_side_gym_dowel_2reps', 'squat');
    expect(squats.reps.length).toBe(2);
    expect(lastSetHeading(squats)).toBe('Bodyweight squat complete.');
    const hold = keptVideoSet('wallsit_hold_34side_then_front_fitbod', 'squat-hold');
    expect(hold.heldSeconds).toBeGreaterThan(0);
    expect(lastSetHeading(hold)).toBe(`${hold.exerciseName} complete.`);
  });

  it('says it ended, not that it is complete, when nothing was counted', () => {
    // The lower legs alone in the picture: never in position, 0 reps (its note says why).
    const legs = keptVideoSet('tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps', 'tibialis-lift');
    expect(countedSomething(legs)).toBe(false);
    expect(legs.notes).toContainEqual(expect.stringMatching(/^Never in position/));
    expect(lastSetHeading(legs)).toBe(`${legs.exerciseName} ended.`);
    // A wall sit filmed as squats: no rep in it.
    const sit = keptVideoSet('wallsit_hold_34side_then_front_fitbod', 'squat');
    expect(sit.reps).toEqual([]);
    expect(lastSetHeading(sit)).toBe('Bodyweight squat ended.');
  });
});
