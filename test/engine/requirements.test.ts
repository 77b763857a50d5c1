import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { Body } from '../../src/engine/body.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { movementMismatch } from '../../src/engine/movement-match.ts';
import { hipsBelowTheFeet, missingKeypoints } from '../../src/engine/requirements.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { figure, SEGMENTS, standing } from '../support/kinematic.ts';
import { fixtureTrack, stillTrack, STILLS_DIR, TRACKS_DIR } from '../support/tracks.ts';

// What must be seen for an exercise to be judged. Filmed from the knees down, BlazePose still
// returns a whole body with confident scores, upside down: its "hips" are a guess, not hips.

const LEGS_ONLY = [
  'tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps',
  'calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct',
];
const names = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.track.json'))
    .map((f) => f.replace(/\.track\.json$/, ''));

/** Frames with a person, and of those the frames whose hips sit below the feet. */
function guessedHips(track: PoseTrack): { frames: number; guessed: number } {
  const bodies = track.frames.flatMap((f) => (f.pose === null ? [] : [new Body(f.pose)]));
  return { frames: bodies.length, guessed: bodies.filter(hipsBelowTheFeet).length };
}

describe('hips below the feet are the model guessing', () => {
  it('in most frames of both legs-only clips', () => {
    for (const clip of LEGS_ONLY) {
      const { frames, guessed } = guessedHips(fixtureTrack(clip));
      expect(guessed / frames, clip).toBeGreaterThan(0.45);
    }
    // The tibialis clip is upside down throughout; the calf-raise clip from 7.4 s on. Before that
    // the calf-raise clip's body reads upright, squashed (the hips level with the shoulders), and
    // is not told from a person: a known limit (its squat "reps" still get a movement note).
    const tibialis = guessedHips(fixtureTrack(LEGS_ONLY[0] ?? ''));
    expect(tibialis.guessed / tibialis.frames).toBeGreaterThan(0.9);
  });

  it('in at most one frame of any other real clip or photo (a person walking out of view)', () => {
    const others = [
      ...names(TRACKS_DIR)
        .filter((n) => !LEGS_ONLY.includes(n))
        .map(fixtureTrack),
      ...names(STILLS_DIR).map(stillTrack),
    ];
    expect(others.length).toBeGreaterThan(90);
    for (const track of others) expect(guessedHips(track).guessed, track.source).toBeLessThan(2);
  });

  it('never of hips just above the heels (kneeling, sitting back on the heels)', () => {
    // Shins flat on the floor, thighs back over them: the hips sit a little above the ankles.
    const base = standing('side');
    const kneel = { shinDeg: 90, thighDeg: 80 };
    const pose = figure(
      { ...base, left: { ...base.left, ...kneel }, right: { ...base.right, ...kneel } },
      0,
    );
    const body = new Body(pose);
    const hip = body.mid('hip');
    const ankle = body.mid('ankle');
    const hipsAbove = (ankle?.y ?? 0) - (hip?.y ?? 0);
    expect(hipsAbove).toBeGreaterThan(0);
    expect(hipsAbove).toBeLessThan(SEGMENTS.shank / 4);
    expect(hipsBelowTheFeet(body)).toBe(false);
    expect(missingKeypoints(body, findExercise('toe-stretch').required)).toEqual([]);
  });
});

describe('an exercise that needs the hips, on the lower legs alone', () => {
  const clip = fixtureTrack('tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps');

  it('counts nothing and says the body was never in view (it counted 2 squats on guessed hips)', () => {
    const r = analyzeTrack(clip, 'squat');
    expect(r.repCount).toBe(0);
    expect(r.notes.join(' ')).toMatch(/Never in position/);
  });

  it('does not tell a tibialis lift "the hips go down and up as in a squat"', () => {
    const r = analyzeTrack(clip, 'tibialis-lift');
    expect(r.repCount).toBeGreaterThan(0);
    expect(movementMismatch(clip, 'tibialis-lift', r) ?? '').not.toMatch(/as in a squat/);
  });
});
