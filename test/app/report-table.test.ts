import { describe, expect, it } from 'vitest';
import { setsTableText } from '../../src/app/screens/report-screen.ts';
import type { SetRecord } from '../../src/storage/set-record.ts';
import { keptVideoSet as keptSet } from '../support/set-records.ts';

// The printed report's table of an exercise's sets, for the sets the app keeps of real clips (each
// clip's committed pose track through the engine, as a recorded video is kept).

describe("the report's table of sets", () => {
  it('gives a hold whether its hips stayed, and no tempo (a hold has none)', () => {
    const still = keptSet('wallsit_hold_34side_then_front_fitbod', 'squat-hold');
    // The same hold as it would be kept had its hips sunk out of where it settled.
    const hold = still.holds[0];
    expect(hold?.driftShanks).toBeDefined();
    const sunk: SetRecord = {
      ...still,
      set: 2,
      holds: [{ ...hold!, driftShanks: 0.2 }],
      faults: [
        {
          code: 'hold-drift',
          severity: 'warn',
          atSec: (hold!.startSec + hold!.endSec) / 2,
          value: 0.2,
          threshold: 0.15,
          unit: 'shank',
          message: 'Hips rose 0.20 shank lengths during the hold: stay low.',
        },
      ],
    };
    const { headers, rows } = setsTableText([still, sunk]);
    expect(headers).toEqual(['Set', 'Done', 'Hips', 'Faults']);
    expect(rows).toEqual([
      ['1', `${still.heldSeconds.toFixed(1)} s held`, 'stayed', 'none'],
      ['2', `${still.heldSeconds.toFixed(1)} s held`, 'moved 0.20 shank', 'hold drift ×1'],
    ]);
  });

  it('gives the tempo kept where a tempo was asked for, and the faults per check', () => {
    const { headers, rows } = setsTableText([
      keptSet('calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct', 'calf-raise'),
    ]);
    expect(headers).toEqual(['Set', 'Done', 'Tempo kept', 'Faults']);
    expect(rows[0]?.[3]).toMatch(/^tempo ×\d+$/);
    expect(rows[0]?.[2]).toMatch(/^\d+ %$/);
  });

  it('has no tempo column for squats asked for without one', () => {
    const { headers, rows } = setsTableText([
      keptSet('squat_side_gym_dowel_2reps', 'squat'),
      keptSet('squat_front_FORWARD_LEAN_mlsac_1rep', 'squat', 2),
    ]);
    expect(headers).toEqual(['Set', 'Done', 'Faults']);
    expect(rows).toEqual([
      ['1', '2 reps', 'none'],
      ['2', '1 rep', expect.stringMatching(/forward lean ×1/)],
    ]);
  });
});
