import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/engine/catalog.ts';
import type { Fault } from '../../src/engine/faults.ts';
import type { RepReport, Report } from '../../src/engine/report.ts';
import { completeRecord, foldEvents, videoRecord } from '../../src/storage/fold-events.ts';
import { newSetRecord, setNotes, type SetRecord } from '../../src/storage/set-record.ts';

const squat = findExercise('squat');
const EMPTY: SetRecord = newSetRecord({
  id: 's1:1',
  sessionId: 's1',
  set: 1,
  exerciseId: squat.id,
  exerciseName: squat.name,
  prescription: squat.prescription,
  startedAtMs: 0,
  source: 'camera',
});
const NO_TALLIES = { circles: { clockwise: 0, anticlockwise: 0 }, steps: 0 };

const shallow: Fault = {
  code: 'shallow-depth',
  severity: 'warn',
  rep: 1,
  atSec: 2,
  value: 30,
  threshold: 15,
  unit: 'deg',
  confidence: 0.9,
  message: 'Go deeper',
};
const rep = (index: number, faults: Fault[] = []): RepReport => ({
  index,
  startSec: index * 3,
  bottomSec: index * 3 + 1,
  endSec: index * 3 + 2,
  phases: { downSec: 1, bottomSec: 0.2, upSec: 0.8, topSec: 1 },
  amplitude: 1,
  faults,
  verdicts: [],
});

describe('foldEvents', () => {
  it('adds each rep with its faults, and says the record changed', () => {
    const { record, changed } = foldEvents(
      EMPTY,
      [
        { type: 'rep', rep: rep(1, [shallow]) },
        { type: 'rep', rep: rep(2) },
      ],
      NO_TALLIES,
    );
    expect(changed).toBe(true);
    expect(record.reps.map((r) => r.index)).toEqual([1, 2]);
    expect(record.faults).toEqual([shallow]);
  });

  it('leaves the record as it was for events that store nothing (set-up, partials, cues)', () => {
    const { record, changed } = foldEvents(
      EMPTY,
      [{ type: 'ready' }, { type: 'partial', atSec: 3, reason: 'too small' }],
      NO_TALLIES,
    );
    expect(changed).toBe(false);
    expect(record).toBe(EMPTY);
  });

  it('adds up held seconds over holds', () => {
    const holds = [3, 4.5].map((seconds, i) => ({
      type: 'hold-end' as const,
      hold: { startSec: i * 10, endSec: i * 10 + seconds, seconds },
    }));
    expect(foldEvents(EMPTY, holds, NO_TALLIES).record.heldSeconds).toBe(7.5);
  });

  it("takes circles and steps from the engine's tallies (events carry only the new count)", () => {
    const tallies = { circles: { clockwise: 3, anticlockwise: 1 }, steps: 0 };
    const { record } = foldEvents(
      EMPTY,
      [{ type: 'circle', direction: 'anticlockwise', count: 1 }],
      tallies,
    );
    expect(record.circles).toEqual({ clockwise: 3, anticlockwise: 1 });
  });

  it('keeps a fault of no rep (head bob), and leaves a rep fault to its rep', () => {
    const { rep: _rep, ...ofNoRep } = shallow;
    const noRep: Fault = { ...ofNoRep, code: 'head-bob' };
    const { record } = foldEvents(
      EMPTY,
      [
        { type: 'fault', fault: noRep },
        { type: 'fault', fault: shallow },
      ],
      NO_TALLIES,
    );
    expect(record.faults).toEqual([noRep]);
  });

  it('never changes the record it was given', () => {
    const frozen = Object.freeze({ ...EMPTY });
    expect(() => foldEvents(frozen, [{ type: 'rep', rep: rep(1) }], NO_TALLIES)).not.toThrow();
    expect(frozen.reps).toEqual([]);
  });
});

describe('completeRecord and videoRecord', () => {
  const report: Report = {
    exercise: 'squat',
    strictness: 'standard',
    view: 'side',
    durationSec: 10,
    repCount: 2,
    reps: [rep(1), rep(2, [shallow])],
    faults: [shallow],
    notes: [],
  };

  it('marks a finished set completed and keeps its reps', () => {
    const done = completeRecord(
      foldEvents(EMPTY, [{ type: 'rep', rep: rep(1) }], NO_TALLIES).record,
      report,
    );
    expect(done.completed).toBe(true);
    expect(done.reps).toHaveLength(1);
  });

  it("takes a video's reps and faults from its report", () => {
    const v = videoRecord({ ...EMPTY, source: 'video' }, report);
    expect(v.reps).toHaveLength(2);
    expect(v.faults).toEqual([shallow]);
    expect(v.completed).toBe(true);
  });

  it("keeps the report's notes, so a set in which nothing was counted says why", () => {
    const never = {
      ...report,
      repCount: 0,
      reps: [],
      faults: [],
      notes: ['Never in position, so nothing was counted: nobody was found in most frames.'],
    };
    expect(completeRecord(EMPTY, never).notes).toEqual(never.notes);
    expect(videoRecord(EMPTY, never).notes).toEqual(never.notes);
    expect(completeRecord(EMPTY, report)).not.toHaveProperty('notes');
  });

  it("keeps the notes made during the set (someone came into view) ahead of the report's", () => {
    const during = 'Someone else came into view after rep 1: …';
    const seenFromSide = { ...report, notes: ['Filmed from the side; …'] };
    const done = completeRecord({ ...EMPTY, notes: [during] }, seenFromSide);
    expect(done.notes).toEqual([during, 'Filmed from the side; …']);
    expect(completeRecord({ ...EMPTY, notes: [during] }, report).notes).toEqual([during]);
  });
});

describe('setNotes (what the set summary says about the whole set)', () => {
  const bouncing: Fault = {
    code: 'partial-reps',
    severity: 'info',
    atSec: 1.3,
    value: 0.9,
    threshold: 2,
    unit: 's',
    message: 'Small quick dips are not counted: go all the way down and all the way back each rep.',
  };

  it("gives the engine's notes, then each fault of no rep once, and no rep's fault", () => {
    const record: SetRecord = {
      ...EMPTY,
      notes: ['Filmed from the side.'],
      faults: [bouncing, shallow, { ...bouncing, atSec: 6 }],
    };
    expect(setNotes(record)).toEqual(['Filmed from the side.', bouncing.message]);
  });

  it('is empty for a set with nothing to say', () => {
    expect(setNotes({ ...EMPTY, faults: [shallow] })).toEqual([]);
  });
});
