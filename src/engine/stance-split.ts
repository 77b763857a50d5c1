import type { Body } from './body.ts';
import type { FrameFeatures } from './features.ts';
import { SPLIT_STANCE_SHANKS } from './stance-features.ts';
import { viewOfFrame } from './view.ts';

/**
 * How far one ankle is ahead of the other, in shanks: from BlazePose's 3-D landmarks along the way
 * the hips face (any view), else in the image: side on their distance along it, from the front
 * how much lower the front foot sits (nearer the camera; weak: on the real front-view split squats
 * it stayed under the split-stance line). Undefined at 3/4 without 3-D.
 */
export function footAheadShanks(body: Body, f: FrameFeatures): number | undefined {
  if (f.feetForeAftShanks3d !== undefined) return f.feetForeAftShanks3d;
  const la = body.joint('left', 'ankle');
  const ra = body.joint('right', 'ankle');
  const shank = f.shankLength;
  if (!la || !ra || shank === undefined || !(shank > 0)) return undefined;
  const view = viewOfFrame(f);
  if (view === 'front') return Math.abs(la.y - ra.y) / shank;
  if (view === 'side') return Math.abs(la.x - ra.x) / shank;
  return undefined;
}

/**
 * Squat or lunge, from how far one foot was ahead of the other at the bottoms of the reps: a
 * sentence when more than half of the reps read as the other one, else undefined. A note that
 * the wrong exercise was chosen needs most of the set to say so, not a median that a tie between
 * two reps, one of them read at a misplaced foot, would set (the plate-hidden quarter squat, its
 * feet side by side, read 1.08 and 0.22 shank apart at its two counted bottoms: the first from two
 * frames of a far foot found once behind the plates).
 */
export function stanceMismatch(
  exerciseId: string,
  footAheadAtBottoms: readonly (number | null | undefined)[],
): string | undefined {
  const read = footAheadAtBottoms.filter((v): v is number => v !== null && v !== undefined);
  const most = (pick: (v: number) => boolean) => 2 * read.filter(pick).length > read.length;
  if (exerciseId === 'squat' && most((v) => v > SPLIT_STANCE_SHANKS))
    return 'This looks like a lunge or split squat (one foot well ahead of the other), not a squat: choose Lunge to have it judged as one.';
  if (exerciseId === 'lunge' && most((v) => v < SPLIT_STANCE_SHANKS))
    return 'This looks like a squat (the feet side by side at the bottom), not a lunge: choose Squat to have it judged as one.';
  return undefined;
}
