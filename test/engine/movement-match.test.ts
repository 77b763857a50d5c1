import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { movementMismatch } from '../../src/engine/movement-match.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';

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
