import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/engine/catalog.ts';
import { transitionText } from '../../src/engine/routine.ts';

describe('what the voice says between the exercises of a routine', () => {
  const circles = findExercise('ankle-circles');

  it('names the next exercise and how to stand for it', () => {
    expect(transitionText(circles)).toBe(`Next: Ankle circles. ${circles.placement}`);
  });

  it('says "Again" when the person asked to repeat the exercise (R), not "Next"', () => {
    expect(transitionText(circles, true)).toBe(`Again: Ankle circles. ${circles.placement}`);
  });
});
