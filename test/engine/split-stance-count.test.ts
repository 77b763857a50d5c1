import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { parsePoseTrack, type PoseTrack } from '../../src/pose/pose-track.ts';
import { resampleTrack } from '../../src/pose/resample-track.ts';
import type { Keypoint, KeypointName, Pose, Side } from '../../src/pose/skeleton.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';
import { analysedLive } from '../support/transform-track.ts';

// A lunge or split squat is counted on the hips' height above the floor (signals.ts,
// 'hip-height'), not on the hips above a knee: the back knee sinks with the hips, so only the
// front leg's gap falls. Side on, one leg is often hidden (on the side-view clips here one knee
// is seen in 70-100 % of frames), and the model swaps which leg it calls left in 10-17 % of
// side-view squat frames (../shared/data/rendered/README.md): a count that follows a leg would
// then follow the wrong one. The real lunge clips, with a leg hidden or the legs' names swapped,
// must count what they count as filmed.

const LEG_JOINTS = ['knee', 'ankle', 'heel', 'toe'] as const;
const OTHER: Record<Side, Side> = { left: 'right', right: 'left' };

const track = fixtureTrack;

function editPoses(t: PoseTrack, edit: (pose: Pose, frame: number) => Pose): PoseTrack {
  return { ...t, frames: t.frames.map((f, i) => ({ ...f, pose: f.pose && edit(f.pose, i) })) };
}

/** The leg below the hip is not seen (scores under the threshold), as the far leg side on. */
function hideLeg(t: PoseTrack, side: Side): PoseTrack {
  return editPoses(t, (pose) => {
    const keypoints: Partial<Record<KeypointName, Keypoint>> = { ...pose.keypoints };
    for (const j of LEG_JOINTS) {
      const k = keypoints[`${side}_${j}`];
      if (k !== undefined) keypoints[`${side}_${j}`] = { ...k, score: 0.1 };
    }
    return { ...pose, keypoints };
  });
}

/** In 3 frames of every 20 (15 %, 0.1 s at 30 frames/s) the legs' names are swapped. */
function swapLegNames(t: PoseTrack): PoseTrack {
  return editPoses(t, (pose, i) => {
    if (i % 20 >= 3) return pose;
    const rename = (name: KeypointName): KeypointName => {
      const [side, joint] = name.split('_') as [Side, string];
      return LEG_JOINTS.some((j) => j === joint)
        ? (`${OTHER[side]}_${joint}` as KeypointName)
        : name;
    };
    const swap = <T>(points: Readonly<Partial<Record<KeypointName, T>>>) =>
      Object.fromEntries(Object.entries(points).map(([n, p]) => [rename(n as KeypointName), p]));
    return {
      ...pose,
      keypoints: swap(pose.keypoints),
      ...(pose.world === undefined ? {} : { world: swap(pose.world) }),
    };
  });
}

const lunges = LABELS.filter((l) => l.exercise === 'lunge' && l.view !== 'front');

describe('lunges seen side on and at 3/4 are counted whichever leg the model sees', () => {
  it('has real lunge clips to judge by', () => {
    expect(lunges.map((l) => l.file)).toEqual(
      expect.arrayContaining([
        'lunge_forward_side_whitebg_8reps.mp4',
        'lunge_forward_side_1rep.mp4',
      ]),
    );
  });

  it.each(lunges.map((l) => [l.file, l.reps] as const))(
    '%s: the labelled %i with either leg hidden',
    (file, reps) => {
      expect(analyzeTrack(track(file), 'lunge').repCount).toBe(reps);
      for (const side of ['left', 'right'] as const)
        expect(
          analyzeTrack(hideLeg(track(file), side), 'lunge').repCount,
          `${side} leg hidden`,
        ).toBe(reps);
    },
  );

  it.each(lunges.map((l) => [l.file, l.reps] as const))(
    '%s: the labelled %i with the legs named the wrong way round now and then',
    (file, reps) => {
      expect(analyzeTrack(swapLegNames(track(file)), 'lunge').repCount).toBe(reps);
    },
  );

  it('does the same with a leg hidden and the other one named the wrong way round now and then', () => {
    const file = 'lunge_forward_side_whitebg_8reps.mp4';
    expect(analyzeTrack(swapLegNames(hideLeg(track(file), 'left')), 'lunge').repCount).toBe(8);
  });
});

