import { describe, expect, it } from 'vitest';
import { CircleCounter, DEFAULT_CIRCLES } from '../../src/engine/circle-counter.ts';

/** A knee swinging side to side by `swing` shank lengths, one cycle per `periodMs`, for `forMs`. */
function circles(counter: CircleCounter, swing: number, periodMs: number, forMs: number, fps = 30) {
  let completed = 0;
  for (let t = 0; t <= forMs; t += 1000 / fps)
    if (
      counter.push(
        { timestampMs: t, x: swing * Math.sin((2 * Math.PI * t) / periodMs) },
        'clockwise',
      )
    )
      completed += 1;
  return completed;
}

describe('CircleCounter', () => {
  it('counts one circle per full side-to-side cycle', () => {
    const counter = new CircleCounter();
    // 10 cycles of 2 s: each reaches one side and then the other.
    const n = circles(counter, 0.2, 2000, 20_000);
    expect(n).toBe(10);
    expect(counter.counts.clockwise).toBe(n);
  });

  it('counts every circle drawn from standing, the last one ending in the middle', () => {
    // Standing still, then n circles, then standing still again: the point reaches 2n sides and
    // comes back to the middle, never to its first side again. A circle counted on the return to
    // the first side (left-right-left) counted n - 1.
    for (const n of [1, 3, 6]) {
      const counter = new CircleCounter();
      let counted = 0;
      for (let t = 0; t <= 2000 + n * 2000 + 2000; t += 33) {
        const circling = t >= 2000 && t <= 2000 + n * 2000;
        const x = circling ? 0.15 * Math.sin((2 * Math.PI * (t - 2000)) / 2000) : 0;
        if (counter.push({ timestampMs: t, x }, 'clockwise')) counted += 1;
      }
      expect(counted, `${n} circles`).toBe(n);
    }
  });

  it('does not make a circle of a point standing to one side and then moving', () => {
    // A foot set down off-centre for 4 s before the first circle: that side and the next are not
    // half a circle (maxCircleMs).
    const counter = new CircleCounter();
    let counted = 0;
    for (let t = 0; t <= 4000 + 3 * 1600; t += 33) {
      const x = t < 4000 ? -0.2 : 0.2 * Math.sin((2 * Math.PI * (t - 4000)) / 1600);
      if (counter.push({ timestampMs: t, x }, 'clockwise')) counted += 1;
    }
    expect(counted).toBe(3);
  });

  it('does not count keypoint jitter on a still knee', () => {
    const counter = new CircleCounter();
    expect(circles(counter, DEFAULT_CIRCLES.minSwing / 2, 300, 10_000)).toBe(0);
    expect(counter.circling).toBe(false);
  });

  it('starts the next circle from the last side of one taken back (drawn with the foot down)', () => {
    const counter = new CircleCounter();
    const counted: number[] = [];
    for (let t = 0; t <= 8000; t += 33) {
      const x = 0.2 * Math.sin((2 * Math.PI * t) / 2000);
      if (!counter.push({ timestampMs: t, x }, 'clockwise')) continue;
      counted.push(t);
      if (counted.length === 1) counter.takeBack('clockwise');
    }
    // Sides every second from 0.5 s: the first circle (0.5-1.5 s) is taken back, and the next one
    // ends a side later (about 1 s on), not two (2 s).
    expect(counted[1]! - counted[0]!).toBeGreaterThan(800);
    expect(counted[1]! - counted[0]!).toBeLessThan(1500);
    expect(counter.counts.clockwise).toBe(counted.length - 1);
  });

  it('does not count shuffling quicker than minCircleMs', () => {
    const counter = new CircleCounter();
    expect(circles(counter, 0.2, DEFAULT_CIRCLES.minCircleMs / 2, 10_000)).toBe(0);
  });

  it('counts the same at 15 frames/s', () => {
    const at30 = circles(new CircleCounter(), 0.2, 2000, 20_000, 30);
    const at15 = circles(new CircleCounter(), 0.2, 2000, 20_000, 15);
    expect(Math.abs(at30 - at15)).toBeLessThanOrEqual(1);
  });

  it('starts over after a reset (a new direction)', () => {
    const counter = new CircleCounter();
    circles(counter, 0.2, 2000, 6000);
    counter.reset();
    expect(counter.circling).toBe(false);
    expect(counter.push({ timestampMs: 7000, x: 0 }, 'anticlockwise')).toBe(false);
  });

  it('times a circle without a pause before it, whichever side the pause is on', () => {
    for (const side of [1, -1]) {
      const counter = new CircleCounter();
      const spans: { startMs: number; endMs: number }[] = [];
      const push = (t: number, x: number) => {
        if (counter.push({ timestampMs: t, x: side * x }, 'clockwise') && counter.lastCircle)
          spans.push(counter.lastCircle);
      };
      const swing = (t: number) => 0.2 * Math.sin((2 * Math.PI * t) / 1600);
      // Three and a half circles of 1.6 s, a stop of 3 s with the foot back in the middle on its
      // way across, then three more.
      let t = 0;
      for (; t < 3 * 1600 + 800; t += 33) push(t, swing(t));
      const stop = t;
      for (; t < stop + 3000; t += 33) push(t, swing(stop));
      for (; t < stop + 3000 + 3 * 1600; t += 33) push(t, swing(t - 3000));
      const after = spans.filter((s) => s.endMs > stop + 3000);
      expect(after.length).toBeGreaterThanOrEqual(2);
      // Timed from its return half, a circle holds less than half a circle's worth of the stop
      // (the swing's moving centre lags just after it) and never the whole stop.
      for (const s of after) {
        expect(s.startMs).toBeGreaterThanOrEqual(stop + 3000 - 1600 / 2);
        expect(s.endMs - s.startMs).toBeLessThanOrEqual(1.5 * 1600);
      }
    }
  });

  it('does not count the jitter of a knee pausing in the middle (turning round) as a circle', () => {
    // Swings of ±0.3 shank, 2 s a circle; halfway through, the knee stops in the middle for 1.35 s
    // and the keypoint wanders ±0.08 either side of it every 0.45 s (BlazePose on the rendered
    // knee circles: up to ±0.1), past the fixed 0.06 a side took before (one circle more), not 40 %
    // of the way to the swings' reach (0.12). Jitter nearer that still counts: the swing's centre,
    // a mean over the last 2.5 s, moves towards the still knee.
    const count = (jitter: number) => {
      const counter = new CircleCounter();
      let n = 0;
      const push = (t: number, x: number) => {
        if (counter.push({ timestampMs: t, x }, 'clockwise')) n += 1;
      };
      const swing = (t: number) => 0.3 * Math.sin((2 * Math.PI * t) / 2000);
      let t = 0;
      for (; t < 3 * 2000; t += 33) push(t, swing(t));
      const stop = t;
      for (; t < stop + 1350; t += 33) push(t, Math.floor((t - stop) / 450) % 2 ? -jitter : jitter);
      for (; t < stop + 1350 + 3 * 2000; t += 33) push(t, swing(t - 1350));
      return n;
    };
    expect(count(0.08)).toBe(count(0));
  });

  it('judges a swing by its reach over three frames: one frame the model puts far out does not raise the bar', () => {
    const count = (spike: number) => {
      const counter = new CircleCounter();
      let n = 0;
      for (let t = 0; t <= 20_000; t += 33) {
        // One frame in each of the first four swings out to the right reads `spike` further.
        const far = t < 8000 && t % 2000 >= 495 && t % 2000 < 528 ? spike : 0;
        const x = 0.2 * Math.sin((2 * Math.PI * t) / 2000) + far;
        if (counter.push({ timestampMs: t, x }, 'clockwise')) n += 1;
      }
      return n;
    };
    expect(count(0.8)).toBe(count(0));
  });
});
