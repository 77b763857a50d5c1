import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { movementMismatch } from '../../src/engine/movement-match.ts';
import { stanceMismatch } from '../../src/engine/stance-split.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack, photoRep } from '../support/tracks.ts';

// Analysed as the wrong one of squat and lunge, a real clip says so: one foot ahead of the other
// at the bottoms is a lunge, the feet side by side a squat, told from BlazePose's 3-D landmarks
// along the way the hips face (from the front the image alone hardly shows which foot is ahead).

const track = fixtureTrack;
const mismatch = (file: string, exercise: string): string | undefined => {
  const t = track(file);
  return movementMismatch(t, exercise, analyzeTrack(t, exercise));
};
const STANCE = /looks like (a lunge|a squat)/;

const squats = LABELS.filter((l) => l.exercise === 'squat' && (l.reps ?? 0) > 0);
const lunges = LABELS.filter((l) => l.exercise === 'lunge');

describe('squat or lunge: a real clip analysed as the other says so', () => {
  it.each(squats.map((l) => [l.file]))('%s: a squat, not a lunge', (file) => {
    expect(mismatch(file, 'squat') ?? '').not.toMatch(STANCE);
    expect(mismatch(file, 'lunge')).toMatch(/looks like a squat/);
  });

  it.each(lunges.map((l) => [l.file]))('%s: a lunge, not a squat', (file) => {
    expect(mismatch(file, 'lunge') ?? '').not.toMatch(STANCE);
    expect(mismatch(file, 'squat')).toMatch(/looks like a lunge or split squat/);
  });
});

describe('a hold, circles or a walk that counted nothing, on a clip of reps, says what it looks like', () => {
  it('names the rep exercise whose counter finds the reps', () => {
    expect(mismatch('squat_front_home_airsquats_12reps', 'knee-circles')).toBe(
      'Nothing was counted as knee circles, but analysed as bodyweight squat the video has 12 reps: is the exercise right?',
    );
    expect(mismatch('calfraise_34front_home_bodyweight_3reps', 'squat-hold')).toMatch(
      /^Nothing was counted as assisted squat hold, but analysed as calf raise the video has 3 reps/,
    );
    expect(mismatch('squat_side_bw_man_3reps', 'heel-walk')).toMatch(
      /^Nothing was counted as heel walk, but analysed as bodyweight squat the video has 3 reps/,
    );
  });

  it('says nothing when something was counted, or when no rep exercise finds reps either', () => {
    expect(mismatch('wallsit_hold_34side_then_front_fitbod', 'squat-hold')).toBeUndefined();
    expect(mismatch('ankle_circles_front_standing_home_4circles', 'ankle-circles')).toBeUndefined();
    // Warrior II held as Warrior I: nothing timed, and no reps in it either (its own note says
    // what kept the pose off: nothing-counted.test.ts).
    expect(mismatch('warrior_2_hold_front_NOT_warrior1', 'warrior-1')).toBeUndefined();
  });
});

describe('the wrong one of squat and lunge is said only when most of the set says so', () => {
  it('needs more than half of the reps read with the feet that way, not a tie', () => {
    // Two squats, one read at a far foot misplaced behind the plates (1.08 shank ahead): no note.
    expect(stanceMismatch('squat', [1.08, 0.22])).toBeUndefined();
    expect(stanceMismatch('squat', [1.08, 0.9, 0.22])).toMatch(/looks like a lunge/);
    expect(stanceMismatch('lunge', [0.2, 0.9])).toBeUndefined();
    expect(stanceMismatch('lunge', [0.2, 0.3, 0.9])).toMatch(/looks like a squat/);
    // Reps whose feet were not seen at the bottom do not vote.
    expect(stanceMismatch('squat', [null, undefined, 0.9])).toMatch(/looks like a lunge/);
    expect(stanceMismatch('squat', [null])).toBeUndefined();
  });
});

describe('the set report says so too (the app shows its notes in the set summary)', () => {
  it('squat or lunge, chosen wrongly on real clips, with what to choose', () => {
    const notes = (file: string, exercise: string) =>
      analyzeTrack(fixtureTrack(file), exercise).notes.join(' ');
    expect(notes('lunge_split_front_correct_5reps', 'squat')).toMatch(
      /looks like a lunge or split squat .*choose Lunge/,
    );
    expect(notes('squat_side_bw_man_3reps', 'lunge')).toMatch(/looks like a squat .*choose Squat/);
    expect(notes('squat_side_bw_man_3reps', 'squat')).not.toMatch(STANCE);
    expect(notes('lunge_split_front_correct_5reps', 'lunge')).not.toMatch(STANCE);
  });

  it('keeps where the feet stood at each bottom in the rep report', () => {
    const reps = analyzeTrack(fixtureTrack('lunge_forward_side_whitebg_8reps'), 'lunge').reps ?? [];
    expect(reps.length).toBe(8);
    for (const r of reps) expect(r.footAheadShanks).toBeGreaterThan(0.6);
  });
});

describe('calf raises analysed as a tibialis lift', () => {
  // With the heels up the toe signal (toe above heel) drops under flat; a heel coming back down
  // is not a toe lift: the toes must rise above the flat foot the set-up saw (catalog.ts).
  it.each([
    ['calfraise_34front_then_side_fitbod_man_6reps', 6],
    ['calf_raise_rear34_wall_supported_2reps', 2],
  ])('%s: no toe lift counted, and the calf raise named', (clip, raises) => {
    expect(analyzeTrack(fixtureTrack(clip), 'tibialis-lift').repCount).toBe(0);
    expect(mismatch(clip, 'tibialis-lift')).toBe(
      `No tibialis lift reps found, but analysed as calf raise the video has ${raises}: is the exercise right?`,
    );
  });

  it('leaves 3 of the 19 heel returns it counted on 8 calf-raise clips, named here with why', () => {
    const asTibialis = (clip: string) =>
      analyzeTrack(fixtureTrack(clip), 'tibialis-lift').repCount ?? 0;
    // The walk-out at the end, a step with the toes up off the floor, counted as one until the
    // turn away that begins it was seen (turn-watch.ts): the lift is no longer counted from the
    // level the feet read before the turn.
    expect(asTibialis('calfraise_34front_home_bodyweight_3reps')).toBe(0);
    // Seen from behind, the toes read 0.13-0.15 shank above the set-up's flat foot at the end of
    // each lowering.
    expect(asTibialis('calfraise_rear_wall_hands')).toBe(2);
    // One foot held up behind: it was fused into the set-up's "flat" (2 counted); the foot held off
    // the floor is left out now (foot-off-floor.ts).
    expect(asTibialis('calfraise_singleleg_34front_then_side_fitbod_man_6reps')).toBe(0);
    expect(asTibialis('calfraise_on_stair_rear34_cdc_1rep_hold')).toBe(0);
    expect(asTibialis('michelle_calf_raise_front')).toBe(0);
    // Lower legs only: the model reads the legs upside down in part of it (requirements.test.ts).
    expect(asTibialis('calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct')).toBe(1);
  });

  it('still counts a real toe lift: a person feet flat, toes up, feet flat (photos)', () => {
    // The real tibialis clip is of the lower legs alone, which the model reads upside down: a body
    // it guesses is no person (requirements.test.ts), so real toe lifts are the photos here.
    const toeLift = photoRep(
      'toeraise_rear_smith_reverse_calf_fedb_1_feet_flat',
      'toeraise_rear_smith_reverse_calf_fedb_0_toes_up',
    );
    expect(analyzeTrack(toeLift, 'tibialis-lift').repCount).toBe(1);
  });
});
