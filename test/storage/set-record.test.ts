import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/engine/catalog.ts';
import type { RepReport } from '../../src/engine/report.ts';
import { countedInSet, newSetRecord, type SetRecord } from '../../src/storage/set-record.ts';

/** A set of `exerciseId` with its own prescription, nothing counted yet. */
const setOf = (exerciseId: string): SetRecord =>
  newSetRecord({
    id: `s1:${exerciseId}:1`,
    sessionId: 's1',
    set: 1,
    exerciseId,
    exerciseName: findExercise(exerciseId).name,
    prescription: findExercise(exerciseId).prescription,
    startedAtMs: 0,
    source: 'camera',
  });

describe('what a set counted, in its own measure', () => {
  it('says reps, seconds held, circles each way or steps', () => {
    const squat = setOf('squat');
    const rep: RepReport = {
      index: 1,
      startSec: 0,
      bottomSec: 1,
      endSec: 2,
      phases: { downSec: 1, bottomSec: 0.2, upSec: 0.8, topSec: 0 },
      amplitude: 1,
      faults: [],
      verdicts: [],
    };
    expect(countedInSet({ ...squat, reps: [rep, { ...rep, index: 2 }] })).toBe('2 reps');
    expect(countedInSet({ ...squat, reps: [rep] })).toBe('1 rep');
    expect(countedInSet({ ...setOf('squat-hold'), heldSeconds: 31.04 })).toBe('31.0 s held');
    expect(
      countedInSet({ ...setOf('knee-circles'), circles: { clockwise: 11, anticlockwise: 9 } }),
    ).toBe('11 clockwise, 9 anticlockwise');
    expect(countedInSet({ ...setOf('heel-walk'), steps: 24 })).toBe('24 steps');
  });

  it('says nothing was counted in the measure of the set, not another', () => {
    // A squat set with no rep read "0 circles" in the session's report.
    expect(countedInSet(setOf('squat'))).toBe('nothing counted');
    expect(countedInSet(setOf('squat-hold'))).toBe('nothing held');
    expect(countedInSet(setOf('ankle-circles'))).toBe('nothing counted');
    expect(countedInSet(setOf('duck-walk'))).toBe('nothing counted');
  });
});
