import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { Body } from '../../src/engine/body.ts';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { EXERCISES, findExercise } from '../../src/engine/catalog.ts';
import { frameFeatures } from '../../src/engine/features.ts';
import { facingOfFrame, turnFromCameraDeg, viewOfFrame } from '../../src/engine/view.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import type { Pose, WorldPointM } from '../../src/pose/skeleton.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack, photoVideoTrack, stillTrack } from '../support/tracks.ts';
import { without3d } from '../support/transform-track.ts';

// The view decides which checks can be judged (valgus from the front, heel lift side-on) and how
// depth is measured, so it must be the camera's view of the person, not of their build.

/**
 * Hips 0.2 m and shoulders 0.36 m wide, the body turned `deg` from facing the camera; the hips and
 * shoulders in the picture unless `inPicture` is false (only the legs filmed).
 */
function turnedBody(deg: number, inPicture = true): Body {
  const rad = (deg * Math.PI) / 180;
  const at = (halfWidthM: number, yM: number, sign: 1 | -1): WorldPointM => ({
    xM: sign * halfWidthM * Math.cos(rad),
    yM,
    zM: sign * halfWidthM * Math.sin(rad),
  });
  const pose: Pose = {
    timestampMs: 0,
    frameSize: { widthPx: 640, heightPx: 480 },
    score: 1,
    keypoints: inPicture
      ? {
          left_hip: { x: 0.52, y: 0.5, score: 0.9 },
          right_hip: { x: 0.48, y: 0.5, score: 0.9 },
          left_shoulder: { x: 0.54, y: 0.3, score: 0.9 },
          right_shoulder: { x: 0.46, y: 0.3, score: 0.9 },
        }
      : {},
    world: {
      left_hip: at(0.1, 0, 1),
      right_hip: at(0.1, 0, -1),
      left_shoulder: at(0.18, -0.5, 1),
      right_shoulder: at(0.18, -0.5, -1),
    },
  };
  return new Body(pose);
}

const framesOf = (track: PoseTrack) =>
  track.frames.flatMap((f) => (f.pose === null ? [] : [frameFeatures(new Body(f.pose))]));

describe('how far the body is turned from the camera (3-D)', () => {
  it('is the angle of the hip and shoulder lines against the image plane', () => {
    for (const deg of [0, 30, 45, 60, 90])
      expect(turnFromCameraDeg(turnedBody(deg))).toBeCloseTo(deg, 6);
  });

  it('is not measured when neither hip nor shoulder is in the picture (the model guesses them)', () => {
    expect(turnFromCameraDeg(turnedBody(30, false))).toBeUndefined();
  });

  it('is the same facing away from the camera as facing it, and either way round', () => {
    expect(turnFromCameraDeg(turnedBody(180))).toBeCloseTo(0, 6);
    expect(turnFromCameraDeg(turnedBody(-30))).toBeCloseTo(30, 6);
    expect(turnFromCameraDeg(turnedBody(150))).toBeCloseTo(30, 6);
  });
});

/**
 * The label's view as a person wrote it, where it names one: front or rear (facing the camera or
 * away), side, or 3/4 (the set's view is then neither front nor side).
 */
