import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { fixtureTrack } from '../support/tracks.ts';

// A set in which nothing was counted says why, in the report's notes (the app shows them in the
// set summary; a recorded video has nothing else to go on): not just "nothing was counted".

const notesOf = (clip: string, exercise: string) =>
  analyzeTrack(fixtureTrack(clip), exercise).notes ?? [];

describe('a hold never timed says what kept the pose off', () => {
  it('Warrior II held as Warrior I: the arms, level and never overhead, for most of the time watched', () => {
    // In the words the overlay showed live.
    const note = notesOf('warrior_2_hold_front_NOT_warrior1', 'warrior-1').find((n) =>
      n.startsWith('No hold was timed'),
    );
    const [, off, watched] = /for (\d+) of the (\d+) s watched/.exec(note ?? '') ?? [];
    expect(note).toMatch(/the pose was not held: “Arms up overhead”\.$/);
    expect(Number(off)).toBeGreaterThan(Number(watched) / 2);
  });

  it('says nothing of the kind when a hold was timed', () => {
    const report = analyzeTrack(fixtureTrack('warrior_1_hold_34front'), 'warrior-1');
    expect(report.heldSeconds).toBeGreaterThan(3);
    expect(report.notes.filter((n) => n.startsWith('No hold was timed'))).toEqual([]);
  });
});

describe('circles never counted say how the circling point moved', () => {
  it('squats analysed as knee circles: the knees never swung out to a side', () => {
    // From the front the knees part and close together; their midpoint stays over the feet.
    expect(notesOf('squat_front_home_airsquats_12reps', 'knee-circles')).toContain(
      'No circle was counted: the knees never swung out to either side (about 2.5 cm from the middle is enough).',
    );
  });

  it('a wall sit turned from 3/4 to the front: the knees moved, but not side to side at a circle’s pace', () => {
    expect(notesOf('wallsit_hold_34side_then_front_fitbod', 'knee-circles')).toContain(
      "No circle was counted: the knees swung, but not out to one side and over to the other at a circle's pace (one circle every 0.8-6 s).",
    );
  });

  it('says nothing of the kind when circles were counted, or when a circle drawn foot down said why', () => {
    const counted = notesOf('ankle_circles_front_standing_home_4circles', 'ankle-circles');
    expect(counted.filter((n) => n.startsWith('No circle'))).toEqual([]);
    // Calf raises against a wall as ankle circles: every swing was with the foot down, each said.
    const report = analyzeTrack(fixtureTrack('calfraise_rear_wall_hands'), 'ankle-circles');
    expect(report.faults.filter((f) => f.code === 'foot-down').length).toBeGreaterThan(0);
    expect(report.notes.filter((n) => n.startsWith('No circle'))).toEqual([]);
  });
});

describe('a walk with no step says what a step is', () => {
  const NO_STEP =
    "No step was counted: one foot never passed the other by a quarter of a shin's length. Walk across the camera's view, side on to it.";

  it('squats, from the front and side on, analysed as a heel walk: the feet never passed each other', () => {
    expect(notesOf('squat_front_home_airsquats_12reps', 'heel-walk')).toContain(NO_STEP);
    expect(notesOf('squat_side_bw_man_3reps', 'heel-walk')).toContain(NO_STEP);
  });

  it('says nothing of the kind when steps were counted', () => {
    // Forward lunges side on: each lunge passes one foot ahead of the other.
    const report = analyzeTrack(fixtureTrack('lunge_forward_side_whitebg_8reps'), 'toe-walk');
    expect(report.steps).toBeGreaterThan(0);
    expect(report.notes).not.toContain(NO_STEP);
  });
});
