import { newSetRecord, type SetRecord } from '../../src/storage/set-record.ts';

/** A completed set of bodyweight squats (3 × 10) with nothing counted: add what the spec needs. */
export const squatSetRecord = (session: string, set: number, startedAtMs: number): SetRecord => ({
  ...newSetRecord({
    id: `${session}:${set}`,
    sessionId: session,
    set,
    exerciseId: 'squat',
    exerciseName: 'Bodyweight squat',
    prescription: { kind: 'reps', sets: 3, reps: 10, restSec: 60 },
    startedAtMs,
    source: 'camera',
  }),
  completed: true,
});
