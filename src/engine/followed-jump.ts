import type { Pose } from '../pose/skeleton.ts';
import { Body, type BodyPoint } from './body.ts';

/**
 * How far the followed person's trunk may move between two frames in which it is seen, before the
 * move reads as a jump (torso lengths: the trunk from mid-shoulders to mid-hips). A person
 * exercising in place moves the trunk under 1.5 torso lengths a second (a squat's trunk travels
 * about 0.7 torso lengths in a second's descent), and one walking across the view at 1.3 m/s about
 * 2.6 (a torso ≈ 0.5 m). 0.5 torso lengths in one frame is 15 a second at 30 frames/s and still 5
 * at 10: no one moves their trunk that fast. Only the model jumps so: to someone else (the
 * tracker taken over by a person crossing in front), or in a misread frame.
 */
export const JUMP_TORSOS = 0.5;

/**
 * …and faster than this (torso lengths a second): 2 m/s, quicker than anyone walks about a room
 * (a torso ≈ 0.5 m). A slow laptop's frames, 200 ms apart at 5 frames/s, see a brisk walk across
 * the view (1.5 m/s) move 0.6 torso lengths a frame: not a jump.
 */
export const JUMP_TORSOS_PER_SEC = 4;

/**
 * The trunk's length in the picture may change by this factor between two frames in which it is
 * seen: 25 % larger from 2 m away is 0.4 m nearer the camera within one frame (a fifth of a second
 * even at 5 frames/s: 2 m/s), more than anyone moves towards a laptop mid-set.
 */
export const JUMP_SIZE_RATIO = 1.25;

interface Trunk {
  readonly centre: BodyPoint;
  readonly length: number;
  readonly atMs: number;
}

function trunkOf(pose: Pose): Trunk | undefined {
  const body = new Body(pose);
  const [ls, rs, lh, rh] = [
    body.joint('left', 'shoulder'),
    body.joint('right', 'shoulder'),
    body.joint('left', 'hip'),
    body.joint('right', 'hip'),
  ];
  if (!ls || !rs || !lh || !rh) return undefined;
  const shoulders = { x: (ls.x + rs.x) / 2, y: (ls.y + rs.y) / 2 };
  const hips = { x: (lh.x + rh.x) / 2, y: (lh.y + rh.y) / 2 };
  const length = Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y);
  if (!(length > 1e-6)) return undefined;
  return {
    centre: { x: (shoulders.x + hips.x) / 2, y: (shoulders.y + hips.y) / 2 },
    length,
    atMs: pose.timestampMs,
  };
}

/**
 * Whether the person the detector follows jumped between frames: the trunk moved further and
 * faster, or grew or shrank more, than a person can in one frame (against the last frame in which
 * it was seen, across frames with nobody found). The detector may then be following someone else: the
 * people in view are worth counting now rather than at the next 2 s (others-in-view.ts). A
 * misread frame jumps too; that costs one count more, not a wrong note: the count decides.
 */
export class FollowedJump {
  private last: Trunk | undefined;

  /** Feeds the next frame's pose (null: nobody found); true when its trunk jumped. */
  push(pose: Pose | null): boolean {
    const trunk = pose === null ? undefined : trunkOf(pose);
    if (trunk === undefined) return false;
    const last = this.last;
    this.last = trunk;
    if (last === undefined) return false;
    const step =
      Math.hypot(trunk.centre.x - last.centre.x, trunk.centre.y - last.centre.y) / last.length;
    const seconds = (trunk.atMs - last.atMs) / 1000;
    const ratio = trunk.length / last.length;
    return (
      (step > JUMP_TORSOS && step > JUMP_TORSOS_PER_SEC * seconds) ||
      ratio > JUMP_SIZE_RATIO ||
      ratio < 1 / JUMP_SIZE_RATIO
    );
  }

  reset(): void {
    this.last = undefined;
  }
}
