import { describe, expect, it } from 'vitest';
import {
  FollowedJump,
  JUMP_SIZE_RATIO,
  JUMP_TORSOS,
  JUMP_TORSOS_PER_SEC,
} from '../../src/engine/followed-jump.ts';
import type { Keypoint, KeypointName, Pose } from '../../src/pose/skeleton.ts';
import { crossingTrack, fixtureTrack } from '../support/tracks.ts';

// The person the detector follows jumps when the trunk moves or changes size between two frames
// more than anyone can: the tracker has moved to someone else (or misread a frame). A jump is a
// reason to count the people in view now (others-in-view.ts), not a verdict.

const DOWEL = fixtureTrack('squat_side_gym_dowel_2reps');

/** A real pose of the side-view dowel squat, standing. */
function standing(): Pose {
  const pose = DOWEL.frames.find((f) => f.pose !== null && f.timestampMs > 1000)?.pose;
  if (pose === undefined || pose === null) throw new Error('no pose');
  return pose;
}

/** The torso length in the picture (mid-shoulders to mid-hips), in frame-height units. */
function torso(pose: Pose): number {
  const k = pose.keypoints;
  const aspect = pose.frameSize.widthPx / pose.frameSize.heightPx;
  const mid = (a: KeypointName, b: KeypointName) => ({
    x: (((k[a]?.x ?? NaN) + (k[b]?.x ?? NaN)) / 2) * aspect,
    y: ((k[a]?.y ?? NaN) + (k[b]?.y ?? NaN)) / 2,
  });
  const s = mid('left_shoulder', 'right_shoulder');
  const h = mid('left_hip', 'right_hip');
  return Math.hypot(s.x - h.x, s.y - h.y);
}

/**
 * The pose `afterMs` later (a frame at 30 frames/s), moved sideways by `torsos` torso lengths and
 * scaled by `scale` about its hips.
 */
function moved(pose: Pose, torsos: number, scale = 1, afterMs = 33): Pose {
  const aspect = pose.frameSize.widthPx / pose.frameSize.heightPx;
  const dx = (torsos * torso(pose)) / aspect;
  const hip = pose.keypoints.left_hip ?? { x: 0.5, y: 0.5 };
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, p] of Object.entries(pose.keypoints) as [KeypointName, Keypoint][])
    keypoints[name] = {
      ...p,
      x: hip.x + (p.x - hip.x) * scale + dx,
      y: hip.y + (p.y - hip.y) * scale,
    };
  return { ...pose, timestampMs: pose.timestampMs + afterMs, keypoints };
}

const jumps = (poses: readonly (Pose | null)[]) => {
  const jump = new FollowedJump();
  return poses.map((p) => jump.push(p));
};

describe('the person followed jumps between frames', () => {
  it(`when the trunk moves more than ${JUMP_TORSOS} torso lengths from one frame to the next`, () => {
    const p = standing();
    expect(jumps([p, moved(p, 0.4)])).toEqual([false, false]);
    expect(jumps([p, moved(p, 0.6)])).toEqual([false, true]);
  });

  it(`and faster than ${JUMP_TORSOS_PER_SEC} torso lengths a second: a brisk walk seen at 5 frames/s is none`, () => {
    // 1.5 m/s, 3 torso lengths a second: 0.6 a frame 200 ms apart.
    const p = standing();
    expect(jumps([p, moved(p, 0.6, 1, 200)])).toEqual([false, false]);
    expect(jumps([p, moved(p, 0.9, 1, 200)])).toEqual([false, true]);
  });

  it(`when the trunk grows or shrinks more than ${JUMP_SIZE_RATIO}× from one frame to the next`, () => {
    const p = standing();
    expect(jumps([p, moved(p, 0, 1.2), moved(p, 0, 1.2 * 0.85, 66)])).toEqual([
      false,
      false,
      false,
    ]);
    expect(jumps([p, moved(p, 0, 1.3)])).toEqual([false, true]);
    expect(jumps([p, moved(p, 0, 0.75)])).toEqual([false, true]);
  });

  it('against the last frame the trunk was seen in, across frames with nobody found', () => {
    const p = standing();
    expect(jumps([p, null, null, moved(p, 0.6, 1, 100)])).toEqual([false, false, false, true]);
    expect(jumps([p, null, moved(p, 0.1, 1, 66)])).toEqual([false, false, false]);
  });

  it("not for a squat's own movement: the real dowel squat, alone in view, never jumps", () => {
    expect(jumps(DOWEL.frames.map((f) => f.pose)).filter(Boolean)).toEqual([]);
  });

  it('when someone crossing in front takes the tracker over, and when it comes back', () => {
    // The dowel squat with a second real person crossing in front of it from 8.2 s to 9.7 s (10
    // frames/s; test/support/side-by-side.ts). BlazePose loses the squatter at 8.8 s and follows
    // the crosser from 8.9 s (her trunk 1.5× as long as his) until she leaves the picture.
    const frames = crossingTrack().frames;
    const jumped = jumps(frames.map((f) => f.pose));
    const at = frames.filter((_, i) => jumped[i]).map((f) => Math.round(f.timestampMs / 100) / 10);
    // Taken over at 8.9 s; the crosser, followed, moves 0.6 torso lengths a frame (she crosses
    // the picture in 1.5 s); back on the squatter at 9.7 s. Nothing before or after.
    expect(at).toEqual([8.9, 9, 9.1, 9.2, 9.3, 9.4, 9.7]);
  });
});
