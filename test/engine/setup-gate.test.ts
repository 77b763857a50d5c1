import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE, SetupGate } from '../../src/engine/setup-gate.ts';

/** About 30 frames/s, in whole milliseconds (no rounding drift at the thresholds). */
const FRAME_MS = 33;

/** Pushes frames every FRAME_MS from `fromMs` for `forMs`; returns the last status. */
function feed(
  gate: SetupGate,
  fromMs: number,
  forMs: number,
  value: (ms: number) => number | undefined,
  missing: readonly ('left_knee' | 'left_ankle')[] | 'no-person' = [],
  inStartPose = false,
) {
  let status = gate.push(fromMs, missing, value(fromMs), inStartPose);
  for (let t = fromMs + FRAME_MS; t < fromMs + forMs; t += FRAME_MS)
    status = gate.push(t, missing, value(t), inStartPose);
  return status;
}

describe('SetupGate', () => {
  it('stays closed while nobody is in view, and says so', () => {
    const status = feed(new SetupGate(), 0, 2000, () => undefined, 'no-person');
    expect(status.ready).toBe(false);
    expect(status.issue).toEqual({ kind: 'no-person' });
  });

  it('names the joints it cannot see', () => {
    const status = feed(new SetupGate(), 0, 1000, () => 0, ['left_ankle']);
    expect(status.issue).toEqual({ kind: 'missing', keypoints: ['left_ankle'] });
  });

  it('opens once the signal has been still for stillMs, at its median level', () => {
    const gate = new SetupGate();
    const moving = feed(gate, 0, 1000, (t) => Math.sin(t / 50));
    expect(moving.issue).toEqual({ kind: 'not-still' });
    let opened: number | undefined;
    for (let t = 1000; t < 2000 && opened === undefined; t += FRAME_MS) {
      const s = gate.push(t, [], 0.5);
      if (s.openedAt !== undefined) opened = t;
      if (s.openedAt !== undefined) expect(s.openedAt.restLevel).toBe(0.5);
    }
    expect(opened).toBeDefined();
    expect((opened ?? 0) - 1000).toBeGreaterThanOrEqual(DEFAULT_GATE.stillMs);
    expect((opened ?? 0) - 1000).toBeLessThanOrEqual(DEFAULT_GATE.stillMs + 2 * FRAME_MS);
  });

  it('opens at once for a person plainly in the start pose (standing tall)', () => {
    const gate = new SetupGate();
    const status = gate.push(0, [], 0.3, true);
    expect(status.ready).toBe(true);
    expect(status.openedAt?.restLevel).toBe(0.3);
  });

  it('keeps the stillness seen when what the signal measures changes under it (rebased, not restarted)', () => {
    // Still at 0.6 for 200 ms; then a foot is found held up and the heel signal reads the standing
    // foot alone, 0.35 lower, with no movement: the wait goes on from where it was.
    const gate = new SetupGate();
    feed(gate, 0, 200, () => 0.6);
    gate.rebase(-0.35);
    let opened: { t: number; restLevel: number } | undefined;
    for (let t = 200; t < 1000 && opened === undefined; t += FRAME_MS) {
      const s = gate.push(t, [], 0.25);
      if (s.openedAt !== undefined) opened = { t, restLevel: s.openedAt.restLevel };
    }
    expect(opened?.t).toBeLessThanOrEqual(DEFAULT_GATE.stillMs + FRAME_MS);
    expect(opened?.restLevel).toBeCloseTo(0.25, 6);
    // Not rebased, the same jump is movement, and the wait starts again after it.
    const unrebased = new SetupGate();
    feed(unrebased, 0, 200, () => 0.6);
    expect(feed(unrebased, 200, DEFAULT_GATE.stillMs - 2 * FRAME_MS, () => 0.25).ready).toBe(false);
  });

  it('opens after stillMs at low frame rates too (the window spans time, not samples)', () => {
    const gate = new SetupGate();
    let opened: number | undefined;
    for (let t = 0; t < 2000 && opened === undefined; t += 1000 / 6)
      if (gate.push(t, [], 0).openedAt !== undefined) opened = t;
    expect(opened).toBeGreaterThanOrEqual(DEFAULT_GATE.stillMs);
    expect(opened).toBeLessThan(DEFAULT_GATE.stillMs + 1000 / 6 + 1);
  });

  it('bridges a joint lost for less than lostAfterMs, and closes after it', () => {
    const gate = new SetupGate();
    gate.push(0, [], 0, true);
    expect(gate.push(500, ['left_knee'], undefined).ready).toBe(true);
    expect(gate.push(DEFAULT_GATE.lostAfterMs + 100, ['left_knee'], undefined).ready).toBe(false);
    expect(gate.isOpen).toBe(false);
  });

  it('times a still person quietly: no "stand still" while the stillness is being timed', () => {
    const gate = new SetupGate();
    let opened: number | undefined;
    for (let t = 0; t < 2000 && opened === undefined; t += FRAME_MS) {
      const s = gate.push(t, [], 0.5);
      expect(s.issue).toBeUndefined();
      if (s.openedAt !== undefined) opened = t;
    }
    expect(opened).toBeLessThanOrEqual(DEFAULT_GATE.stillMs + FRAME_MS);
  });

  it('waits through a detector that blinks while the person holds still: no cue, same wait', () => {
    const gate = new SetupGate();
    const issues = new Set<string>();
    let opened: number | undefined;
    // Every fifth frame has nobody in it (the detector lost the person for a frame).
    for (let i = 0, t = 0; t < 2000 && opened === undefined; i++, t += FRAME_MS) {
      const s = i % 5 === 4 ? gate.push(t, 'no-person', undefined) : gate.push(t, [], 0.5);
      if (s.issue !== undefined) issues.add(s.issue.kind);
      if (s.openedAt !== undefined) opened = t;
    }
    expect(issues).toEqual(new Set());
    expect(opened).toBeLessThanOrEqual(DEFAULT_GATE.stillMs + 2 * FRAME_MS);
  });

  it('starts the wait again after the person is gone for longer than a blink', () => {
    const gate = new SetupGate();
    feed(gate, 0, 300, () => 0.5);
    const gone = feed(gate, 300, DEFAULT_GATE.blinkMs + 100, () => undefined, 'no-person');
    expect(gone.issue).toEqual({ kind: 'no-person' });
    // Back and still: the stillness before the absence does not count.
    const back = gate.push(300 + DEFAULT_GATE.blinkMs + 100, [], 0.5);
    expect(back.ready).toBe(false);
  });
});

describe('SetupGate cues', () => {
  it('keeps "step back" through joints glimpsed for a blink (legs out of the picture, guessed for a frame or two)', () => {
    const gate = new SetupGate();
    const cues: string[] = [];
    // Legs missing, then seen for two frames (guessed), then missing again, for 3 s.
    for (let i = 0, t = 0; t < 3000; i++, t += FRAME_MS) {
      const s =
        i % 15 === 7 || i % 15 === 8 ? gate.push(t, [], i) : gate.push(t, ['left_knee'], undefined);
      if (s.issue !== undefined) cues.push(s.issue.kind);
    }
    expect(new Set(cues)).toEqual(new Set(['missing']));
  });

  it('says "stand still" once the joints have been seen longer than a blink', () => {
    const gate = new SetupGate();
    feed(gate, 0, 1000, () => undefined, ['left_knee']);
    const moving = feed(gate, 1000, DEFAULT_GATE.blinkMs + 200, (t) => Math.sin(t / 50));
    expect(moving.issue).toEqual({ kind: 'not-still' });
  });
});
