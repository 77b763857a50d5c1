import { describe, expect, it } from 'vitest';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { resampleTrack } from '../../src/pose/resample-track.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack, handheldTrack, heldTrack, mirroredTrack } from '../support/tracks.ts';
import { withKeypointJitter } from '../support/transform-track.ts';

// An ankle circle is drawn with the foot off the floor (circle-analyzer.ts): a toe swinging with
// both feet down (setting up, shifting weight, circling the hips) is not one.

/** When each circle was credited (s) as the track plays, from `fromSec` on. */
function circleTimesSec(track: PoseTrack, exercise: string, fromSec = 0): number[] {
  const a = new ExerciseAnalyzer(findExercise(exercise));
  const out: number[] = [];
  for (const f of track.frames.filter((f) => f.timestampMs >= fromSec * 1000))
    for (const e of a.push(f.pose, f.timestampMs))
      if (e.type === 'circle') out.push(f.timestampMs / 1000);
  return out;
}

describe('ankle circles on real footage', () => {
  it('counts the labelled circles, not the set-up swing before them with the foot down', () => {
    const clip = 'ankle_circles_front_standing_home_4circles';
    const label = LABELS.find((l) => l.file === `${clip}.mp4`);
    const firstStart = label?.circlesSec?.[0]?.[0] ?? NaN;
    expect(analyzeTrack(fixtureTrack(clip), 'ankle-circles').circles?.clockwise).toBe(
      label?.circles,
    );
    // A circle is credited as it ends: none before the first labelled one has ended.
    const firstEnd = label?.circlesSec?.[0]?.[1] ?? NaN;
    const times = circleTimesSec(fixtureTrack(clip), 'ankle-circles');
    expect(times).toHaveLength(label?.circles ?? -1);
    expect(Math.min(...times)).toBeGreaterThan(firstStart);
    expect(Math.min(...times)).toBeLessThan(firstEnd + 0.5);
  });

  it('counts no circle while the person waits, standing still, however long and from whenever', () => {
    // The clip with its first frame held 8 s (the person standing, as a webcam shows someone
    // waiting for "Go!"), 480 px high at 15 frames/s, tracked afresh. Both feet still, the model's
    // readings of them drift alike by a thousandth of the picture, and the foot circling was the
    // one whose toe had travelled further in the last 2 s: it flipped from one to the other, each
    // flip a stance's width, and read as a swing out and back. As a webcam, the app counted 5 of
    // the 4 circles, the first at 0.5 s into the clip; analysed from the start, 6. The set opens
    // at any moment of the wait.
    const track = heldTrack('ankle_circles_front_standing_home_4circles.first-frame-held-8s');
    const label = LABELS.find((l) => l.file === 'ankle_circles_front_standing_home_4circles.mp4');
    const firstStart = 8 + (label?.circlesSec?.[0]?.[0] ?? NaN);
    for (const fromSec of [0, 2, 4, 6]) {
      const times = circleTimesSec(track, 'ankle-circles', fromSec);
      expect(times, `the set opened ${fromSec} s into the wait`).toHaveLength(label?.circles ?? -1);
      expect(Math.min(...times)).toBeGreaterThan(firstStart);
    }
  });

  it('says why a swing with the foot down was not counted (a note, not a form fault)', () => {
    // Hips circled with both feet on the floor, analysed as ankle circles: the toes sway with the
    // hips, and once a toe swings out and over as far as a circle would, with the foot down. (The
    // ankle-circle clip's own set-up swing before its first circle was one, until the toe was
    // measured from the standing ankle: now it is not a swing.)
    const r = analyzeTrack(
      fixtureTrack('hip_circles_standing_34front_then_side_fitbod_8circles'),
      'ankle-circles',
    );
    const notes = r.faults.filter((f) => f.code === 'foot-down');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note).toMatchObject({
        severity: 'info',
        unit: 'cm',
        threshold: 5,
        message: 'Not counted: lift the foot off the floor and circle it in the air.',
      });
      expect(note.value).toBeLessThan(5);
    }
    expect(r.circles).toEqual({ clockwise: 0, anticlockwise: 0 });
  });

  it('counts the 4 circles read a second time, mirrored, at 30, 15 and 10 frames/s', () => {
    // The clip mirrored and tracked afresh (fixtures README). At 10 frames/s the set-up swing with
    // the foot down was paired with the first real side, and each circle after ran half a circle
    // late, the last one ending as the foot came down: 3. A circle drawn with the foot down now
    // gives its last side back to the next one.
    const track = mirroredTrack('ankle_circles_front_standing_home_4circles');
    for (const fps of [undefined, 15, 10]) {
      const r = analyzeTrack(
        fps === undefined ? track : resampleTrack(track, fps),
        'ankle-circles',
      );
      expect(r.circles?.clockwise, `${fps ?? 30} frames/s`).toBe(4);
    }
  });

  it('does not count hips circling with both feet on the floor as ankle circles', () => {
    const r = analyzeTrack(
      fixtureTrack('hip_circles_standing_34front_then_side_fitbod_8circles'),
      'ankle-circles',
    );
    expect(r.circles).toEqual({ clockwise: 0, anticlockwise: 0 });
  });
});

describe('ankle circles through a noisier detector', () => {
  it('counts the 4 circles filmed by a moving hand, and after a wait standing still', () => {
    // White noise on every point (of the frame height): the toe was read as its place in the
    // picture over each frame's shank, and the shank's jitter, times the toe's 3.75 shanks from
    // the picture's edge, swung it as far as a circle's smallest swing. Hand-held at 0.2 % that
    // counted 3 in 3 of 5 draws; after the held first frame at 0.1 %, 5-8. The toe is now
    // measured from the standing ankle (form-checks.md, "Where the toe is").
    const clip = 'ankle_circles_front_standing_home_4circles';
    for (const seed of [1, 2, 3, 4, 5]) {
      const handheld = analyzeTrack(
        withKeypointJitter(handheldTrack(clip), 0.002, seed),
        'ankle-circles',
      );
      expect(handheld.circles?.clockwise, `hand-held, draw ${seed}`).toBe(4);
      const waited = analyzeTrack(
        withKeypointJitter(heldTrack(`${clip}.first-frame-held-8s`), 0.001, seed),
        'ankle-circles',
      );
      expect(waited.circles?.clockwise, `after the wait, draw ${seed}`).toBe(4);
    }
  });
});

describe('the head over real ankle circles, through a noisier detector', () => {
  it('passes the still head', () => {
    // With this clip as a 640-px webcam analysed at ~15 frames/s, one circle of each play read
    // 2.6-2.9 % of stature against the 2.5 % limit and "Head still." was said every play: the
    // range took two frames' jitter. With white noise of 0.2 % of the frame height on every
    // keypoint it read 3.0 %; each height is now the median of those within ±80 ms.
    for (const seed of [7, 11]) {
      const r = analyzeTrack(
        withKeypointJitter(
          fixtureTrack('ankle_circles_front_standing_home_4circles.mp4'),
          0.002,
          seed,
        ),
        'ankle-circles',
      );
      expect(r.faults.map((f) => f.code)).not.toContain('head-bob');
      expect(r.circles?.clockwise).toBe(4);
    }
  });
});
