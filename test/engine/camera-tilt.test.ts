import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { Body } from '../../src/engine/body.ts';
import { CameraTilt, TILT_TOLD_FROM_DEG, tiltNote } from '../../src/engine/camera-tilt.ts';
import { EXERCISES } from '../../src/engine/catalog.ts';
import { frameFeatures } from '../../src/engine/features.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack, mirroredTrack } from '../support/tracks.ts';
import { tilted, without3d } from '../support/transform-track.ts';

// Side on, depth and lean are angles against the picture's level: a camera tilted sideways moves
// them by as much. Facing the camera, the standing body is a plumb line, and a tilt is read there
// and told while setting up (camera-tilt.ts).

/** The tilt read over a whole track, as the analyzer reads it (every frame with a person). */
function tiltOf(track: PoseTrack): number | undefined {
  const tilt = new CameraTilt();
  for (const f of track.frames)
    if (f.pose !== null)
      tilt.push(frameFeatures(new Body({ ...f.pose, timestampMs: f.timestampMs })));
  return tilt.current();
}

const scored = LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise));
const read = scored.flatMap((l) => {
  const deg = tiltOf(fixtureTrack(l.file));
  return deg === undefined ? [] : [{ label: l, deg }];
});

describe('a camera tilted sideways', () => {
  it('is read on the clips in which someone stands facing the camera for a second', () => {
    // 14 clips: front views, the front part of mixed ones, yoga holds facing the camera.
    expect(read.length).toBeGreaterThanOrEqual(12);
    // ...and on none filmed side on: there the body is no plumb line.
    const sideOn = read.filter((r) => r.label.view === 'side');
    expect(sideOn.map((r) => r.label.file)).toEqual([]);
  });

  it.each([7, -7])('tilted %i°, each of those clips reads that much more', (deg) => {
    for (const { label, deg: asFilmed } of read) {
      const seen = tiltOf(tilted(fixtureTrack(label.file), deg));
      expect(seen, label.file).toBeDefined();
      expect(Math.abs((seen ?? 0) - asFilmed - deg), label.file).toBeLessThan(0.5);
    }
  });

  it('is not told on any labelled clip as filmed or mirrored', () => {
    for (const { label, deg } of read) expect(Math.abs(deg), label.file).toBeLessThan(5.5);
    for (const { label } of read) {
      const mirrored = tiltOf(mirroredTrack(label.file));
      if (mirrored !== undefined) expect(Math.abs(mirrored), label.file).toBeLessThan(5.5);
    }
    for (const label of scored) {
      const report = analyzeTrack(fixtureTrack(label.file), label.exercise);
      expect(report.notes.filter((n) => n.startsWith('The camera looked tilted'))).toEqual([]);
    }
  });

  it('is told in the report of a squat or a hold filmed through it, with how far', () => {
    for (const { label, deg } of read) {
      // Further the way it already reads (a clip reading -5° tilted 8° the other way reads 3°).
      const by = deg >= 0 ? 8 : -8;
      const report = analyzeTrack(tilted(fixtureTrack(label.file), by), label.exercise);
      const exercise = EXERCISES.find((e) => e.id === label.exercise);
      const judgedByAngles =
        exercise?.kind === 'hold' ||
        (exercise?.kind === 'reps' &&
          exercise.checks.some((c) => c === 'depth' || c === 'forward-lean'));
      if (!judgedByAngles) {
        expect(report.cameraTiltDeg, label.file).toBeUndefined();
        continue;
      }
      expect(report.cameraTiltDeg, label.file).toBe(Math.round(deg + by));
      expect(Math.abs(report.cameraTiltDeg ?? 0)).toBeGreaterThanOrEqual(TILT_TOLD_FROM_DEG);
      expect(report.notes, label.file).toContain(tiltNote(Math.round(deg + by)));
    }
  });

  it('is not a person leaning over one leg, the other foot lifted (the real ankle circles)', () => {
    // Every line of the body leans 17-25° from the picture's vertical there, agreeing; the feet,
    // one of them off the floor, tell it from a tilt.
    const asFilmed = tiltOf(fixtureTrack('ankle_circles_front_standing_home_4circles'));
    expect(Math.abs(asFilmed ?? 0)).toBeLessThan(2);
  });

  it('follows a camera levelled during a long session: the last readings count', () => {
    // The real front-view squat (0.7° as filmed) played through a camera tilted 8°, then levelled:
    // played on, level, the tilt read goes back to the clip's own.
    const clip = fixtureTrack('squat_front_barbell_deep_1rep');
    const playMs = (clip.frames.at(-1)?.timestampMs ?? 0) + 33;
    const tilt = new CameraTilt();
    const play = (track: PoseTrack, times: number, fromPlay: number) => {
      for (let i = 0; i < times; i += 1)
        for (const f of track.frames) {
          const t = (fromPlay + i) * playMs + f.timestampMs;
          if (f.pose !== null) tilt.push(frameFeatures(new Body({ ...f.pose, timestampMs: t })));
        }
    };
    play(tilted(clip, 8), 6, 0);
    expect(Math.round(tilt.current() ?? 0)).toBe(9);
    play(clip, 4, 6);
    expect(Math.abs(tilt.current() ?? 99)).toBeLessThan(1.5);
  });

  it('is not read without 3-D landmarks (MoveNet): the feet on the floor cannot be told', () => {
    for (const { label } of read)
      expect(tiltOf(without3d(tilted(fixtureTrack(label.file), 8))), label.file).toBeUndefined();
  });
});
