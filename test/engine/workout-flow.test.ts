import { describe, expect, it } from 'vitest';
import type { LiveState } from '../../src/engine/analyzer.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { IDLE_LIVE } from '../../src/engine/kinds/kind-analyzer.ts';
import { WorkoutFlow } from '../../src/engine/workout-flow.ts';

const live = (over: Partial<LiveState> = {}): LiveState => ({
  ...IDLE_LIVE,
  ready: true,
  issue: undefined,
  faultJoints: [],
  lastFaults: [],
  keyAngle: undefined,
  cameraTiltDeg: undefined,
  view: 'front',
  facing: 'camera',
  ...over,
});

/** The flow at "Go!": set up (ready 1 s), the 3-2-1 counted down; the set starts at 4.3 s. */
function atGo(flow: WorkoutFlow): WorkoutFlow {
  for (const t of [0, 1100, 1200, 4300]) flow.tick(t, live());
  return flow;
}

describe('the hands-free workout flow', () => {
  const squat = findExercise('squat');

  it('waits for the person to be set up, counts down aloud, then says go', () => {
    const flow = new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 10 });
    expect(flow.tick(0, live({ ready: false })).say).toEqual([]);
    flow.tick(100, live());
    flow.tick(1200, live());
    expect(flow.view().phase).toBe('countdown');
    const said = [1300, 2300, 3300, 4300].flatMap((t) => flow.tick(t, live()).say);
    expect(said).toEqual(['3', '2', '1', 'Go!']);
    expect(flow.view().phase).toBe('set');
  });

  it('ends the set at the prescribed reps, rests, and starts the next set by itself', () => {
    const flow = atGo(new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 10 }));
    const end = flow.tick(5000, live({ repCount: 3 }));
    expect(end.setEnded).toBe(1);
    expect(flow.view().phase).toBe('rest');
    expect(flow.tick(15_100, live()).newSet).toBe(true);
    expect(flow.view()).toMatchObject({ phase: 'setup', set: 2 });
  });

  it('stops the clock of the phase it is in while paused: a rest waits, a walk keeps its time', () => {
    const flow = atGo(new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 10 }));
    flow.tick(5000, live({ repCount: 3 }));
    flow.tick(7000, live());
    expect(flow.view().secondsLeft).toBe(8);
    // Paused 60 s into the rest: 8 s of it are still to come.
    flow.pausedFor(60_000);
    expect(flow.view().secondsLeft).toBe(8);
    expect(flow.tick(67_100, live()).newSet).toBeUndefined();
    expect(flow.tick(75_100, live()).newSet).toBe(true);
    const walk = atGo(
      new WorkoutFlow(findExercise('heel-walk'), {
        kind: 'walk',
        sets: 1,
        walkSec: 30,
        restSec: 30,
      }),
    );
    walk.tick(14_300, live());
    walk.pausedFor(100_000);
    expect(walk.view().setSec).toBe(10);
    expect(walk.tick(133_300, live()).setEnded).toBeUndefined();
    expect(walk.tick(134_300, live()).setEnded).toBe(1);
  });

  it('finishes after the last set', () => {
    const flow = atGo(new WorkoutFlow(squat, { kind: 'reps', sets: 1, reps: 2, restSec: 10 }));
    expect(flow.tick(5000, live({ repCount: 2 })).say).toContain('Workout done. Well done!');
    expect(flow.view().phase).toBe('done');
  });

  it('can start at a later set: a form check redoing its last part runs that part alone', () => {
    const flow = new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 5 }, 2);
    expect(flow.view()).toMatchObject({ phase: 'setup', set: 2, sets: 2 });
    atGo(flow);
    expect(flow.tick(5000, live({ repCount: 3 })).setEnded).toBe(2);
    expect(flow.view().phase).toBe('done');
  });

  it('ends the set on request at any point before the rest, even while setting up', () => {
    const flow = new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 10 });
    flow.tick(0, live({ ready: false }));
    expect(flow.endSet(500)).toMatchObject({ setEnded: 1, say: ['Set 1 done. Rest.'] });
    expect(flow.view().phase).toBe('rest');
    expect(flow.endSet(600)).toEqual({ say: [] });
  });

  it('calls out halfway and the last 10 s of a hold, following the time held, once each', () => {
    const hold = { kind: 'hold', sets: 2, holdSec: 30, restSec: 30 } as const;
    const flow = atGo(new WorkoutFlow(findExercise('squat-hold'), hold));
    // The time held over the set (the clock runs on while the pose is broken).
    const held = [
      [10_000, 5],
      [20_000, 14.9],
      [21_000, 15],
      [22_000, 15],
      [26_000, 15], // the pose broken: the time held stands still, nothing more is said
      [30_000, 19.9],
      [31_000, 20],
      [40_000, 25],
    ] as const;
    const said = held.map(([t, sec]) => flow.tick(t, live({ heldSec: sec })).say);
    expect(said).toEqual([[], [], ['Halfway.'], [], [], [], ['10 seconds left.'], []]);
    expect(flow.tick(45_000, live({ heldSec: 30 })).say).toEqual(['Set 1 done. Rest.']);
    // The rest's last 10 s are called out too, then the next set; its hold is called out afresh.
    expect(flow.tick(64_000, live()).say).toEqual([]);
    expect(flow.tick(65_000, live()).say).toEqual(['10 seconds.']);
    expect(flow.tick(66_000, live()).say).toEqual([]);
    expect(flow.tick(75_100, live()).say).toEqual(['Next set. Get into position.']);
    for (const t of [75_200, 76_300, 76_400, 79_500]) flow.tick(t, live());
    expect(flow.view()).toMatchObject({ phase: 'set', set: 2 });
    expect(flow.tick(90_000, live({ heldSec: 16 })).say).toEqual(['Halfway.']);
  });

  it('leaves short holds and rests quiet, and says only the last 10 s when they come first', () => {
    const hold = (holdSec: number) => {
      const flow = atGo(
        new WorkoutFlow(findExercise('squat-hold'), {
          kind: 'hold',
          sets: 1,
          holdSec,
          restSec: 10,
        }),
      );
      return [5, 7.5, 10, 12].map(
        (sec, i) => flow.tick(5000 + i * 1000, live({ heldSec: sec })).say,
      );
    };
    expect(hold(15).flat()).toEqual([]);
    // A 20 s hold is halfway when 10 s are left: one call-out.
    expect(hold(20)).toEqual([[], [], ['10 seconds left.'], []]);
    const flow = atGo(new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 15 }));
    flow.tick(5000, live({ repCount: 3 }));
    expect([8000, 12_000, 15_000].flatMap((t) => flow.tick(t, live()).say)).toEqual([]);
  });

  it('switches circle direction halfway', () => {
    const flow = atGo(
      new WorkoutFlow(findExercise('knee-circles'), {
        kind: 'circles',
        sets: 1,
        perDirectionSec: 30,
        restSec: 10,
      }),
    );
    expect(flow.view().direction).toBe('clockwise');
    expect(flow.turnWords()).toBeUndefined();
    expect(flow.tick(4300 + 30_500, live()).say).toEqual(['Other way: anticlockwise.']);
    expect(flow.view().direction).toBe('anticlockwise');
    // Shown over the picture for a few seconds too (a muted laptop hears nothing).
    expect(flow.turnWords()).toBe('Other way: anticlockwise.');
    flow.tick(4300 + 30_500 + 3900, live());
    expect(flow.turnWords()).toBe('Other way: anticlockwise.');
    flow.tick(4300 + 30_500 + 4000, live());
    expect(flow.turnWords()).toBeUndefined();
  });
});
