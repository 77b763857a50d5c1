import { describe, expect, it } from 'vitest';
import type { FormCheckLine } from '../../src/engine/form-check.ts';
import { formCheckAnnouncement } from '../../src/app/workout-view.ts';

const line = (label: string, status: FormCheckLine['status'], text: string): FormCheckLine => ({
  check: 'depth',
  label,
  status,
  text,
});

describe('the form check said aloud when its card is shown', () => {
  it('says what to fix first, then what passed', () => {
    expect(
      formCheckAnnouncement([
        line('Depth', 'pass', 'Good: thighs 5° below level; aim for level (within 15°).'),
        line('Forward lean', 'fix', 'Chest up: trunk 67° from vertical…'),
        line('Heel lift', 'cannot-judge', 'Heel lift is hidden from the front: turn side-on.'),
      ]),
    ).toBe('Form check done. Fix: forward lean. Pass: depth.');
  });

  it('says a pass by a whisker as one, as its line on the card opens "Borderline"', () => {
    expect(
      formCheckAnnouncement([
        line('Depth', 'pass', 'Borderline: thighs 15° above level; aim for level (within 15°).'),
        line('Knee valgus', 'pass', "Good: knees 1.3× the ankles' width apart…"),
      ]),
    ).toBe('Form check done. Nothing to fix. Pass: knee valgus. Borderline: depth.');
  });
});
