import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { EXERCISES } from '../../src/engine/catalog.ts';
import {
  KEYPOINT_NAMES,
  type Keypoint,
  type KeypointName,
  type Pose,
} from '../../src/pose/skeleton.ts';
import { figure, squatAt } from '../support/kinematic.ts';

/** Numbers a broken detector or decoder could hand over. */
const nasty = fc.oneof(
  fc.double({ min: -2, max: 3, noNaN: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, 1),
);

const keypointArb: fc.Arbitrary<Keypoint | undefined> = fc.option(
  fc.record({
    x: nasty,
    y: nasty,
    score: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(NaN)),
  }),
  { nil: undefined },
);

/** A plausible squat pose with random corruption: missing, NaN, zero-score or wild keypoints. */
const poseArb: fc.Arbitrary<Pose | null> = fc.option(
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.dictionary(fc.constantFrom(...KEYPOINT_NAMES), keypointArb, { maxKeys: 8 }),
    )
    .map(([d, broken]) => {
      const base = figure(squatAt('front', d), 0);
      const keypoints: Partial<Record<KeypointName, Keypoint>> = { ...base.keypoints };
      for (const [k, v] of Object.entries(broken)) {
        if (v === undefined) delete keypoints[k as KeypointName];
        else keypoints[k as KeypointName] = v;
      }
      return { ...base, keypoints };
    }),
  { nil: null, freq: 6 },
);

/** Time steps: normal frames, repeats, going backwards, long gaps, NaN. */
const stepArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant(33) },
  fc.constant(0),
  fc.constant(-50),
  fc.constant(5000),
  fc.constant(NaN),
  fc.integer({ min: 1, max: 400 }),
);

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(hasNaN);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

describe('every analyzer, on corrupted pose streams', () => {
  it.each(EXERCISES.map((e) => e.id))(
    '%s: never throws, never reports NaN, never counts backwards',
    (id) => {
      const exercise = EXERCISES.find((e) => e.id === id);
      if (exercise === undefined) throw new Error(id);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(poseArb, stepArb), { minLength: 1, maxLength: 150 }),
          (frames) => {
            const a = new ExerciseAnalyzer(exercise);
            let t = 0;
            let last = { reps: 0, circles: 0, steps: 0, held: 0 };
            for (const [pose, step] of frames) {
              t += step;
              a.push(pose === null ? null : { ...pose, timestampMs: t }, t);
              const live = a.live();
              const now = {
                reps: live.repCount,
                circles: live.circles.clockwise + live.circles.anticlockwise,
                steps: live.steps,
                held: live.heldSec,
              };
              expect(now.reps).toBeGreaterThanOrEqual(last.reps);
              expect(now.circles).toBeGreaterThanOrEqual(last.circles);
              expect(now.steps).toBeGreaterThanOrEqual(last.steps);
              expect(hasNaN(live)).toBe(false);
              last = { ...now, held: now.held };
            }
            const report = a.finish();
            expect(hasNaN(report)).toBe(false);
            expect(JSON.parse(JSON.stringify(report))).toEqual(report);
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
