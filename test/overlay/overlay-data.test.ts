import { describe, expect, it } from 'vitest';
import type { LiveState } from '../../src/engine/analyzer.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { IDLE_LIVE } from '../../src/engine/kinds/kind-analyzer.ts';
import type { FlowView } from '../../src/engine/workout-flow.ts';
import { drawHud, HUD_MAX_SHARE, mainFigure } from '../../src/overlay/draw-hud.ts';
import { overlayData, type OverlayInput } from '../../src/overlay/overlay-data.ts';
import { spyContext } from '../support/spy-context.ts';

const LIVE: LiveState = {
  ...IDLE_LIVE,
  ready: true,
  issue: undefined,
  faultJoints: [],
  lastFaults: [],
  view: 'side',
  facing: undefined,
  cameraTiltDeg: undefined,
  keyAngle: { deg: 95, at: 'left_knee', atMs: 1000 },
};
const FLOW: FlowView = {
  phase: 'set',
  set: 1,
  sets: 3,
  secondsLeft: 0,
  direction: 'clockwise',
  setSec: 12,
};

function input(exerciseId: string, live: Partial<LiveState> = {}): OverlayInput {
  const exercise = findExercise(exerciseId);
  return {
    exercise,
    prescription: exercise.prescription,
    pose: null,
    mirrored: true,
    live: { ...LIVE, ...live },
    flow: FLOW,
    cue: undefined,
    phaseSec: 1.2,
  };
}