function labelledView(view: string): 'front' | 'side' | 'unknown' | undefined {
  if (/then|cutaway/.test(view)) return undefined;
  if (/^(front|rear)\b/.test(view) && !/side|3\/4/.test(view)) return 'front';
  if (/^side\b/.test(view) && !/front|rear|3\/4/.test(view)) return 'side';
  if (/^side \(facing/.test(view)) return 'side';
  if (/^3\/4/.test(view)) return 'unknown';
  return undefined;
}

/** Labelled 3/4 clips whose body is turned within the side-on band most of the set. */
const READ_SIDE_ON: Readonly<Record<string, string>> = {
  'calfraise_34front_home_bodyweight_3reps.mp4':
    'hips and shoulders read 54° and 66° turned (median): the person stands nearer side-on than the label says',
  'squat_34_handheld_bw_goblet.mp4':
    'hips and shoulders read 57° and 69° turned (median) while the hand-held camera walks round to the side',
};

/**
 * Filmed from the knees down, where the model reads a body upside down: no person, so nothing is
 * seen to have a view (requirements.test.ts), nor a way of facing.
 */
const NEVER_IN_POSITION: Readonly<Record<string, string>> = {
  'partial_body/tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps.mp4':
    'the lower legs alone: nobody found in 74 % of the frames and a body read upside down in the rest, so the set never opens',
};
/** Filmed from the knees down: the hips and shoulders that tell the way a person faces are guesses. */
const LEGS_ONLY = /LOWER_LEGS_ONLY/;

describe('the view of a set on the labelled clips', () => {
  const clips = LABELS.flatMap((l) => {
    const want = labelledView(l.view ?? '');
    return want !== undefined && EXERCISES.some((e) => e.id === l.exercise)
      ? [[l.file, l.exercise, want] as const]
      : [];
  });

  it('covers the labelled front, side and 3/4 clips', () => {
    expect(clips.length).toBeGreaterThanOrEqual(40);
    expect(clips.filter(([, , v]) => v === 'unknown').length).toBeGreaterThanOrEqual(6);
  });

  it.each(clips)('%s (%s) is seen as the label says', (file, exercise, want) => {
    const view = analyzeTrack(fixtureTrack(file), exercise).view;
    const why = READ_SIDE_ON[file];
    const never = NEVER_IN_POSITION[file];
    if (why !== undefined) expect(view, why).toBe('side');
    else if (never !== undefined) expect(view, never).toBe('unknown');
    else expect(view).toBe(want);
  });

  it('reads the 3/4 squats turned about 40-60° as 3/4, which shoulder width in the picture read side-on', () => {
    // Shoulder width over torso length (the measure without 3-D) read 50-86 % of these frames as
    // side-on, and the sets as side views: heel lift and knees-over-toes were judged on them.
    for (const file of ['squat_34side_darebee_bw.mp4', 'squat_front_overhead_test_opex.mp4']) {
      const track = fixtureTrack(file);
      expect(analyzeTrack(track, 'squat').view).toBe('unknown');
      expect(analyzeTrack(without3d(track), 'squat').view).toBe('side');
    }
  });
});

describe('a slim build facing the camera', () => {
  // The rendered character faces the camera square-on (rendered at 0°; its hips read 0-8° turned), but
  // its narrow shoulders read under half its torso's length in the picture, which the rule without
  // 3-D takes for a 3/4 view.
  it.each(['michelle_standing_front', 'michelle_calf_raise_front', 'michelle_knee_circles_front'])(
    '%s: every frame reads front',
    (clip) => {
      const frames = framesOf(fixtureTrack(clip));
      expect(frames.length).toBeGreaterThan(30);
      expect(frames.every((f) => viewOfFrame(f) === 'front')).toBe(true);
      expect(frames.filter((f) => (f.shoulderWidthOverTorso ?? 1) < 0.5).length).toBeGreaterThan(
        frames.length / 2,
      );
    },
  );

  it('without 3-D landmarks (MoveNet) reads 3/4, as before (known limit)', () => {
    const frames = framesOf(without3d(fixtureTrack('michelle_standing_front')));
    expect(frames.every((f) => viewOfFrame(f) === 'three-quarter')).toBe(true);
  });
});

describe("the set's note when filmed from another view than the exercise's best", () => {
  const viewNote = (clip: string, exercise: string) =>
    analyzeTrack(fixtureTrack(clip), exercise).notes.find((n) => /^(Filmed|Reps? \d)/.test(n));

  it('names the checks that view could not judge', () => {
    expect(viewNote('squat_side_gym_dowel_2reps', 'squat')).toBe(
      'Filmed from the side; Bodyweight squat is best judged from the front: knee valgus not judged from this view.',
    );
  });

  it('names the reps seen otherwise, where only some were, and the checks skipped in them', () => {
    // Filmed from the front, then side-on for four reps, then from the front again.
    expect(viewNote('squat_front_side_front_crossfit_air', 'squat')).toBe(
      'Reps 3, 4, 5 and 6 were filmed from the side; Bodyweight squat is best judged from the front: knee valgus not judged in them.',
    );
    // A form check's first part asked for the front, with its third rep seen side on: the card
    // judges knee valgus on the first two and says why not on the third (it had said "not judged
    // from this view" beside a knee valgus judged), naming the part (the card shows every part's).
    const part = new ExerciseAnalyzer(findExercise('squat'), findExercise('squat').prescription, {
      askedView: 'front',
      part: 1,
    });
    let reps = 0;
    for (const f of fixtureTrack('squat_front_side_front_crossfit_air').frames) {
      reps += part.push(f.pose, f.timestampMs).filter((e) => e.type === 'rep').length;
      if (reps === 3) break;
    }
    expect(part.finish().notes).toEqual([
      'Rep 3 of part 1 was filmed from the side, not from the front it asked for: knee valgus not judged in it.',
    ]);
  });

  it('says 3/4 where the reps were at 3/4', () => {
    expect(viewNote('squat_34side_darebee_bw', 'squat')).toBe(
      'Filmed at 3/4; Bodyweight squat is best judged from the front: knee valgus not judged from this view.',
    );
    // Side on is asked for a calf raise: 3/4 shows the heels too, and nothing is said.
    expect(viewNote('calfraise_34front_home_bodyweight_3reps', 'calf-raise')).toBeUndefined();
  });

  it('says nothing was skipped when every check worked from that view', () => {
    // A calf raise's checks (tempo, height) need no particular view; the side shows the heels best.
    // This clip is filmed from behind: the body's turn reads the same either way round, the side
    // of the picture the left hip is on does not.
    expect(viewNote('calfraise_rear_wall_hands', 'calf-raise')).toBe(
      'Filmed from behind; Calf raise is best judged from the side.',
    );
  });

  it('says how many lifts were too small to count, facing the camera, where the feet hide the heels', () => {
    // Photos of one person's band calf raise taken facing the camera, played as a video of ten
    // raises (test/fixtures/photo-video).
    const report = analyzeTrack(
      photoVideoTrack('calfraise_front_bands_fedb.10-raises'),
      'calf-raise',
    );
    const tooSmall = (report.partials ?? []).filter((p) => p.reason === 'too small').length;
    expect(tooSmall).toBeGreaterThanOrEqual(1);
    expect(report.notes.find((n) => n.startsWith('Filmed from'))).toBe(
      `Filmed from the front; Calf raise is best judged from the side. Facing the camera the feet hide the heels' rise: ${tooSmall} lifts were too small to count.`,
    );
  });
});

describe('facing the camera or with the back to it', () => {
  // The turn from the camera reads the same either way round; which side of the picture the
  // person's left hip and shoulder are on does not. Photos of people nobody tuned on
  // (../shared/data/stills, labelled front or rear there), each as 1 s of video.
  const FACING_PHOTOS = [
    'calfraise_front_bands_fedb_0_heels_down',
    'calfraise_front_bands_fedb_1_heels_up',
    'calfraise_front_barbell_onblock_fedb_0_heels_dropped',
    'calfraise_front_barbell_onblock_fedb_1_heels_up',
    'knee_circles_front_fedb_0_neutral',
    'knee_circles_front_fedb_1_knees_bent_shifted',
    'squat_front_bodyweight_fedb_0_top',
    'squat_front_bodyweight_fedb_1_bottom_deep',
    'squat_front_sit_squat_SHALLOW_fedb_0_top',
    'warrior2_front_photo_checkerboard_bg_nutifit',
  ];
  const BACK_PHOTOS = [
    'calfraise_rear_dumbbells_onboard_fedb_0_heels_down',
    'calfraise_rear_dumbbells_onboard_fedb_1_heels_up',
    'calfraise_rear_on_dumbbell_handle_fedb_0_heels_down',
    'calfraise_rear_on_dumbbell_handle_fedb_1_heels_up',
    'calfraise_rear_machine_fedb_0_heels_dropped',
    'calfraise_rear_machine_fedb_1_heels_up',
    'toeraise_rear_smith_reverse_calf_fedb_0_toes_up',
    'toeraise_rear_smith_reverse_calf_fedb_1_feet_flat',
  ];
  const facings = (photo: string) =>
    stillTrack(photo)
      .frames.slice(1)
      .flatMap((f) => (f.pose === null ? [] : [facingOfFrame(new Body(f.pose))]));

  it.each(FACING_PHOTOS)('%s: facing the camera', (photo) => {
    expect(facings(photo).length).toBeGreaterThan(5);
    expect(new Set(facings(photo))).toEqual(new Set(['camera']));
  });

  it.each(BACK_PHOTOS)('%s: the back to the camera', (photo) => {
    expect(facings(photo).length).toBeGreaterThan(5);
    expect(new Set(facings(photo))).toEqual(new Set(['away']));
  });

  it('names the way a set filmed front-on faced, on every labelled clip filmed so', () => {
    const frontOn = LABELS.filter(
      (l) =>
        labelledView(l.view ?? '') === 'front' &&
        EXERCISES.some((e) => e.id === l.exercise) &&
        !LEGS_ONLY.test(l.file),
    );
    const facing = (l: (typeof frontOn)[number]) =>
      analyzeTrack(fixtureTrack(l.file), l.exercise).facing;
    expect(frontOn.length).toBeGreaterThanOrEqual(18);
    for (const l of frontOn)
      expect(facing(l), l.file).toBe(/^rear/.test(l.view ?? '') ? 'away' : 'camera');
    expect(frontOn.filter((l) => /^rear/.test(l.view ?? '')).length).toBeGreaterThanOrEqual(1);
  });

  it('is not said of a set filmed side-on', () => {
    expect(analyzeTrack(fixtureTrack('squat_side_gym_dowel_2reps'), 'squat').facing).toBe(
      undefined,
    );
  });
});
