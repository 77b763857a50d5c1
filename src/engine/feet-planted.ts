import { median } from '../geometry/stats.ts';
import type { AnalyzedFrame } from './front-end.ts';
import type { SignalId } from './signals.ts';

/**
 * The exercises whose feet stay planted through a rep, pivoting on their balls: calf raises (the
 * heel rise). The tibialis lift pivots on the heels and could be held to the same rule; it is not
 * (its one real clip, lower legs only, has its feet misread: rep-counter.md).
 */
export const pivotsOnTheBalls = (id: SignalId): boolean => id === 'heel-rise';

/**
 * How far the toes may move apart or together in the picture during a calf raise, in shank
 * lengths: a foot's length (foot 0.152, shank 0.246 of stature: Winter, Biomechanics and Motor
 * Control of Human Movement), the least a step moves one foot. A calf raise pivots on the balls of
 * both feet, which stay where they are: on the labelled real clips the toes' spacing changes by
 * 0.01-0.24 shank inside a counted raise (keypoint jitter, a single-leg raise's lifted foot);
 * walking out after the set changed it by 1.08.
 */
export const MAX_STANCE_CHANGE_SHANKS = 0.152 / 0.246;

/**
 * How much the stance changed over these frames: the spacing of the two toes in the picture,
 * across and up, each from its 10th to its 90th percentile (one misread frame does not count), in
 * the frames' median shank lengths; the larger of the two. Measured between the feet, it does not
 * move with the camera (a hand-held sway moves both toes alike), nor with the legs' names.
 * Undefined without both toes in three frames, or without a shank.
 */
export function stanceChangeShanks(frames: readonly AnalyzedFrame[]): number | undefined {
  const shank = median(frames.map((f) => f.features.shankLength));
  if (shank === undefined || !(shank > 0)) return undefined;
  const changes = (['x', 'y'] as const).flatMap((axis) => {
    const spacings = frames
      .map((f) => {
        const left = f.body.joint('left', 'toe');
        const right = f.body.joint('right', 'toe');
        return left && right ? Math.abs(left[axis] - right[axis]) : undefined;
      })
      .filter((d): d is number => d !== undefined)
      .sort((a, b) => a - b);
    if (spacings.length < 3) return [];
    const at = (q: number) => spacings[Math.floor(q * (spacings.length - 1))] ?? 0;
    return [(at(0.9) - at(0.1)) / shank];
  });
  return changes.length === 0 ? undefined : Math.max(...changes);
}

/**
 * A raise on planted feet: the stance did not change by a step (walking is not a calf raise).
 * True when it cannot be told: one toe hidden (as side on), or a foot held up through the whole
 * lift (a single-leg raise: foot-off-floor.ts), whose toe swings where it likes against the
 * standing one. Played as the webcam, the single-leg clip mirrored lost a raise side on as "the
 * feet moved": the hanging toe read a foot's length nearer the standing one in two of the raise's
 * eight frames. A step lifts a foot part-way through the lift, not before it, and is judged as
 * before: leaving out only the frames with a foot in the air, the home clip's walk-out kept two
 * frames to judge by on some slow-laptop draws and counted as a raise.
 */
export function feetStayedPlanted(frames: readonly AnalyzedFrame[]): boolean {
  if (frames.length > 0 && frames.every((f) => f.footHeldUp !== undefined)) return true;
  const change = stanceChangeShanks(frames);
  return change === undefined || change <= MAX_STANCE_CHANGE_SHANKS;
}
