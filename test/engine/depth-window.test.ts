import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { lowestSustained } from '../../src/engine/checks/depth.ts';
import type { AnalyzedFrame } from '../../src/engine/front-end.ts';
import { mirroredTrack } from '../support/tracks.ts';
import { analysedLive } from '../support/transform-track.ts';

// Depth is the thigh's lowest *sustained* reading over the rep: each frame's value is the median
// of the frames around it, and a value seen in one frame alone does not count. How far "around"
// reaches follows the frames the detector analysed.

/** Frames of a rep at `times` (ms); the measure reads `values` by frame, on the left side only. */
function lowest(times: readonly number[], values: ReadonlyMap<number, number>): number | undefined {
  // Only the timestamp is read by the window; the measure is looked up by it.
  const frames = times.map((timestampMs) => ({ timestampMs }) as AnalyzedFrame);
  return lowestSustained(
    frames,
    (f, side) => (side === 'left' ? values.get(f.timestampMs) : undefined),
    ['left', 'right'],
  );
}

describe('the bottom of a rep, read from the frames around it', () => {
  it('judges a bottom the detector saw in one frame, about 170 ms from the frames either side (a slow laptop live), with them', () => {
    // A quick clean squat as a slow laptop analyses it (a frame every 133 ms, 167 ms when the
    // detector took longer): 5° below level in its one bottom frame.
    const seen = new Map([
      [0, 80],
      [133, 60],
      [267, 37],
      [400, 13],
      [567, -5],
      [733, 10],
      [867, 36],
      [1000, 58],
    ]);
    // The median of the bottom frame and its two neighbours; it had read 23° above level, the
    // frames around the bottom without it.
    expect(lowest([...seen.keys()], seen)).toBe(10);
  });

  it('still says nothing of a side seen in one stray frame, away from its other frames', () => {
    // 30 frames/s; the side is seen once at 100 ms (a far knee found once) and again from 600 ms.
    const times = Array.from({ length: 30 }, (_, i) => Math.round(i * 33.3));
    const seen = new Map<number, number>([[times[3] ?? 0, -30]]);
    for (const t of times.slice(18)) seen.set(t, 40);
    expect(lowest(times, seen)).toBe(40);
  });

  it('passes every rep of the clean side-on squats read mirrored and analysed as a slow laptop does, six draws', () => {
    // One draw had read a rep 36° above level: its bottom was analysed in one frame.
    const track = mirroredTrack('squat_side_whitebg_wahoo_3reps');
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const reps = analyzeTrack(analysedLive(track, 80, 130, seed), 'squat').reps ?? [];
      expect(reps).toHaveLength(3);
      for (const rep of reps)
        expect(rep.verdicts.find((v) => v.check === 'depth')?.status, `draw ${seed}`).toBe('pass');
    }
  });
});
