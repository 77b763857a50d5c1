import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { SetupSummary } from '../../src/engine/setup-summary.ts';
import { fixtureTrack } from '../support/tracks.ts';

/** Pushes `state` every 33 ms from `fromMs` for `forMs`. */
function feed(
  s: SetupSummary,
  fromMs: number,
  forMs: number,
  state: Parameters<SetupSummary['push']>[1],
): void {
  for (let t = fromMs; t < fromMs + forMs; t += 33) s.push(t, state);
}

describe('SetupSummary: why a set was never judged', () => {
  it('says nothing once the person was in position, however long it took', () => {
    const s = new SetupSummary();
    feed(s, 0, 5000, { kind: 'no-person' });
    feed(s, 5000, 100, 'ready');
    feed(s, 5100, 5000, { kind: 'not-still' });
    expect(s.note()).toBeUndefined();
  });

  it('says nothing about a set with no frames at all (the caller reports that)', () => {
    expect(new SetupSummary().note()).toBeUndefined();
  });

  it('names the issue that held the set-up longest', () => {
    const s = new SetupSummary();
    feed(s, 0, 1000, { kind: 'no-person' });
    feed(s, 1000, 3000, { kind: 'not-still' });
    expect(s.note()).toMatch(/^Never in position, so nothing was counted: the start position/);
  });

  it('names the joints out of view most of the time, both sides as one plural', () => {
    const s = new SetupSummary();
    feed(s, 0, 3000, { kind: 'missing', keypoints: ['left_hip', 'right_hip'] });
    feed(s, 3000, 200, { kind: 'missing', keypoints: ['left_knee'] });
    expect(s.note()).toBe(
      'Never in position, so nothing was counted: the hips were out of view most of the time. Step back so your whole body is in view.',
    );
  });

  it('says one joint of one side as one joint, with no side', () => {
    const s = new SetupSummary();
    feed(s, 0, 3000, { kind: 'missing', keypoints: ['right_ankle'] });
    expect(s.note()).toMatch(/: the ankle was out of view most of the time\./);
  });
});

describe('a real clip in which the person is never in position', () => {
  it('reports why nothing was counted (lower legs only: nobody found in most frames)', () => {
    // Its first 1.5 s: the person is found in 6 frames of 45 and never long enough to set up.
    const whole = fixtureTrack('tibialis_wall_raise_side_LOWER_LEGS_ONLY_3reps');
    const track = { ...whole, frames: whole.frames.filter((f) => f.timestampMs < 1500) };
    const report = analyzeTrack(track, 'tibialis-lift');
    expect(report.repCount).toBe(0);
    expect(report.notes).toContain(
      'Never in position, so nothing was counted: nobody was found in most frames. The whole body, head included, must be in view.',
    );
  });
});
