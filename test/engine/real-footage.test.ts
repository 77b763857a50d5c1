import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { EXERCISES } from '../../src/engine/catalog.ts';
import { REP_TIME_TOLERANCE_SEC, scoreClip } from '../../src/eval/score.ts';
import { parsePoseTrack, type PoseTrack } from '../../src/pose/pose-track.ts';
import { LABELS } from '../fixtures/labels.ts';

// Real footage is the judge: formcheck's own pose tracks of the hand-labelled clips in
// ../shared/data (committed as fixtures, named after their clip) against the hand labels.

const TRACKS = join(import.meta.dirname, '..', 'fixtures', 'tracks');
const track = (file: string): PoseTrack =>
  parsePoseTrack(
    readFileSync(
      join(TRACKS, `${file.replace(/^.*\//, '').replace(/\.mp4$/, '')}.track.json`),
      'utf8',
    ),
  );

/** Clips the engine does not get right yet, and why (also in the README's eval table). */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  'lunge_split_front_knee_valgus_WRONG_5reps.mp4':
    'one rep missed; front-knee valgus in a split squat is not detected from the front in 2-D',
  'squat_to_calfraise_side_dumbbells_3reps_heels_up_at_top.mp4':
    'labelled forward lean (torso 22-31° past the shins) is within what clean clips show',
  'calfraise_singleleg_34front_then_side_fitbod_man_6reps.mp4':
    'single-leg raises: the lifted foot swings and the standing heel rises 0.07 shank; half the reps are missed',
  'calfraise_34front_home_bodyweight_3reps.mp4':
    'count right but one rep is the person stepping away at the end, one real rep missed',
  'partial_body/tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps.mp4':
    'lower legs only: BlazePose finds no person in 74 % of frames',
  'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4':
    'lower legs only, no rep count labelled; the bouncing is not caught as a tempo fault',
};

const scored = LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise));
const validated = scored.filter((l) => KNOWN_MISSES[l.file] === undefined);

describe('the engine on real labelled footage', () => {
  it.each(validated.map((l) => [l.file, l] as const))('%s', (_file, label) => {
    const report = analyzeTrack(track(label.file), label.exercise);
    const score = scoreClip(label, report);
    if (score.expectedReps !== undefined) {
      expect(score.countedReps, 'rep count').toBe(score.expectedReps);
      expect(
        score.misplacedReps,
        `reps further than ${REP_TIME_TOLERANCE_SEC} s from a labelled bottom/top`,
      ).toBe(0);
    }
    expect(score.foundFaults, 'form faults (warn level)').toEqual(score.labelledFaults);
    if (score.expectedHoldSec !== undefined)
      expect(Math.abs((score.heldSec ?? 0) - score.expectedHoldSec)).toBeLessThan(1.0);
    if (score.expectedCircles !== undefined)
      expect(Math.abs((score.countedCircles ?? 0) - score.expectedCircles)).toBeLessThanOrEqual(1);
  });

  it('names every known miss after a labelled clip (none is silently excluded)', () => {
    for (const file of Object.keys(KNOWN_MISSES)) expect(scored.map((l) => l.file)).toContain(file);
    expect(validated.length).toBeGreaterThanOrEqual(24);
  });
});

describe('the engine on the RepCount squat poses (MediaPipe landmarks, converted)', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'repcount');
  const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as {
    fps: number;
    clips: { clip: string; count: number; repFrames: [number, number][] }[];
  };

  it('counts the annotated set to within one rep on at least 10 of 13 clips, exactly on 8', () => {
    let exact = 0;
    let withinOne = 0;
    for (const c of annotations.clips) {
      const report = analyzeTrack(
        parsePoseTrack(readFileSync(join(dir, `${c.clip}.track.json`), 'utf8')),
        'squat',
      );
      // Only reps inside the annotated set: RepCount clips include walking in and other movement.
      const from = (c.repFrames[0]?.[0] ?? 0) / annotations.fps - 0.5;
      const to = (c.repFrames[c.repFrames.length - 1]?.[1] ?? 0) / annotations.fps + 0.5;
      const inSet = (report.reps ?? []).filter(
        (r) => r.bottomSec >= from && r.bottomSec <= to,
      ).length;
      if (inSet === c.count) exact += 1;
      if (Math.abs(inSet - c.count) <= 1) withinOne += 1;
    }
    expect(withinOne).toBeGreaterThanOrEqual(10);
    expect(exact).toBeGreaterThanOrEqual(8);
  });
});

describe('the engine on the golden BlazePose landmarks of the banded squat (tfjs-models)', () => {
  it('counts the two completed squats and not the one the clip ends in', async () => {
    const { goldenTrack } = await import('../support/golden.ts');
    const report = analyzeTrack(goldenTrack(), 'squat');
    expect(report.repCount).toBe(2);
    expect(report.reps?.[0]?.bottomSec).toBeCloseTo(2.2, 0);
    expect(report.reps?.[1]?.bottomSec).toBeCloseTo(6.8, 0);
  });
});
