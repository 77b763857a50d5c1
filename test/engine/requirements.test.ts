import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { Body } from '../../src/engine/body.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { movementMismatch } from '../../src/engine/movement-match.ts';
import { FrontEnd } from '../../src/engine/front-end.ts';
import { hipsBelowTheFeet, missingKeypoints, personSeen } from '../../src/engine/requirements.ts';
import { parsePoseTrack, type PoseTrack } from '../../src/pose/pose-track.ts';
import { resampleTrack } from '../../src/pose/resample-track.ts';
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

describe('the lower legs alone: the body the model guesses is no person', () => {
  const clip = fixtureTrack('tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps');

  it('counts no squat on the guessed hips (it counted 2), and says the body was never in view', () => {
    const r = analyzeTrack(clip, 'squat');
    expect(r.repCount).toBe(0);
    expect(r.notes.join(' ')).toMatch(/Never in position/);
  });

  it('counts no tibialis lift on legs read upside down either, and says to show the whole body', () => {
    // The exercise needs only the knees and feet, but the knees and feet of a body read upside down
    // are as much a guess as its hips: the model's "ankles" sit at the top of the picture. It
    // counted 1 of the 3 lifts on them, timed "up 0.6 s, top 0.1 s, down 0.1 s" live.
    const r = analyzeTrack(clip, 'tibialis-lift');
    expect(r.repCount).toBe(0);
    expect(r.notes.join(' ')).toMatch(
      /Never in position.*nobody was found in most frames\. The whole body, head included, must be in view/,
    );
    expect(movementMismatch(clip, 'tibialis-lift', r) ?? '').not.toMatch(/as in a squat/);
  });

  it('sees nobody in almost every frame: no pose in three in four, a guessed body in the rest', () => {
    // The live frame-rate alert counts frames this way: "you are not found in most of them" is
    // the truth here, where counting any pose as found would say "a quarter found".
    const share = (seen: (f: (typeof clip.frames)[number]) => boolean) =>
      clip.frames.filter(seen).length / clip.frames.length;
    expect(share((f) => f.pose !== null)).toBeGreaterThan(0.2);
    expect(share((f) => personSeen(f.pose === null ? undefined : new Body(f.pose)))).toBeLessThan(
      0.02,
    );
  });

  it('asks the person to step into view, not to show a joint, while setting up', () => {
    const guessed = clip.frames.find(
      (f) => f.pose !== null && f.pose !== undefined && hipsBelowTheFeet(new Body(f.pose)),
    );
    if (guessed?.pose === undefined || guessed.pose === null) throw new Error('no guessed body');
    const tibialis = findExercise('tibialis-lift');
    if (tibialis.kind !== 'reps') throw new Error('the tibialis lift counts reps');
    const frontEnd = new FrontEnd({ required: tibialis.required, signal: tibialis.signal });
    let step = frontEnd.push(guessed.pose, 0);
    for (let t = 100; t <= 2000; t += 100) step = frontEnd.push(guessed.pose, t);
    expect(step).toMatchObject({ ready: false, issue: { kind: 'no-person' } });
  });
});

describe('a joint placed outside the picture', () => {
  // BlazePose places the joints it cannot see, confidently at times, at or past the picture's
  // edge. The committed real side-view squat cut to its top 45 % (head and shoulders only): from
  // 19.6 s on the model puts hips, knees and ankles just below the bottom edge with scores over 0.5.
  const chestUp = parsePoseTrack(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        'fixtures',
        'cropped',
        'squat_side_gym_dowel_2reps.top-45-percent.track.json',
      ),
      'utf8',
    ),
  );
  const squat = findExercise('squat');

  it('is not seen: the legs guessed below the picture are missing', () => {
    const guessed = chestUp.frames.find((f) => f.timestampMs > 19_600 && f.pose !== null)?.pose;
    if (guessed === undefined || guessed === null) throw new Error('no pose after 19.6 s');
    // Confident, and below the picture.
    expect(guessed.keypoints.right_hip?.score).toBeGreaterThan(0.5);
    expect(guessed.keypoints.right_hip?.y).toBeGreaterThan(1);
    const body = new Body(guessed);
    expect(body.point('right_hip')).toBeUndefined();
    expect(body.score('right_hip')).toBe(0);
    const missing = missingKeypoints(body, squat.required).map((k) => k.replace(/^\w+?_/, ''));
    expect(missing).toEqual(expect.arrayContaining(['hip', 'knee']));
  });

  it('never opens the set-up gate, nor asks the person to hold still, at 30, 15 or 10 frames/s', () => {
    for (const fps of [30, 15, 10]) {
      const track = fps === 30 ? chestUp : resampleTrack(chestUp, fps);
      const front = new FrontEnd({
        required: squat.required,
        // As the analyzer configures it (analyzer.ts): the squat's signal and its start pose.
        ...(squat.kind === 'reps'
          ? {
              signal: squat.signal,
              ...(squat.startPose === undefined ? {} : { startPose: squat.startPose }),
            }
          : {}),
      });
      const steps = track.frames.map((f) => front.push(f.pose, f.timestampMs));
      expect(steps.filter((s) => s.ready).length, `${fps} frames/s`).toBe(0);
      expect(
        steps.filter((s) => !s.ready && s.issue?.kind === 'not-still').length,
        `${fps} frames/s`,
      ).toBe(0);
    }
    expect(analyzeTrack(chestUp, 'squat').repCount).toBe(0);
  });

  it("is seen on the picture's edge itself", () => {
    const pose = figure(standing('front'), 0);
    const onEdge = { ...pose, keypoints: { ...pose.keypoints } };
    const ankle = pose.keypoints.left_ankle;
    expect(ankle).toBeDefined();
    if (ankle !== undefined) onEdge.keypoints.left_ankle = { ...ankle, y: 1 };
    expect(new Body(onEdge).point('left_ankle')).toBeDefined();
    if (ankle !== undefined) onEdge.keypoints.left_ankle = { ...ankle, y: 1.01 };
    expect(new Body(onEdge).point('left_ankle')).toBeUndefined();
  });
});
