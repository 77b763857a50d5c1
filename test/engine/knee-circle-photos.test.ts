import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import type { Report } from '../../src/engine/report.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { resampleTrack } from '../../src/pose/resample-track.ts';
import type { Pose } from '../../src/pose/skeleton.ts';
import { stillTrack } from '../support/tracks.ts';
import { mirrored } from '../support/transform-track.ts';

// Knee circles on a real person: no clip of them exists, but free-exercise-db (Unlicense) shows
// them as two photos from one camera, standing upright with the hands on the hips and with the
// knees bent and shifted to one side. The second photo mirrored is the knees shifted to the other
// side, the head at the same height. formcheck's own tracks of the photos (1 s of video of each,
// `test/fixtures/stills`) played in turn make a set of circles: the person's own proportions and
// the model's own keypoints, the motion jumping from one photo to the next.

const FRAME_MS = 1000 / 30;
/** A photo's poses, its first frame left out (the model's first frame of a clip is off). */
const posesOf = (t: PoseTrack): (Pose | null)[] => t.frames.slice(1).map((f) => f.pose);
const UPRIGHT = posesOf(stillTrack('knee_circles_front_fedb_0_neutral'));
const ONE_SIDE = posesOf(stillTrack('knee_circles_front_fedb_1_knees_bent_shifted'));
const OTHER_SIDE = posesOf(mirrored(stillTrack('knee_circles_front_fedb_1_knees_bent_shifted')));

/** The photos held in turn, each for its milliseconds, at 30 frames/s. */
function played(held: readonly (readonly [readonly (Pose | null)[], number])[]): PoseTrack {
  const poses = held.flatMap(([photo, ms]) =>
    Array.from({ length: Math.round(ms / FRAME_MS) }, (_, i) => photo[i % photo.length] ?? null),
  );
  return {
    ...stillTrack('knee_circles_front_fedb_0_neutral'),
    frames: poses.map((pose, i) => {
      const timestampMs = Math.round(i * FRAME_MS);
      return { timestampMs, pose: pose === null ? null : { ...pose, timestampMs } };
    }),
  };
}

/** Set up standing upright for 2 s, then `sides` sides reached in turn, `sideMs` each. */
function circling(sides: number, sideMs: number, upBetweenSides = false): PoseTrack {
  return played([
    [UPRIGHT, 2000],
    ...Array.from({ length: sides }, (_, i) => {
      const side = i % 2 === 0 ? ONE_SIDE : OTHER_SIDE;
      return upBetweenSides
        ? ([
            [side, sideMs / 2],
            [UPRIGHT, sideMs / 2],
          ] as const)
        : ([[side, sideMs]] as const);
    }).flat(),
    [UPRIGHT, 1000],
  ]);
}

const circles = (r: Report) => (r.circles?.clockwise ?? 0) + (r.circles?.anticlockwise ?? 0);
const headBob = (r: Report) => r.verdicts?.find((v) => v.check === 'head-bob');

describe('knee circles on photos of a real person', () => {
  it('counts a circle for each second side the knees reach, at 30, 15 and 10 frames/s', () => {
    for (const [sides, sideMs] of [
      [12, 1000],
      [12, 750],
      [8, 1500],
    ] as const) {
      const track = circling(sides, sideMs);
      for (const fps of [undefined, 15, 10]) {
        const r = analyzeTrack(
          fps === undefined ? track : resampleTrack(track, fps),
          'knee-circles',
        );
        expect(circles(r), `${sides} sides of ${sideMs} ms at ${fps ?? 30} frames/s`).toBe(
          sides / 2,
        );
      }
    }
  });

  it('passes a head held at one height through the circles', () => {
    const r = analyzeTrack(circling(12, 1000), 'knee-circles');
    expect(headBob(r)?.status).toBe('pass');
    expect(r.faults.map((f) => f.code)).not.toContain('head-bob');
  });

  it('finds the head bobbing when the person stands up between sides', () => {
    // Knees bent at each side and straight between them: the head drops 10.6 % of stature each
    // side (the two photos), four times the 2.5 % limit.
    const r = analyzeTrack(circling(12, 1000, true), 'knee-circles');
    expect(circles(r)).toBe(6);
    expect(headBob(r)?.status).toBe('fault');
    expect(headBob(r)?.value).toBeGreaterThan(8);
    expect(r.faults.find((f) => f.code === 'head-bob')?.message).toBe(
      'Keep your head still: only the knees move.',
    );
  });
});
