import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD, HoldTimer, type HoldEvent } from '../../src/engine/hold-timer.ts';

const FRAME_MS = 1000 / 30;

/** `inside(ms)` sampled every frame from `fromMs` to `toMs`; the events, in order. */
function hold(timer: HoldTimer, fromMs: number, toMs: number, inside: (ms: number) => boolean) {
  const events: HoldEvent[] = [];
  for (let t = fromMs; t <= toMs; t += FRAME_MS)
    events.push(...timer.push(t, inside(t), 'wobbled'));
  return events;
}

describe('HoldTimer', () => {
  it('starts a hold only after enterMs inside the pose, dated from when it was entered', () => {
    const timer = new HoldTimer();
    const events = hold(timer, 0, 2000, (t) => t >= 1000);
    const start = events.find((e) => e.type === 'hold-start');
    expect(start).toEqual({ type: 'hold-start', atMs: expect.closeTo(1000, 0) as number });
    expect(timer.currentSec()).toBeCloseTo(1, 1);
  });

  it('does not time passing through the pose', () => {
    const timer = new HoldTimer();
    const events = hold(timer, 0, 3000, (t) => t >= 1000 && t < 1000 + DEFAULT_HOLD.enterMs - 100);
    expect(events).toEqual([]);
    expect(timer.holding).toBe(false);
  });

  it('bridges a break shorter than graceMs', () => {
    const timer = new HoldTimer();
    const events = hold(
      timer,
      0,
      10_000,
      (t) => !(t > 4000 && t < 4000 + DEFAULT_HOLD.graceMs - 200),
    );
    expect(events.filter((e) => e.type === 'hold-end')).toEqual([]);
    expect(timer.currentSec()).toBeCloseTo(10, 0);
  });

  it('ends the hold after a longer break, with the reason and the time held', () => {
    const timer = new HoldTimer();
    const events = hold(timer, 0, 8000, (t) => t < 5000);
    const end = events.find((e) => e.type === 'hold-end');
    if (end?.type !== 'hold-end') throw new Error('no end');
    expect(end.reason).toBe('wobbled');
    expect((end.span.endMs - end.span.startMs) / 1000).toBeCloseTo(5, 1);
    expect(timer.holding).toBe(false);
  });

  it('ends a hold still going when the set ends', () => {
    const timer = new HoldTimer();
    hold(timer, 0, 3000, () => true);
    expect(timer.finish()).toHaveLength(1);
    expect(timer.finish()).toEqual([]);
  });
});
