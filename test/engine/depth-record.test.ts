import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { SPLIT_STANCE_SHANKS } from '../../src/engine/stance-features.ts';
import { fixtureTrack } from '../support/tracks.ts';

// The record of how deep each squat or lunge went (checks/depth-record.ts), as history, the report
// and `formcheck analyze` keep it, on real side-on clips.

describe("a rep's depth record", () => {
  it('keeps a deep squat: thighs about level, knees bent past 90°, feet side by side', () => {
    const reps = analyzeTrack(fixtureTrack('squat_side_gym_dowel_2reps.mp4'), 'squat').reps ?? [];
    expect(reps).toHaveLength(2);
    for (const rep of reps) {
      const thigh = rep.depth?.thighAboveLevelDeg ?? NaN;
      expect(Math.abs(thigh)).toBeLessThanOrEqual(5);
      expect(rep.depth?.belowParallel).toBe(thigh <= 0);
      expect(rep.depth?.kneeAngleDeg).toBeLessThan(90);
      expect(rep.footAheadShanks).toBeLessThan(SPLIT_STANCE_SHANKS);
    }
  });

  it('keeps a lunge with one foot a split stance ahead of the other', () => {
    const reps =
      analyzeTrack(fixtureTrack('lunge_forward_side_whitebg_8reps.mp4'), 'lunge').reps ?? [];
    expect(reps).toHaveLength(8);
    for (const rep of reps) expect(rep.footAheadShanks).toBeGreaterThan(SPLIT_STANCE_SHANKS);
  });

  it('is not kept for a calf raise, which does not go down', () => {
    const reps = analyzeTrack(fixtureTrack('calfraise_rear_wall_hands.mp4'), 'calf-raise').reps;
    expect(reps?.length).toBeGreaterThan(0);
    for (const rep of reps ?? []) {
      expect(rep.depth).toBeUndefined();
      expect(rep.footAheadShanks).toBeUndefined();
    }
  });
});
