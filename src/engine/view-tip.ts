import type { CameraView, ExerciseDef } from './exercise-def.ts';
import type { PartialReason } from './rep-events.ts';
import type { Facing, FrameView } from './view.ts';

/**
 * The view to turn to, when the person is seen from another than the one the exercise (or the
 * form check's part) is best judged from; undefined when seen from it, or not yet seen. At 3/4 the
 * side-on checks still work (heel lift, depth from the hips' drop) but the front ones do not (knee
 * valgus), so only an exercise best seen from the front asks to turn from there.
 */
export function viewToTurnTo(want: CameraView, seen: FrameView): 'side' | 'front' | undefined {
  if (want === 'any' || seen === 'unknown' || seen === want) return undefined;
  if (seen === 'three-quarter' && want === 'side') return undefined;
  return want;
}

/** The set-up's tip to turn, in words ("Tip: turn side-on to the camera."). */
export const turnTip = (to: 'side' | 'front'): string =>
  to === 'side' ? 'Tip: turn side-on to the camera.' : 'Tip: face the camera.';

/**
 * Whether the person's view hides what the exercise is counted on: a raise counted on the heels
 * (calf raise) seen facing the camera. The feet then point at the camera and the heel is behind the
 * foot, where the model guesses it: photos of one person's band calf raise taken facing the camera
 * read a rise of 0.065 shank, the smallest countable rep being 0.06, and played as a video 4 of its
 * 10 raises counted (6 at 10 frames/s), the rest let go as "too small" or never leaving the start.
 * From behind the heels are in full view (the raises filmed from behind count every rep) and side
 * on a rise is seen whole. Not a tibialis lift: the toes it is counted on are the nearest part of
 * the foot facing the camera, in view, and no footage shows them hidden.
 */
export function countHiddenByView(
  exercise: ExerciseDef,
  view: FrameView,
  facing: Facing | undefined,
): boolean {
  return (
    exercise.kind === 'reps' &&
    exercise.signal === 'heel-rise' &&
    view === 'front' &&
    facing === 'camera'
  );
}

/** Lifts let go for their size: those the view may have shrunk (not a quick bounce or a step). */
export const SIZE_REASONS: readonly PartialReason[] = [
  'too small',
  'much smaller than your other reps',
];

/**
 * A set's first count is due by now (s from "Go!"): two reps of the slowest rep in the routine, a
 * calf raise at 3-0-X-1 (3 s down, about 1 s up, 1 s at the top), plus 2 s to begin.
 */
export const FIRST_COUNT_DUE_SEC = 12;

/** What is said aloud when the view hides the count (a few words: the screen says why). */
export const HIDDEN_COUNT_CUE = 'Not counted: turn side-on.';

/**
 * What the picture says when the view hides the count, once a lift was not counted or none was: the
 * thing to do first (a long cue is cut at its second line on a small picture), then why.
 */
export function hiddenCountText(nothingYet: boolean): string {
  return `${nothingYet ? 'Nothing counted yet' : 'Not counted'}: turn side-on. Facing the camera, your feet hide your heels' rise.`;
}
