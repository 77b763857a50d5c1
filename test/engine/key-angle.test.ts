import { describe, expect, it } from 'vitest';
import { ExerciseAnalyzer, type LiveState } from '../../src/engine/analyzer.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { fixtureTrack } from '../support/tracks.ts';

// The overlay draws one knee angle beside the knee. It is read from the picture, which shows the
// knee's bend only side on: a number two metres away is either right or not shown.

/** The knee angle the live state offers after each frame of a clip, with the frame's time. */
function keyAngles(clip: string, exerciseId: string) {
  const analyzer = new ExerciseAnalyzer(findExercise(exerciseId));
  const shown: { atSec: number; angle: LiveState['keyAngle'] }[] = [];
  for (const f of fixtureTrack(clip).frames) {
    analyzer.push(f.pose, f.timestampMs);
    shown.push({ atSec: f.timestampMs / 1000, angle: analyzer.live().keyAngle });
  }
  return shown;
}

const degrees = (shown: ReturnType<typeof keyAngles>) =>
  shown.flatMap((s) => (s.angle === undefined ? [] : [s.angle.deg]));

describe('the knee angle shown over the picture', () => {
  it('side on, follows the knee from standing to the bottom (the rendered squat: 179° to 90°)', () => {
    const deg = degrees(keyAngles('michelle_squat_side', 'squat'));
    expect(deg.length).toBeGreaterThan(300);
    expect(Math.max(...deg)).toBeGreaterThan(172);
    // Each of its three bottoms is 90° in the render's exact truth.
    expect(Math.min(...deg)).toBeGreaterThan(85);
    expect(Math.min(...deg)).toBeLessThan(100);
  });

  it('from the front, is not shown (the picture read 167-180° at the 90° bottom)', () => {
    expect(degrees(keyAngles('michelle_squat_front', 'squat'))).toEqual([]);
  });

  it('on a real set filmed from the front, then side on, then the front: shown side on only', () => {
    const shown = keyAngles('squat_front_side_front_crossfit_air.mp4', 'squat');
    const side = degrees(shown.filter((s) => s.atSec > 10 && s.atSec < 26));
    // Deep squats: the knees close to 55° at the bottom, straight between the reps.
    expect(Math.min(...side)).toBeLessThan(65);
    expect(Math.max(...side)).toBeGreaterThan(170);
    expect(degrees(shown.filter((s) => s.atSec < 8.5 || s.atSec > 28))).toEqual([]);
  });

  it('is not shown for a calf raise, whose knees stay straight (side on)', () => {
    expect(degrees(keyAngles('michelle_calf_raise_side', 'calf-raise'))).toEqual([]);
  });
});
