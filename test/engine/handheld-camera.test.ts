import { describe } from 'vitest';
import { RATES, itGivesTheFilmedResults, type Rate } from '../support/another-reading.ts';
import type { KnownChange } from '../support/known-changes.ts';
import { handheldTrack } from '../support/tracks.ts';

// Every labelled clip of the routine filmed again by a hand that moves: the picture pans, tilts and
// rolls by up to 2.8 %, 2 % and 2° all through the clip (src/eval/clip-reading.ts), and the model
// finds the person afresh in each moved frame (test/fixtures/handheld, `npm run eval --
// --handheld`). The movements are the same, so the counts, faults, circles and hold times must be
// too, at a webcam's 30 frames/s (each clip's own rate) and at the 15 and 10 of a slower laptop.
// The invariance spec moves pose tracks; here the pixels move, and the model reads them.

const ALL: readonly Rate[] = RATES;

/**
 * The clips whose result hand held is not their result as filmed, and why: each a measure within
 * the hand-held reading's move of its limit (`npm run eval -- --handheld` prints how far each
 * measure moves: depth side on 1.9° median, 4.5° at the 90th percentile; a front-view valgus ratio
 * 0.01 and 0.04), a count already on a knife edge in the invariance spec, or the head's bob, which
 * is measured in the picture.
 */
const KNOWN: Readonly<Record<string, KnownChange<Rate>>> = {
  'squat_front_home_airsquats_12reps.mp4': {
    at: ALL,
    why: 'its first rep reads 0.99 against the 1.0 knee-spread limit hand held (0.99 too on slow-laptop draws of the mirrored reading): a Borderline valgus',
  },
  'squat_side_whitebg_woman_1rep.mp4': {
    at: ALL,
    why: 'its rep reads 15° above level as filmed, at the 15° limit, and 17° hand held: shallow',
  },
  'squat_side_schoolgirl_1rep.mp4': {
    at: ALL,
    why: 'its labelled shallow rep reads 16° above level as filmed against the 15° limit, and at or under it hand held: missed',
  },
  'squat_side_barbell_voltathletics_3reps.mp4': {
    at: ALL,
    why: "its first rep, seen at 3/4 while the lifter turns behind the plates, reads 39° above level over one counter's span and 15° over the other's (the invariance spec): hand held it passes",
  },
  'calfraise_on_stair_rear34_cdc_1rep_hold.mp4': {
    at: ['as filmed', 15],
    why: 'a 360×270 clip: hand held, the model reads the heels near the floor in some frames of the 3.3 s held top (at 2.5 s and 4.5-5.3 s), the raise ends at 2.7 s and a bump in the lowering after the hold (6.1 s) counts as a second quick raise (1 → 2; at 10 frames/s, 1)',
  },
  'ankle_circles_front_standing_home_4circles.mp4': {
    at: ALL,
    why: "the head's bob is its range in the picture, and the picture moves: a still head reads 2.9-5.1 % of stature a circle (1.2-1.4 % as filmed; limit 2.5 %). Measured against the planted feet instead, the feet's own jitter lifts the still head as filmed to 2.1-2.8 % (as the feet are smoothed), at the limit: the set-up line asks for a steady camera (README, known limits)",
  },
  'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4': {
    at: ALL,
    why: 'lower legs only: half its frames have nobody or legs read upside down, and what is left counts differently with each new reading: 4-5 lifts hand held, 1 as filmed (the label gives no count: a mix of bounces and reps)',
  },
  'squat_side_barbell_quarter_SHALLOW.mp4': {
    at: ['as filmed', 10],
    why: 'the person is found in half its frames and the plates hide the hips: its second counted rep keeps too few frames hand held (2 → 1; 4 labelled), as on slow-laptop draws',
  },
  'downdog_side_heels_down.mp4': {
    at: [15],
    why: 'the hold ends as the person shifts forward onto the toes (8.6-9.3 s): hand held at 15 frames/s the shift is not read as moving, and the hold ends when the hips rise at 9.3 s (5.9 s; 5.3 s as filmed, 5.5 s labelled: both within 0.5 s of the label)',
  },
  'squat_front_wide_stance_bw.mp4': {
    at: [15],
    why: 'the 10th rep is cut off three quarters of the way up (the label counts 9): at 15 frames/s hand held it is not counted, as at 10 frames/s as filmed',
  },
};

describe('a hand-held camera (the picture moves; the model reads every frame afresh)', () => {
  itGivesTheFilmedResults(handheldTrack, KNOWN);
});
