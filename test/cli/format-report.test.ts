import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/format-report.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { fixtureTrack } from '../support/tracks.ts';

describe('the report as printed', () => {
  it('names the view the camera had', () => {
    const report = analyzeTrack(fixtureTrack('squat_side_gym_dowel_2reps'), 'squat');
    expect(formatReport(report).split('\n')[0]).toMatch(/, filmed from the side \(form judged/);
  });

  it('says so in words when neither the front nor the side view held most of the frames', () => {
    // The rendered character faces the camera, but its narrow shoulders read 0.38-0.48 of its
    // torso's length, under the front view's 0.5 (view.ts): every frame counts as 3/4.
    const report = analyzeTrack(fixtureTrack('michelle_calf_raise_front'), 'calf-raise');
    expect(report.view).toBe('unknown');
    const first = formatReport(report).split('\n')[0];
    expect(first).toMatch(/, filmed neither from the front nor from the side \(form judged/);
    expect(first).not.toMatch(/the unknown/);
  });
});
