import { describe, expect, it } from 'vitest';
import { RestRuler } from '../../src/engine/rest-ruler.ts';

const FRAME_MS = 1000 / 30;

/**
 * Pushes `length` for `ms` of frames from `fromMs`, each frame telling the ruler whether the one
 * before it turned out to be in the start position; returns the last ruler and the next time.
 */
function hold(ruler: RestRuler, fromMs: number, ms: number, length: number, atRest: boolean) {
  let last: number | undefined;
  let t = fromMs;
  for (; t < fromMs + ms; t += FRAME_MS) last = ruler.push(length, t, atRest);
  return { last, t };
}

describe('RestRuler (the shank seen in the start position)', () => {
  it('has no ruler until 300 ms of the start position are seen', () => {
    const ruler = new RestRuler();
    expect(hold(ruler, 0, 250, 0.2, true).last).toBeUndefined();
    expect(hold(ruler, 250, 100, 0.2, true).last).toBeCloseTo(0.2);
  });

  it('is the median while at rest, and holds still while the person is mid-rep', () => {
    const ruler = new RestRuler();
    let t = hold(ruler, 0, 1000, 0.2, true).t;
    t = hold(ruler, t, 100, 0.3, true).t; // a few long frames at rest do not move the median
    const midRep = hold(ruler, t, 1500, 0.12, false); // the shin tilts towards the camera
    expect(midRep.last).toBeCloseTo(0.2);
  });

  it('learns a frame once the counters have placed it: not the frame a rep leaves the start on', () => {
    // Reps with no pause at the top (40: a set long enough to fill the 3 s of rest time), analysed
    // at 10 frames/s as a slow laptop does live: one
    // standing frame between reps, then the frame the next rep leaves on (the counters are still
    // at rest when it arrives), then the rep. A lunge's front shin seen from the front is twice
    // its standing length (0.07 → 0.14 of the frame on the labelled split squats).
    const ruler = new RestRuler();
    let t = hold(ruler, 0, 1000, 0.07, true).t;
    let last: number | undefined;
    for (let rep = 0; rep < 40; rep++) {
      ruler.push(0.07, t, false); // standing, after the last frame of the rep before
      ruler.push(0.14, (t += 100), true); // leaving: the standing frame before it is learnt
      last = ruler.push(0.14, (t += 100), false); // the leaving frame was not at the start
      for (let i = 0; i < 8; i++) last = ruler.push(0.14, (t += 100), false);
      t += 100;
    }
    expect(last).toBeCloseTo(0.07);
  });

  it('looks back over 3 s spent at rest, so a long rep does not empty it', () => {
    const ruler = new RestRuler();
    let t = hold(ruler, 0, 3000, 0.2, true).t;
    t = hold(ruler, t, 8000, 0.1, false).t;
    // One frame back at rest: the ruler still has the 3 s before the rep.
    expect(ruler.push(0.25, t, true)).toBeCloseTo(0.2);
  });

  it('follows a person who steps closer, over the next 3 s at rest', () => {
    const ruler = new RestRuler();
    const t = hold(ruler, 0, 3000, 0.2, true).t;
    expect(hold(ruler, t, 3100, 0.25, true).last).toBeCloseTo(0.25);
  });

  it('starts afresh after a reset (the person left the view)', () => {
    const ruler = new RestRuler();
    hold(ruler, 0, 1000, 0.2, true);
    ruler.reset();
    expect(ruler.push(0.3, 2000, true)).toBeUndefined();
  });
});