// The front-view split squats go straight from one rep into the next: the man stands up for about
// 0.15 s. A slow laptop analyses 8-12 frames a second, taken whenever the detector is free, so
// often one frame sees him standing, the same frame on which the rep before is counted.
describe('split squats with one standing frame between reps, analysed as a slow laptop does live', () => {
  const file = 'lunge_split_front_knee_valgus_WRONG_5reps.mp4';

  it.each([1, 2, 3])(
    'counts each rep that leaves from that frame as a rep of its own (draw %i)',
    (seed) => {
      const report = analyzeTrack(analysedLive(track(file), 80, 130, seed), 'lunge');
      const bottoms = report.reps?.map((r) => Math.round(r.bottomSec)) ?? [];
      // The fifth comes back far enough to count 0.1 s before the clip ends. With the two frames in
      // the spike filter's window taken as their upper one (median-filter.ts) it counted only when a
      // frame was analysed in that last 0.1 s (draws 1 and 3); with their mean, on every draw.
      expect(bottoms).toEqual([1, 2, 3, 4, 5]);
    },
  );
});

// From the front the back shin points away from the camera and reads as little as half its
// length, and the model finds the back ankle in some frames only. Mirrored and tracked again, it
// found it in the first 0.3 s and never after, and the split squats counted 0 of 5 at 12 frames/s
// and below: the hips' height, measured in the mean of the two shanks, read 2.4-2.6 of them while
// the back one was found and 1.6-1.8 at every top after, so the set never came back to where it
// started. The hips' height is measured in the longer shank (signals.ts, `rulerShank`).
describe('split squats from the front whose back ankle the model loses after the first moment', () => {
  const file = 'lunge_split_front_knee_valgus_WRONG_5reps.mp4';
  const backAnkleLost = editPoses(track(file), (pose) => {
    if (pose.timestampMs < 250) return pose;
    const keypoints: Partial<Record<KeypointName, Keypoint>> = { ...pose.keypoints };
    delete keypoints.left_ankle;
    return { ...pose, keypoints };
  });

  it.each([30, 15, 12, 10, 8])('counts all five at %i frames/s', (fps) => {
    expect(analyzeTrack(resampleTrack(backAnkleLost, fps), 'lunge').repCount).toBe(5);
  });
});

// The same clip looped as the webcam of the app in Chromium, the CPU shared with a busy process:
// the poses the app analysed, 7.6-8.3 a second (80-160 ms apart), kept as it got them (test/e2e
// probe, not a committed test; tracks in test/fixtures/live). About 60 split squats done in each,
// about 1.1 s apart: a gap of over 1.6 s between counted bottoms is a rep merged into the next,
// one under 0.6 s a rep split in two.
describe('split squats of two live sessions on a slow laptop, as the app analysed them', () => {
  const file = 'lunge_split_front_knee_valgus_WRONG_5reps';
  const live = (name: string) =>
    parsePoseTrack(
      readFileSync(
        join(
          import.meta.dirname,
          '..',
          'fixtures',
          'live',
          `${file}.slow-laptop-${name}.track.json`,
        ),
        'utf8',
      ),
    );
  const gaps = (t: PoseTrack) => {
    const bottoms = analyzeTrack(t, 'lunge').reps?.map((r) => r.bottomSec) ?? [];
    return bottoms.slice(1).map((b, i) => b - (bottoms[i] ?? b));
  };

  it('merges no rep into the next and splits none (a session at 7.6 frames/s)', () => {
    // It merged 2 when the spike filter's two frames gave their upper one, and 1 while a rep of
    // one counter sharing a fifth of its span with the other's long rep was taken for the same
    // movement (rep-analyzer.ts, `sameMovement`).
    const g = gaps(live('b'));
    expect(g.length).toBeGreaterThan(55);
    expect(g.filter((x) => x > 1.6)).toEqual([]);
    expect(g.filter((x) => x < 0.6)).toEqual([]);
  });

  it('merges one rep of about 60 (a session at 8.3 frames/s; 4 with the upper of two frames)', () => {
    // The one left: the rep leaves from a frame one counter reads not quite back at the start,
    // which is the frame the other counter's last rep closed on: the rest of that movement.
    const g = gaps(live('a'));
    expect(g.length).toBeGreaterThan(55);
    expect(g.filter((x) => x > 1.6)).toHaveLength(1);
    expect(g.filter((x) => x < 0.6)).toEqual([]);
  });
});
