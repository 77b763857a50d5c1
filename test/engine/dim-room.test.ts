import { describe } from 'vitest';
import { RATES, itGivesTheFilmedResults, type Rate } from '../support/another-reading.ts';
import type { KnownChange } from '../support/known-changes.ts';
import { dimTrack } from '../support/tracks.ts';

// Every labelled clip of the routine filmed again in a room as dim as the app takes without asking
// for light: the picture's mean luma brought down to 40 (the set-up line says "too dark" under 35),
// with what a webcam does there, sensor noise over the picture that changes every frame and a
// shutter open over two frames (src/eval/clip-reading.ts); the model finds the person afresh
// (test/fixtures/dim, `npm run eval -- --dim`). The movements are the same, so the counts, faults,
// circles and hold times must be too, at 30, 15 and 10 frames/s.

const ALL: readonly Rate[] = RATES;

/**
 * The clips whose result in the dim room is not their result as filmed, and why: measures within
 * the dim reading's move of their limit (`npm run eval -- --dim` prints how far each moves), the
 * model finding a person later, and reps invented where a dark picture's readings wander past the
 * counters' thresholds, which are set from a still body's jitter in good light (README, known
 * limits: the stair clip's ghosts are slow wander, not more frame-to-frame jitter).
 */
const KNOWN: Readonly<Record<string, KnownChange<Rate>>> = {
  'squat_side_whitebg_woman_1rep.mp4': {
    at: ALL,
    why: 'its rep reads 15° above level as filmed, at the 15° limit, and 16° in the dim room: shallow (17° hand held)',
  },
  'squat_side_barbell_voltathletics_3reps.mp4': {
    at: ALL,
    why: 'in the dark the model finds the lifter behind the plates only from 2.2 s (1.3 s as filmed), part-way down the first rep, the one seen at 3/4 as he turns (39° or 15° above level by counter): 3 → 2 reps, and its shallow reading goes with it',
  },
  'squat_front_FORWARD_LEAN_mlsac_1rep.mp4': {
    at: ['as filmed', 15],
    why: 'its fold, seen from the front, reads 67° from vertical as filmed against the 60° limit, 59° mirrored and 57° in the dim room: the labelled lean is missed (at 10 frames/s both find it: 67° and 70°)',
  },
  'squat_to_calfraise_side_dumbbells_3reps_heels_up_at_top.mp4': {
    at: ALL,
    why: 'its labelled lean reads 21-29° past the shins as filmed, under the 30° limit (a known miss), and 26-33° in the dim room: found',
  },
  'squat_34_handheld_bw_goblet.mp4': {
    at: ALL,
    why: 'while she turns to face her side before the set (3-5 s, knees bent), the hips read 0.87 shank above the knees at the lowest in the dark (0.95 as filmed), and the bend counts as a shallow rep seen from the front: 6 → 7',
  },
  'squat_side_barbell_quarter_SHALLOW.mp4': {
    at: ALL,
    why: "the plates hide the lifter's hips and shoulders: the forward lean read on it as filmed (a false alarm, not labelled) is not read in the dim room",
  },
  'squat_pulses_34front_medball_partial_15pulses.mp4': {
    at: ALL,
    why: 'half-squat pulses that never stand up (0 reps labelled): in the dark their bottoms read about 0.1 shank deeper (hips 0.71-0.85 shank above the knees at 9-11 s, 0.82-0.96 as filmed) and 3 pulses reach the depth of a rep at 30 frames/s, 1 at 15 and 10 (as filmed none; mirrored one at 30)',
  },
  'calfraise_on_stair_rear34_cdc_1rep_hold.mp4': {
    at: ALL,
    why: "a 360×270 clip, dark trousers on a stair behind balusters: darkened, the feet are a few noisy pixels and the heels' reading wanders, for half a second or more at a time, by more than the counter allows for a still heel (its smoothed signal jitters frame to frame no more than clean calf-raise readings at 10-15 frames/s), so 1 raise counts as 5 at 30 and 15 frames/s, 2 at 10 (hand held it gains one too)",
  },
  'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4': {
    at: ALL,
    why: 'lower legs only, half its frames without a person as filmed: in the dark the one counted raise is not (1 → 0; the label gives no count, a mix of bounces and reps)',
  },
  'calfraise_singleleg_34front_then_side_fitbod_man_6reps.mp4': {
    at: [15],
    why: 'its raises are quicker than the test cadence: at 15 frames/s in the dark the fifth reads down and up again in 0.07 s (a bounce, against 0.25 s) where as filmed it read a pause',
  },
  'downdog_from_plank_34front_then_side_fitbod_2holds.mp4': {
    at: ['as filmed', 10],
    why: 'the first hold is read as reached 0.6 s earlier in the dark (1.9 s, 2.5 s as filmed), as the hips come up from the plank: 9.0 s in all against 8.3 s as filmed (8.4 labelled; at 10 frames/s 8.7 against 8.1)',
  },
  'squat_side_bw_man_3reps.mp4': {
    at: ['as filmed', 15],
    why: "its first rep's heel reads 0.15 shank above the toe as filmed, 0.21 in the dim room against the 0.20 limit (in the dim room the measure moves 0.02 shank median, 0.10 at the 90th percentile): a Borderline heel lift",
  },
};

describe('a dim room (the darkest the app takes without asking for light)', () => {
  itGivesTheFilmedResults(dimTrack, KNOWN);
});
