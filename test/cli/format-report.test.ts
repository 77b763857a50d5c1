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
    // The banded lunges are filmed with the person turned about 45° towards the camera: their hips
    // and shoulders read 50-60° turned (view.ts), a 3/4 view in most frames.
    const report = analyzeTrack(fixtureTrack('lunge_34_banded'), 'lunge');
    expect(report.view).toBe('unknown');
    const first = formatReport(report).split('\n')[0];
    expect(first).toMatch(/, filmed neither from the front nor from the side \(form judged/);
    expect(first).not.toMatch(/the unknown/);
  });
});
