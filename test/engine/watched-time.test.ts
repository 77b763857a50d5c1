import { describe, expect, it } from 'vitest';
import { WatchedTime } from '../../src/engine/watched-time.ts';

describe('the time a set watched the person', () => {
  it('adds the time between analysed frames, from the second frame on', () => {
    const w = new WatchedTime();
    expect([0, 100, 200, 300].map((t) => w.push(t))).toEqual([0, 100, 100, 100]);
    expect(w.ms).toBe(300);
  });

  it('leaves out a gap longer than half a second (frames dropped), and a frame out of order', () => {
    const w = new WatchedTime();
    for (const t of [0, 100, 1100, 1200, 1150]) w.push(t);
    expect(w.ms).toBe(200);
  });

  it('adds nothing across an interruption (out of view, a pause)', () => {
    const w = new WatchedTime();
    w.push(0);
    w.push(100);
    w.interrupt();
    expect(w.push(200)).toBe(0);
    expect(w.push(300)).toBe(100);
    expect(w.ms).toBe(200);
  });
});
