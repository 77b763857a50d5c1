import { describe, expect, it } from 'vitest';
import { historyToCsv, historyToJson } from '../../src/storage/export.ts';
import { PROGRESS_SERIES, progressOf, seriesPoints } from '../../src/storage/progress.ts';
import { newSetRecord, type SetRecord } from '../../src/storage/set-record.ts';

const record = (set: number, startedAtMs: number): SetRecord => ({
  ...newSetRecord({
    id: `s1:${set}`,
    sessionId: 's1',
    set,
    exerciseId: 'calf-raise',
    exerciseName: 'Calf raise',
    prescription: {
      kind: 'reps',
      sets: 3,
      reps: 20,
      restSec: 45,
      tempo: { lowerSec: 3, bottomSec: 0, riseSec: 'fast', topSec: 1 },
    },
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
      'date,session,exercise,set,kind,index,start_s,end_s,down_s,bottom_s,up_s,top_s,thigh_above_level_deg,knee_angle_deg,below_parallel,hold_s,hips_moved_shank,circles_clockwise,circles_anticlockwise,steps,faults',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      '2026-01-02T00:00:00.000Z,s1,calf-raise,1,rep,2,6,8,0.8,0.2,0.4,1,,,,,,,,,tempo',
    );
  });

  it("gives a squat rep's depth in the check's measure and a hold's seconds and position, in their columns", () => {
    const squat: SetRecord = {
      ...record(1, Date.UTC(2026, 0, 2)),
      exerciseId: 'squat',
      reps: [
        {
          index: 1,
          startSec: 1,
          bottomSec: 2,
          endSec: 3,
          phases: { downSec: 1, bottomSec: 0.2, upSec: 0.8, topSec: 0 },
          amplitude: 1,
          depth: {
            thighAboveLevelDeg: -4,
            kneeAngleDeg: 70,
            belowParallel: true,
            hipAboveKneeShanks: -0.1,
          },
          faults: [],
          verdicts: [],
        },
      ],
      holds: [{ startSec: 4, endSec: 24, seconds: 20, driftShanks: 0.22 }],
      faults: [
        {
          code: 'hold-drift',
          severity: 'warn',
          atSec: 15,
          value: 0.16,
          unit: 'shank',
          message: 'Hips rose 0.16 shank lengths during the hold: stay low.',
        },
      ],
    };
    const [header, rep, hold] = historyToCsv([squat]).trim().split('\n');
    const columns = header?.split(',') ?? [];
    const cell = (line: string | undefined, column: string) =>
      line?.split(',')[columns.indexOf(column)];
    expect(cell(rep, 'thigh_above_level_deg')).toBe('-4');
    expect(cell(rep, 'knee_angle_deg')).toBe('70');
    expect(cell(rep, 'below_parallel')).toBe('true');
    expect(cell(hold, 'kind')).toBe('hold');
    expect(cell(hold, 'hold_s')).toBe('20');
    // How far the hips crept from where the hold settled, and the fault said during it.
    expect(cell(hold, 'hips_moved_shank')).toBe('0.22');
    expect(cell(hold, 'faults')).toBe('hold-drift');
    expect(hold?.split(',')).toHaveLength(columns.length);
  });

  it("writes every set: circles each way, a walk's steps, a set with nothing counted, and faults of no rep", () => {
    const base = record(1, Date.UTC(2026, 0, 2));
    const headBob = {
      code: 'head-bob',
      severity: 'warn',
      atSec: 9,
      value: 0.04,
      unit: 'stature',
      message: 'Keep your head still: only the knees move.',
    } as const;
    const circles: SetRecord = {
      ...base,
      exerciseId: 'knee-circles',
      prescription: { kind: 'circles', sets: 1, perDirectionSec: 30, restSec: 10 },
      reps: [],
      circles: { clockwise: 11, anticlockwise: 9 },
      faults: [headBob, { ...headBob, atSec: 40 }],
    };
    const walk: SetRecord = {
      ...base,
      exerciseId: 'heel-walk',
      prescription: { kind: 'walk', sets: 2, walkSec: 30, restSec: 30 },
      reps: [],
      steps: 24,
    };
    const nothing: SetRecord = { ...base, exerciseId: 'squat', reps: [] };
    const bouncing: SetRecord = {
      ...base,
      faults: [{ ...headBob, code: 'tempo', message: 'Bouncing: small quick lifts…' }],
    };
    const [header, ...rows] = historyToCsv([circles, walk, nothing, bouncing]).trim().split('\n');
    const columns = header?.split(',') ?? [];
    const cells = (line: string | undefined, ...names: string[]) =>
      names.map((n) => line?.split(',')[columns.indexOf(n)]);
    const picked = ['exercise', 'kind', 'circles_clockwise', 'circles_anticlockwise', 'steps'];
    expect(rows.map((r) => [...cells(r, ...picked), cells(r, 'faults')[0]])).toEqual([
      ['knee-circles', 'circles', '11', '9', '', 'head-bob;head-bob'],
      ['heel-walk', 'walk', '', '', '24', ''],
      ['squat', 'set', '', '', '', ''],
      // Two reps, then the set's bouncing, which belongs to no rep.
      ['calf-raise', 'rep', '', '', '', ''],
      ['calf-raise', 'rep', '', '', '', 'tempo'],
      ['calf-raise', 'set', '', '', '', 'tempo'],
    ]);
    for (const r of rows) expect(r.split(',')).toHaveLength(columns.length);
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

  it("plots a squat set's depth: the median thighs' angle below level over its reps", () => {
    type Rep = SetRecord['reps'][number];
    const deep = (aboveLevelDeg: number | null, index: number, check = 'depth'): Rep => ({
      ...(record(1, 0).reps[0] as Rep),
      index,
      verdicts: [
        { check, status: 'pass', unit: '°', message: 'Deep enough.' } as Rep['verdicts'][number],
      ],
      depth: {
        thighAboveLevelDeg: aboveLevelDeg,
        kneeAngleDeg: null,
        belowParallel: false,
        hipAboveKneeShanks: null,
      },
    });
    const set = (atMs: number, above: (number | null)[]): SetRecord => ({
      ...record(1, atMs),
      exerciseId: 'squat',
      reps: above.map((a, i) => deep(a, i + 1)),
    });
    const p = progressOf([set(0, [10, -5, 20, null]), set(1000, [-12, -8])], 'squat');
    expect(p.map((x) => x.depthBelowLevelDeg)).toEqual([-10, 12]);
    // Above level throughout is still a depth to plot (it is below zero); no depth at all is not.
    const shallow = progressOf([set(0, [25, 30, 20])], 'squat');
    const depth = PROGRESS_SERIES.find((s) => s.title.startsWith('depth'));
    expect(depth && seriesPoints(shallow, depth.pick)).toEqual([{ x: 0, y: -25 }]);
    // Said as a side, not a signed number under "thighs below level".
    expect([-25, 0, 12].map((v) => depth?.valueText?.(v))).toEqual([
      '25° above',
      'level',
      '12° below',
    ]);
    expect(depth && seriesPoints(progressOf([record(1, 0)], 'calf-raise'), depth.pick)).toEqual([]);
    // A lunge's reps carry the thigh's angle too, but are judged by the front knee's angle.
    const lunge = { ...set(0, []), reps: [deep(10, 1, 'lunge-depth'), deep(12, 2, 'lunge-depth')] };
    expect(progressOf([lunge], 'squat')[0]?.depthBelowLevelDeg).toBeUndefined();
  });

  it('plots no tempo adherence for sets with no tempo to keep (squats)', () => {
    const squats = {
      ...record(1, 1000),
      prescription: { kind: 'reps', sets: 3, reps: 10, restSec: 60 },
    } as const;
    expect(progressOf([squats], 'calf-raise')[0]?.tempoAdherence).toBeUndefined();
  });
});