describe('overlayData', () => {
  it('shows the reps asked for and the knee angle where it was measured', () => {
    const d = overlayData(input('squat'));
    expect(d.target).toEqual({ reps: 10 });
    expect(d.angle).toEqual({ label: 'knee', deg: 95, at: 'left_knee' });
    expect(d.mirrored).toBe(true);
    expect(d.kind).toBe('reps');
  });

  it('fills the tempo bar against the prescribed seconds of the phase the person is in', () => {
    // Calf raise, 3-0-X-1: "return" is the lowering (3 s), "far" the top hold (1 s).
    const bar = (phase: LiveState['phase'], phaseSec: number) =>
      overlayData({ ...input('calf-raise', { phase }), phaseSec }).tempoBar;
    expect(bar('return', 1.5)).toEqual({ text: 'down 1.5 / 3 s', share: 0.5, good: false });
    expect(bar('return', 3.2)).toEqual({ text: 'down 3.2 / 3 s', share: 1, good: true });
    // Green from the time shown: "3.0 / 3 s" is reached.
    expect(bar('return', 2.96)).toMatchObject({ text: 'down 3.0 / 3 s', good: true });
    expect(bar('far', 0.6)).toEqual({ text: 'top 0.6 / 1 s', share: 0.6, good: false });
  });

  it('shows a phase prescribed fast as fast: green at once, never a time to wait for', () => {
    // The X of 3-0-X-1, the rise: filled against 1 s it read amber until the rise had taken a
    // second, telling a person who rose fast, as asked, to keep going.
    const rise = (phaseSec: number) =>
      overlayData({ ...input('calf-raise', { phase: 'away' }), phaseSec }).tempoBar;
    expect(overlayData(input('calf-raise', { phase: 'away' })).awayWord).toBe('up');
    expect(rise(0.4)).toEqual({ text: 'up 0.4 s (fast)', share: 0.4, good: true });
    expect(rise(1.6)).toEqual({ text: 'up 1.6 s (fast)', share: 1, good: true });
  });

  it("names the phase on the tempo bar in the person's words, not the counter's", () => {
    const word = (id: string, phase: 'away' | 'far' | 'return' | 'rest') =>
      overlayData(input(id, { phase })).phaseWord;
    expect(['away', 'far', 'return', 'rest'].map((p) => word('calf-raise', p as 'far'))).toEqual([
      'up',
      'top',
      'down',
      'bottom',
    ]);
    expect(word('squat', 'far')).toBe('bottom');
    expect(word('squat', 'away')).toBe('down');
  });

  it("counts sets, and a form check's parts (one per view)", () => {
    expect(overlayData(input('squat')).setLabel).toBe('set 1/3');
    const check = (sets: number) =>
      overlayData({ ...input('squat'), formCheck: true, flow: { ...FLOW, set: 1, sets } }).setLabel;
    expect(check(2)).toBe('part 1/2');
    expect(check(1)).toBe('form check');
  });

  it("names the set just done during the rest after it, beside that set's count", () => {
    // The flow names the set to come (2) as soon as set 1 ends; the count shown is still set 1's.
    const resting = (formCheck: boolean) =>
      overlayData({
        ...input('squat'),
        formCheck,
        flow: { ...FLOW, phase: 'rest', set: 2, sets: 3 },
      }).setLabel;
    expect(resting(false)).toBe('set 1/3 done');
    expect(resting(true)).toBe('part 1/3 done');
    // Setting up for the next set, it is that set's label again.
    expect(
      overlayData({ ...input('squat'), flow: { ...FLOW, phase: 'setup', set: 2 } }).setLabel,
    ).toBe('set 2/3');
  });

  it('shows the seconds left of a set the clock ends: each way of the circles, the walk', () => {
    const at = (id: string, setSec: number, phase: FlowView['phase'] = 'set') =>
      overlayData({ ...input(id), flow: { ...FLOW, sets: 1, setSec, phase } }).setLabel;
    // Knee circles: 30 s each way, clockwise first.
    expect(at('knee-circles', 0)).toBe('set 1/1 · 30 s left this way');
    expect(at('knee-circles', 12.3)).toBe('set 1/1 · 18 s left this way');
    expect(at('knee-circles', 30)).toBe('set 1/1 · 30 s left this way');
    expect(at('knee-circles', 59.5)).toBe('set 1/1 · 1 s left this way');
    // A heel walk of 30 s.
    expect(at('heel-walk', 12.3)).toBe('set 1/1 · 18 s left');
    // Outside the set (setting up, resting) nothing runs down; reps and holds show their count.
    expect(at('knee-circles', 0, 'setup')).toBe('set 1/1');
    expect(at('squat', 12.3)).toBe('set 1/1');
    expect(at('squat-hold', 12.3)).toBe('set 1/1');
  });

  it('counts a hold in whole seconds held: the target only once it is reached', () => {
    const held = (heldSec: number) => mainFigure(overlayData(input('squat-hold', { heldSec })));
    expect([0.4, 29.5, 29.99, 30].map(held)).toEqual(['0/30 s', '29/30 s', '29/30 s', '30/30 s']);
    expect(mainFigure(overlayData(input('squat', { repCount: 7 })))).toBe('7/10');
  });

  it('shows a recorded video what it counted, with no target and no set (nothing was asked of it)', () => {
    const video = (id: string) => overlayData({ ...input(id), recorded: true });
    expect(video('squat')).toMatchObject({ target: {}, setLabel: 'video' });
    expect(video('squat-hold').target).toEqual({});
  });

  it("calls the break between sets a rest, and between a form check's parts what to do", () => {
    expect(overlayData(input('squat')).restLabel).toBe('Rest');
    expect(
      overlayData({ ...input('squat'), formCheck: true, restLabel: 'Turn side-on' }).restLabel,
    ).toBe('Turn side-on');
  });

  it('has no tempo target where none is prescribed or the phase has 0 s', () => {
    expect(overlayData(input('squat', { phase: 'away' })).tempoBar).toBeUndefined();
    // 3-0-X-1: no pause at the bottom of a calf raise.
    expect(overlayData(input('calf-raise', { phase: 'rest' })).tempoBar).toBeUndefined();
  });

  it('shows the tempo bar only while a set runs, not in the countdown, a rest or at the end', () => {
    const during = (phase: FlowView['phase']) =>
      overlayData({ ...input('calf-raise', { phase: 'away' }), flow: { ...FLOW, phase } }).tempoBar;
    expect(during('set')).toBeDefined();
    for (const phase of ['setup', 'countdown', 'rest', 'done'] as const)
      expect(during(phase)).toBeUndefined();
    // A recorded video is one set from its start to its end, whatever the flow says.
    const video = overlayData({
      ...input('calf-raise', { phase: 'away' }),
      recorded: true,
      flow: { ...FLOW, phase: 'setup' },
    });
    expect(video.tempoBar).toBeDefined();
  });

  it('shows the seconds to hold for a hold, and nothing to count for circles', () => {
    expect(overlayData(input('squat-hold')).target).toEqual({ holdSec: 30 });
    expect(overlayData(input('knee-circles')).target).toEqual({});
  });

  it('never shows a negative phase time (a clock that stepped back)', () => {
    expect(overlayData({ ...input('squat'), phaseSec: -0.4 }).phaseSec).toBe(0);
  });
});

describe("the count's panel, top left", () => {
  /** The panel behind the count: the first rectangle drawn. */
  const panel = (exerciseId: string, width: number, live: Partial<LiveState> = {}) => {
    const spy = spyContext(width, 480);
    drawHud(spy.ctx, overlayData(input(exerciseId, live)));
    const [first] = spy.rects;
    const words = spy.labels.slice(0, 2).map((l) => l.text);
    return { width: first?.w ?? NaN, words };
  };

  it('is as wide as its words, not a fixed share of the picture', () => {
    // Text 6 px a character in the spy: "5/30 s" and "set 1/3", with 12 px either side.
    const hold = panel('squat-hold', 854, { heldSec: 5.2 });
    expect(hold.words).toEqual(['5/30 s', 'set 1/3']);
    expect(hold.width).toBe(6 * 'set 1/3'.length + 24);
    expect(hold.width).toBeLessThan(854 * HUD_MAX_SHARE);
  });

  it('never covers more than its share of a narrow picture', () => {
    expect(panel('squat-hold', 100, { heldSec: 5.2 }).width).toBe(100 * HUD_MAX_SHARE);
  });
});
