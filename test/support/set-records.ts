import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { videoRecord } from '../../src/storage/fold-events.ts';
import { newSetRecord, type SetRecord } from '../../src/storage/set-record.ts';
import { fixtureTrack } from './tracks.ts';

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

/** Set `set` of `exercise` as the app keeps `clip` analysed (its committed pose track, as a video). */
export function keptVideoSet(clip: string, exercise: string, set = 1): SetRecord {
  const def = findExercise(exercise);
  const record = newSetRecord({
    id: `${clip}:${set}`,
    sessionId: clip,
    set,
    exerciseId: def.id,
    exerciseName: def.name,
    prescription: def.prescription,
    startedAtMs: Date.UTC(2026, 11, 7, 8, set),
    source: 'video',
  });
  return videoRecord(record, analyzeTrack(fixtureTrack(clip), exercise));
}
