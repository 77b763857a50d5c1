import { describe, expect, it } from 'vitest';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { kneeAnkleSeparationRatio } from '../../src/engine/checks/knee-valgus.ts';
import { atBottom, medianOver } from '../../src/engine/checks/rep-context.ts';
import { resampleTrack } from '../../src/pose/resample-track.ts';
import { fixtureTrack, mirroredTrack } from '../support/tracks.ts';
import { withKeypointJitter } from '../support/transform-track.ts';

// The rendered clips in ../shared/data/rendered: one rigged character posed bone by bone, so the
// truth is exact (ground-truth files there; the clips themselves may not be committed, formcheck's
// BlazePose tracks of them are). They fill gaps real footage leaves; they never replace it.
// Truth used here: each squat clip is 3 reps to 90° of knee flexion (thighs 38° above level: a
// half squat), the camera 2.5 m away at 0.95 m, like a laptop on a chair; each knee-circle clip
// circles for 14 s, the head still or bobbing ±2.5 cm.

const analyze = (clip: string, exerciseId: string) => analyzeTrack(fixtureTrack(clip), exerciseId);
const codes = (r: ReturnType<typeof analyze>) => new Set(r.faults.map((f) => f.code));

describe('the engine on the rendered clips (exact ground truth)', () => {
  it.each(['michelle_squat_front', 'michelle_squat_side'])(
    '%s: counts the three half squats and reads each one shallow',
    (clip) => {
      // From the front the shin's image shortens as much as the hips drop: these are counted on
      // the shank seen at rest (rep-counter.md, "Two rulers"); before that, not at all.
      const r = analyze(clip, 'squat');
      expect(r.repCount).toBe(3);
      for (const rep of r.reps ?? []) {
        const depth = rep.verdicts.find((v) => v.check === 'depth');
        expect(depth?.status).toBe('fault');
        // 38° above level by ground truth; the measure's error is ~5°, plus the rig's hip sits low.
        expect(depth?.value).toBeGreaterThan(30);
        expect(depth?.value).toBeLessThan(50);
      }
    },
  );

  it('never says "not counted" of a movement the other ruler counted (front half squats)', () => {
    // Each rep is let go as too small on the frame's own shank, and counted on the resting one.
    const track = fixtureTrack('michelle_squat_front');
    const analyzer = new ExerciseAnalyzer(findExercise('squat'));
    const events = track.frames.flatMap((f) => analyzer.push(f.pose, f.timestampMs));
    const reps = events.flatMap((e) => (e.type === 'rep' ? [e.rep] : []));
    const said = events.flatMap((e) => (e.type === 'partial' ? [e.atSec] : []));
    expect(reps).toHaveLength(3);
    for (const at of said)
      expect(
        reps.some((r) => r.startSec <= at && at <= r.endSec),
        `${at} s`,
      ).toBe(false);
  });

  it('counts nothing while the character only stands', () => {
    expect(analyze('michelle_standing_front', 'squat').repCount).toBe(0);
  });

  it('finds the head bob, and passes a still head, through a noisier detector too', () => {
    // Judged on the range of the nose, two frames' jitter read as a bob (ankle-circles.test.ts:
    // a still head told "Head still." live). Each height is the median of those within ±80 ms.
    for (const seed of [7, 11]) {
      const noisy = (clip: string) => withKeypointJitter(fixtureTrack(clip), 0.002, seed);
      expect(
        codes(analyzeTrack(noisy('michelle_knee_circles_headbob_front'), 'knee-circles')),
      ).toContain('head-bob');
      expect(
        codes(analyzeTrack(noisy('michelle_knee_circles_front'), 'knee-circles')),
      ).not.toContain('head-bob');
    }
  });

  it('counts the 6 knee circles, with the head still and with the bob', () => {
    // Truth: 3 circles one way, then 3 the other, 2 s each, from standing and back to standing.
    // The knees are measured sideways from the ankles, which stay put: from the picture's edge,
    // 4.5 shanks away, each frame's shank (the shins foreshorten by up to 10 % as the knees come
    // forward) swung the knees' position by more than their ±0.13 shank circle. A circle is each
    // second side reached: 12 sides here, the last circle ending in the middle.
    const total = (clip: string) => {
      const c = analyze(clip, 'knee-circles').circles;
      return (c?.clockwise ?? 0) + (c?.anticlockwise ?? 0);
    };
    expect(total('michelle_knee_circles_front')).toBe(6);
    expect(total('michelle_knee_circles_headbob_front')).toBe(6);
  });

  it('counts the same 6 circles in the clip read a second time, mirrored, at 30, 15 and 10 frames/s', () => {
    // The mirrored clip's track (fixtures README): the model's errors drawn again. Measured from the
    // picture's edge in each frame's shank, it counted 5, 5 and 10.
    const track = mirroredTrack('michelle_knee_circles_headbob_front');
    for (const fps of [undefined, 15, 10]) {
      const r = analyzeTrack(fps === undefined ? track : resampleTrack(track, fps), 'knee-circles');
      const c = r.circles;
      expect((c?.clockwise ?? 0) + (c?.anticlockwise ?? 0), `${fps ?? 30} frames/s`).toBe(6);
      expect(codes(r), `${fps ?? 30} frames/s`).toContain('head-bob');
    }
  });

  it('finds the ±2.5 cm head bob in knee circles, and not a still head', () => {
    expect(codes(analyze('michelle_knee_circles_headbob_front', 'knee-circles'))).toContain(
      'head-bob',
    );
    expect(codes(analyze('michelle_knee_circles_front', 'knee-circles'))).not.toContain('head-bob');
  });

  // BlazePose under-reads the rendered heel (about half of a 6.2 cm calf raise, ~1 px of a 4 cm
  // lift in a squat). Side on, the calf raises' heel signal reads 0.03-0.05 shank, under the
  // smallest countable rep (0.06); the body rises with the heels (0.08 shank true), and the heels
  // with the body's rise are counted (rep-counter.md, "A calf raise lifts the whole body").
  it('counts the calf raises from the front and side on', () => {
    expect(analyze('michelle_calf_raise_front', 'calf-raise').repCount).toBe(3);
    expect(analyze('michelle_calf_raise_side', 'calf-raise').repCount).toBe(3);
  });

  // The knee-to-ankle separation ratio (knee valgus, from the front) at each bottom, against the
  // rig's own joints projected into the picture: 0.87 at the bottoms of the flat-footed squats,
  // 0.91 where the heels lift (the knees inside the ankles, as any half squat's: too shallow to
  // judge valgus by). The measure's stated error is 0.05 (form-checks.md).
  it.each([
    ['michelle_squat_front', 0.87],
    ['michelle_squat_heels_lift_front', 0.91],
  ] as const)('%s: reads the knees against the ankles within 0.1 of the truth', (clip, truth) => {
    const ratios: number[] = [];
    analyzeTrack(fixtureTrack(clip), 'squat', {
      onRepJudged: (ctx) => {
        const r = medianOver(atBottom(ctx), (f) => kneeAnkleSeparationRatio(f.body));
        if (r !== undefined) ratios.push(r);
      },
    });
    expect(ratios).toHaveLength(3);
    for (const r of ratios) expect(Math.abs(r - truth)).toBeLessThan(0.1);
  });

  // A known limit, pinned so that a change either way is looked at (README, "Known limits").
  it('does not see the 4 cm heel lift in a squat side on (known limit)', () => {
    const r = analyze('michelle_squat_heels_lift_side', 'squat');
    expect(r.repCount).toBe(3);
    expect(codes(r)).not.toContain('heel-lift');
  });
});

