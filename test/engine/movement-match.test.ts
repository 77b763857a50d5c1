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
