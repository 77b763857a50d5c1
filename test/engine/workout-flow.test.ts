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
  view: 'front',
  ...over,
});

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
    const flow = new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 10 });
    for (const t of [0, 1100, 1200, 4300]) flow.tick(t, live());
    const end = flow.tick(5000, live({ repCount: 3 }));
    expect(end.setEnded).toBe(1);
    expect(flow.view().phase).toBe('rest');
    expect(flow.tick(15_100, live()).newSet).toBe(true);
    expect(flow.view()).toMatchObject({ phase: 'setup', set: 2 });
  });

  it('finishes after the last set', () => {
    const flow = new WorkoutFlow(squat, { kind: 'reps', sets: 1, reps: 2, restSec: 10 });
    for (const t of [0, 1100, 1200, 4300]) flow.tick(t, live());
    expect(flow.tick(5000, live({ repCount: 2 })).say).toContain('Workout done. Well done!');
    expect(flow.view().phase).toBe('done');
  });

  it('can start at a later set: a form check redoing its last part runs that part alone', () => {
    const flow = new WorkoutFlow(squat, { kind: 'reps', sets: 2, reps: 3, restSec: 5 }, 2);
    expect(flow.view()).toMatchObject({ phase: 'setup', set: 2, sets: 2 });
    for (const t of [0, 1100, 1200, 4300]) flow.tick(t, live());
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

  it('switches circle direction halfway', () => {
    const flow = new WorkoutFlow(findExercise('knee-circles'), {
      kind: 'circles',
      sets: 1,
      perDirectionSec: 30,
      restSec: 10,
    });
    for (const t of [0, 1100, 1200, 4300]) flow.tick(t, live());
    expect(flow.view().direction).toBe('clockwise');
    expect(flow.tick(4300 + 30_500, live()).say).toEqual(['Other way: anticlockwise.']);
    expect(flow.view().direction).toBe('anticlockwise');
  });
});
