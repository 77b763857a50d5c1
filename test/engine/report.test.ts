import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/engine/checks/verdict.ts';
import { countedAnything, depthInWords, type Report } from '../../src/engine/report.ts';

const depth = (thighAboveLevelDeg: number | null, kneeAngleDeg: number | null) => ({
  thighAboveLevelDeg,
  kneeAngleDeg,
  belowParallel: thighAboveLevelDeg !== null && thighAboveLevelDeg <= 0,
  hipAboveKneeShanks: null,
});
const lungeDepth: Verdict = {
  check: 'lunge-depth',
  status: 'pass',
  value: 95,
  threshold: 105,
  unit: 'deg',
  confidence: 1,
  message: 'Front knee bent to 95°.',
};

describe('a rep’s depth in words, in the measure its check judges', () => {
  it('gives a squat’s thighs against level, below or above', () => {
    expect(depthInWords({ depth: depth(-4, 70), verdicts: [] })).toBe('thighs 4° below level');
    expect(depthInWords({ depth: depth(0, 85), verdicts: [] })).toBe('thighs level');
    expect(depthInWords({ depth: depth(19, 110), verdicts: [] })).toBe('thighs 19° above level');
  });

  it('says when the thighs were measured but not judged (read from the 3-D points alone)', () => {
    const notJudged: Verdict = {
      check: 'depth',
      status: 'cannot-judge',
      unit: '',
      confidence: 0,
      message: 'Depth not judged: without seeing you stand before this rep, …',
    };
    expect(depthInWords({ depth: depth(19, 110), verdicts: [notJudged] })).toBe(
      'thighs 19° above level (3-D points: not judged)',
    );
  });

  it('gives a lunge’s front knee angle, the measure its depth check uses', () => {
    expect(depthInWords({ depth: depth(20, 88), verdicts: [lungeDepth] })).toBe(
      'front knee at 95°',
    );
  });

  it('falls back to the knee angle, and to nothing when neither was measured', () => {
    expect(depthInWords({ depth: depth(null, 92), verdicts: [] })).toBe('knee at 92°');
    expect(depthInWords({ depth: depth(null, null), verdicts: [] })).toBeUndefined();
    expect(depthInWords({ verdicts: [] })).toBeUndefined();
  });
});

describe('whether a report counted anything', () => {
  const empty: Report = {
    exercise: 'squat',
    strictness: 'standard',
    view: 'front',
    durationSec: 10,
    faults: [],
    notes: [],
  };

  it('is false for a set with no reps, no hold time, no circles and no steps', () => {
    expect(countedAnything(empty)).toBe(false);
    expect(countedAnything({ ...empty, repCount: 0, reps: [], heldSeconds: 0 })).toBe(false);
  });

  it('is true for any rep, second held, circle or step', () => {
    expect(countedAnything({ ...empty, repCount: 1 })).toBe(true);
    expect(countedAnything({ ...empty, heldSeconds: 0.5 })).toBe(true);
    expect(countedAnything({ ...empty, circles: { clockwise: 0, anticlockwise: 2 } })).toBe(true);
    expect(countedAnything({ ...empty, steps: 4 })).toBe(true);
  });
});
