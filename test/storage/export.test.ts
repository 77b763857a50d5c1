import { describe, expect, it } from 'vitest';
import { historyToCsv, historyToJson } from '../../src/storage/export.ts';
import { progressOf } from '../../src/storage/progress.ts';
import { newSetRecord, type SetRecord } from '../../src/storage/set-record.ts';

const record = (set: number, startedAtMs: number): SetRecord => ({
  ...newSetRecord({
    id: `s1:${set}`,
    sessionId: 's1',
    set,
    exerciseId: 'calf-raise',
    exerciseName: 'Calf raise',
    prescription: { kind: 'reps', sets: 3, reps: 20, restSec: 45 },
    startedAtMs,
    source: 'camera',
  }),
  completed: true,
  reps: [
    {
      index: 1,
      startSec: 1,
      bottomSec: 2,
      endSec: 5,
      phases: { downSec: 3, bottomSec: 0.2, upSec: 0.4, topSec: 1 },
      amplitude: 0.2,
      faults: [],
      verdicts: [],
    },
    {
      index: 2,
      startSec: 6,
      bottomSec: 7,
      endSec: 8,
      phases: { downSec: 0.8, bottomSec: 0.2, upSec: 0.4, topSec: 1 },
      amplitude: 0.2,
      faults: [
        {
          code: 'tempo',
          severity: 'info',
          atSec: 7,
          value: 0.8,
          unit: 's',
          message: 'Lowered in 0.8 s, aim for 3 s.',
        },
      ],
      verdicts: [],
    },
  ],
});

describe('history export', () => {
  it('writes one CSV row per rep with its tempo phases and faults', () => {
    const lines = historyToCsv([record(1, Date.UTC(2026, 0, 2))])
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'date,session,exercise,set,kind,index,start_s,end_s,down_s,bottom_s,up_s,top_s,knee_angle_deg,below_parallel,hold_s,faults',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      '2026-01-02T00:00:00.000Z,s1,calf-raise,1,rep,2,6,8,0.8,0.2,0.4,1,,,,tempo',
    );
  });

  it('writes JSON that names its format', () => {
    expect(JSON.parse(historyToJson([record(1, 0)]))).toMatchObject({
      format: 'formcheck-history',
      version: 1,
    });
  });

  it('plots per set: reps, tempo adherence and fault rate', () => {
    const p = progressOf([record(2, 2000), record(1, 1000)], 'calf-raise');
    expect(p.map((x) => x.atMs)).toEqual([1000, 2000]);
    expect(p[0]).toMatchObject({ reps: 2, tempoAdherence: 0.5, faultRate: 0 });
  });
});