describe('the rendered clips at 15 and 10 frames/s', () => {
  const at = (clip: string, exerciseId: string, fps?: number) => {
    const track = fixtureTrack(clip);
    const r = analyzeTrack(fps === undefined ? track : resampleTrack(track, fps), exerciseId);
    const c = r.circles;
    return {
      reps: r.repCount,
      circles: c === undefined ? undefined : c.clockwise + c.anticlockwise,
      faults: [...codes(r)].sort(),
    };
  };

  it.each([
    ['michelle_calf_raise_front', 'calf-raise'],
    ['michelle_calf_raise_side', 'calf-raise'],
    ['michelle_squat_front', 'squat'],
    ['michelle_squat_side', 'squat'],
    ['michelle_squat_heels_lift_front', 'squat'],
    ['michelle_squat_heels_lift_side', 'squat'],
    ['michelle_standing_front', 'squat'],
    ['michelle_knee_circles_front', 'knee-circles'],
    ['michelle_knee_circles_headbob_front', 'knee-circles'],
  ])('%s: the same count, circles and faults', (clip, exerciseId) => {
    const full = at(clip, exerciseId);
    for (const fps of [15, 10]) {
      const low = at(clip, exerciseId, fps);
      // Named exception: the head-bob clip's last swing, back to standing, reaches 0.059 shank at
      // 15 frames/s (0.076 at 30) where a side is reached at 0.06, twice a still foot's jitter
      // (circle-counter.ts): its sixth circle is not counted. The mirrored track counts 6 at every
      // rate (above).
      if (clip === 'michelle_knee_circles_headbob_front')
        expect(low, `${fps} frames/s`).toEqual({ ...full, circles: 5 });
      else expect(low, `${fps} frames/s`).toEqual(full);
    }
  });
});
