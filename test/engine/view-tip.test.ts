import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/engine/catalog.ts';
import {
  countHiddenByView,
  hiddenCountText,
  turnTip,
  viewToTurnTo,
} from '../../src/engine/view-tip.ts';

describe('the view to turn to', () => {
  it("is the exercise's best view, when the person is seen from another", () => {
    expect(viewToTurnTo('side', 'front')).toBe('side');
    expect(viewToTurnTo('front', 'side')).toBe('front');
    expect(viewToTurnTo('front', 'three-quarter')).toBe('front');
    expect(turnTip('side')).toBe('Tip: turn side-on to the camera.');
    expect(turnTip('front')).toBe('Tip: face the camera.');
  });

  it('is none when seen from it, from 3/4 for a side-on exercise, or not seen yet', () => {
    expect(viewToTurnTo('side', 'side')).toBeUndefined();
    expect(viewToTurnTo('side', 'three-quarter')).toBeUndefined();
    expect(viewToTurnTo('front', 'unknown')).toBeUndefined();
    expect(viewToTurnTo('any', 'front')).toBeUndefined();
  });
});

describe('a count the view hides', () => {
  it('is a calf raise, counted on the heels, seen facing the camera', () => {
    expect(countHiddenByView(findExercise('calf-raise'), 'front', 'camera')).toBe(true);
  });

  it('is not one seen from behind, side on or at 3/4, nor one whose facing is not known', () => {
    const calf = findExercise('calf-raise');
    expect(countHiddenByView(calf, 'front', 'away')).toBe(false);
    expect(countHiddenByView(calf, 'front', undefined)).toBe(false);
    expect(countHiddenByView(calf, 'side', undefined)).toBe(false);
    expect(countHiddenByView(calf, 'three-quarter', undefined)).toBe(false);
  });

  it('is not a tibialis lift (the toes face the camera, in view), nor a movement of the hips', () => {
    for (const id of ['tibialis-lift', 'squat', 'lunge'])
      expect(countHiddenByView(findExercise(id), 'front', 'camera'), id).toBe(false);
  });

  it('is said first with what to do, then why', () => {
    expect(hiddenCountText(false)).toBe(
      "Not counted: turn side-on. Facing the camera, your feet hide your heels' rise.",
    );
    expect(hiddenCountText(true)).toBe(
      "Nothing counted yet: turn side-on. Facing the camera, your feet hide your heels' rise.",
    );
  });
});
