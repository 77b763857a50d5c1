import { describe, expect, it } from 'vitest';
import { RestRuler } from '../../src/engine/rest-ruler.ts';

const FRAME_MS = 1000 / 30;

/** Pushes `length` for `ms` of frames from `fromMs`; returns the last ruler and the next time. */
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
