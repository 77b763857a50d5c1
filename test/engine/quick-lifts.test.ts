import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import {
  QUICK_LIFT_CYCLE_MS,
  QuickLifts,
  quickLiftFault,
  type QuickLiftRun,
} from '../../src/engine/quick-lifts.ts';
import { fixtureTrack } from '../support/tracks.ts';

/** An uncounted lift starting at `sec`, 0.5 s long, too small to count (or too quick). */
const lift = (sec: number, why: 'small' | 'quick' = 'small') => ({
  startMs: sec * 1000,
  endMs: sec * 1000 + 500,
  why,
});

describe('QuickLifts (uncounted lifts in a quick rhythm)', () => {
  it('names a run on the third uncounted lift less than 2 s after the one before, once', () => {
    const q = new QuickLifts();
    expect(q.uncounted(lift(1.0))).toBeUndefined();
    expect(q.uncounted(lift(1.9))).toBeUndefined();
    const run = q.uncounted(lift(2.7));
    expect(run).toEqual({ lifts: 3, firstMs: 1000, lastMs: 3200, cycleMs: 900, allQuick: false });
    expect(q.uncounted(lift(3.5))).toBeUndefined();
  });

  it('lets stray lifts 2 s or more apart be (a shuffle, a wobble)', () => {
    const q = new QuickLifts();
    const gap = QUICK_LIFT_CYCLE_MS / 1000;
    for (const sec of [1, 1 + gap, 1 + 2 * gap, 1 + 3 * gap])
      expect(q.uncounted(lift(sec))).toBeUndefined();
  });

  it('starts over after a counted rep', () => {
    const q = new QuickLifts();
    q.uncounted(lift(1.0));
    q.uncounted(lift(1.8));
    q.counted();
    expect(q.uncounted(lift(2.6))).toBeUndefined();
    expect(q.uncounted(lift(3.4))).toBeUndefined();
    expect(q.uncounted(lift(4.2))?.lifts).toBe(3);
  });
});

describe('quickLiftFault (what the person is told)', () => {
  const run: QuickLiftRun = {
    lifts: 3,
    firstMs: 1000,
    lastMs: 3200,
    cycleMs: 850,
    allQuick: false,
  };
  const tempo = { lowerSec: 3, bottomSec: 0, riseSec: 'fast', topSec: 1 } as const;

  it('breaks a prescribed tempo: a warning with the prescription to follow', () => {
    const f = quickLiftFault(run, tempo, 'up');
    expect(f).toMatchObject({ code: 'tempo', severity: 'warn', value: 0.85, threshold: 2 });
    expect(f.message).toBe(
      'Bouncing: small quick lifts are not counted. Go all the way up, hold 1 s, lower over 3 s.',
    );
  });

  it('does not call lifts small that were high enough and only too quick', () => {
    const q = new QuickLifts();
    q.uncounted(lift(1.0, 'quick'));
    q.uncounted(lift(1.9, 'quick'));
    const quick = q.uncounted(lift(2.7, 'quick'));
    expect(quick?.allQuick).toBe(true);
    if (quick === undefined) return;
    expect(quickLiftFault(quick, tempo, 'up')).toMatchObject({
      code: 'tempo',
      message:
        'Bouncing: lifts this quick are not counted. Go all the way up, hold 1 s, lower over 3 s.',
      cue: 'Slower, hold at the top.',
    });
    expect(quickLiftFault(quick, undefined, 'down').message).toBe(
      'Dips this quick are not counted: slow down, go all the way down and all the way back each rep.',
    );
    // One small lift in the run: "small quick", as before.
    const mixed = new QuickLifts();
    mixed.uncounted(lift(1.0, 'quick'));
    mixed.uncounted(lift(1.9));
    expect(mixed.uncounted(lift(2.7, 'quick'))?.allQuick).toBe(false);
  });

  it('without a tempo, a note that the dips were not counted', () => {
    const f = quickLiftFault(run, undefined, 'down');
    expect(f).toMatchObject({ code: 'partial-reps', severity: 'info', atSec: 1 });
    expect(f.message).toMatch(/^Small quick dips are not counted: go all the way down/);
  });
});

describe('quick lifts on real footage', () => {
  const report = (clip: string, exercise: string) => analyzeTrack(fixtureTrack(clip), exercise);
  const setLevel = (r: ReturnType<typeof report>) => r.faults.filter((f) => f.rep === undefined);

  it('flags the bouncing calf raises (labelled 1.0-8.4 s) and not the slow reps after them', () => {
    const r = report('calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct', 'calf-raise');
    const bouncing = setLevel(r);
    expect(bouncing.length).toBeGreaterThan(0);
    for (const f of bouncing) {
      expect(f).toMatchObject({ code: 'tempo', severity: 'warn' });
      expect(f.atSec).toBeGreaterThanOrEqual(1.0);
      expect(f.atSec).toBeLessThan(8.4);
    }
  });

  it('notes the half-squat pulses as not counted, without calling them a form fault', () => {
    const r = report('squat_pulses_34front_medball_partial_15pulses', 'squat');
    expect(r.repCount).toBe(0);
    expect(setLevel(r).map((f) => [f.code, f.severity])).toEqual([['partial-reps', 'info']]);
  });

  it('reports a run still waiting on the second ruler when the set ends', () => {
    const full = fixtureTrack('squat_pulses_34front_medball_partial_15pulses');
    // The set ends at 4.44 s, just after the third quick dip was let go (4.43 s) and before the
    // hip drop against the resting shank was back at rest (4.47 s).
    const cut = { ...full, frames: full.frames.filter((f) => f.timestampMs <= 4440) };
    const r = analyzeTrack(cut, 'squat');
    expect(r.faults.filter((f) => f.rep === undefined).map((f) => f.code)).toEqual([
      'partial-reps',
    ]);
  });

  it('stays quiet on clean calf raises done at a brisk pace (tops 1.5-1.75 s apart, counted)', () => {
    const r = report('calfraise_34front_then_side_fitbod_man_6reps', 'calf-raise');
    expect(setLevel(r)).toEqual([]);
  });
});
