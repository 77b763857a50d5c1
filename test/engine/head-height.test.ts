import { describe, expect, it } from 'vitest';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { Body } from '../../src/engine/body.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { HeadBobMonitor, headHeight } from '../../src/engine/head-bob.ts';
import type { Report } from '../../src/engine/report.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import type { Pose } from '../../src/pose/skeleton.ts';
import { figure, sequence, squatAt, standing } from '../support/kinematic.ts';
import { fixtureTrack, mirroredTrack } from '../support/tracks.ts';
import { withKeypointJitter, withUnseen } from '../support/transform-track.ts';

// Head bob during circles is judged on the head's height: the nose and both ears together
// (head-bob.ts, `headHeight`; checks/form-checks.md, "Head bob during circles").

const FPS = 30;
const EARS = ['left_ear', 'right_ear'] as const;

/**
 * Knee circles (the knees sweep sideways once per 2 s over feet that stay put, from 1 s on), with
 * the whole head moving up and down by `headBob` and the nose alone by `noseBob` (frame heights).
 */
function kneeCircles(headBob: number, noseBob: number): Pose[] {
  const poses = sequence(11, FPS, (t) => {
    const s = t < 1 ? 0 : Math.sin(Math.PI * (t - 1));
    const c = t < 1 ? 0 : Math.cos(Math.PI * (t - 1));
    const base = squatAt('front', 0.3);
    return {
      ...base,
      left: { ...base.left, ankleX: 0.03, kneeIn: -0.03 * s },
      right: { ...base.right, ankleX: 0.03, kneeIn: 0.03 * s },
      headUp: headBob * c,
    };
  });
  return poses.map((p) => {
    const t = p.timestampMs / 1000;
    const nose = p.keypoints.nose;
    if (nose === undefined || t < 1) return p;
    const y = nose.y - noseBob * Math.cos(Math.PI * (t - 1));
    return { ...p, keypoints: { ...p.keypoints, nose: { ...nose, y } } };
  });
}

function analyze(poses: readonly Pose[]): Report {
  const a = new ExerciseAnalyzer(findExercise('knee-circles'));
  for (const p of poses) a.push(p, p.timestampMs);
  return a.finish();
}

const bobFound = (r: Report) => r.faults.some((f) => f.code === 'head-bob');

/** The worst bob over a set's circles (% of stature), as the verdict reports it. */
function worstBob(track: PoseTrack, exerciseId: string): number {
  const v = analyzeTrack(track, exerciseId).verdicts?.find((x) => x.check === 'head-bob');
  if (v?.value === undefined) throw new Error('head bob not judged');
  return v.value;
}

describe("the head's height, for head bob during circles", () => {
  it('is the mean of the nose and both ears, and not known without an ear', () => {
    const pose = figure(standing('front'), 0);
    const y = (name: 'nose' | 'left_ear' | 'right_ear') => new Body(pose).point(name)?.y ?? NaN;
    expect(headHeight(new Body(pose))).toBeCloseTo(
      (y('nose') + y('left_ear') + y('right_ear')) / 3,
    );
    const earHidden = {
      ...pose,
      keypoints: {
        ...pose.keypoints,
        left_ear: { ...(pose.keypoints.left_ear ?? { x: 0, y: 0 }), score: 0 },
      },
    };
    expect(headHeight(new Body(earHidden))).toBeUndefined();
  });

  it('finds the whole head bobbing, and not the nose alone moving as much (a nod, or its jitter)', () => {
    // ±0.02 of the frame's height is a range of about 5 % of this figure's stature, past the 2.5 %
    // limit when the whole head moves; the nose alone moves the head's height a third as far.
    expect(bobFound(analyze(kneeCircles(0.02, 0)))).toBe(true);
    expect(bobFound(analyze(kneeCircles(0, 0.02)))).toBe(false);
    expect(bobFound(analyze(kneeCircles(0, 0)))).toBe(false);
  });

  it('judges a circle on the nose alone when an ear is lost in any of its frames', () => {
    // One series per circle: the ears sit above the nose (here 0.03 of the frame's height higher,
    // 3.5 % of stature), and a circle that switched between the head's height and the nose's as an
    // ear came and went would read that offset as the head moving.
    const earsLost = (p: Pose): Pose => {
      const lost = p.timestampMs % 2000 < 300;
      const ear = (e: (typeof EARS)[number]) => {
        const k = p.keypoints[e] ?? { x: 0, y: 0, score: 0 };
        return { ...k, y: k.y - 0.03, score: lost ? 0 : k.score };
      };
      return {
        ...p,
        keypoints: { ...p.keypoints, left_ear: ear('left_ear'), right_ear: ear('right_ear') },
      };
    };
    expect(bobFound(analyze(kneeCircles(0, 0).map(earsLost)))).toBe(false);
    // And the circles judged on the nose alone still see it move.
    expect(bobFound(analyze(kneeCircles(0, 0.02).map(earsLost)))).toBe(true);
  });

  it("reads the person's height from the foot they stand on, the other held up or not", () => {
    // The real ankle circles' first two circles (4.4-7.6 s), judged after a set-up held still on
    // both feet (the frame at 4.0 s) or on one leg, the circling foot already up (10.0 s). Measured
    // from the mean of the ankles, the one-legged set-up read the person 11 % shorter and the same
    // circles' bob 13 % larger.
    const clip = fixtureTrack('ankle_circles_front_standing_home_4circles');
    const bodyAt = (ms: number) => {
      const pose = clip.frames.find((f) => Math.abs(f.timestampMs - ms) < 20)?.pose;
      if (!pose) throw new Error(`no pose at ${ms} ms`);
      return new Body(pose);
    };
    const bobAfterSetUpOn = (setUpMs: number) => {
      const m = new HeadBobMonitor('standard', 'foot');
      const still = bodyAt(setUpMs);
      for (let t = 0; t <= 1100; t += 1000 / FPS) m.push(still, t);
      const circling = clip.frames.filter((f) => f.timestampMs >= 4400 && f.timestampMs <= 7600);
      for (const f of circling) if (f.pose) m.push(new Body(f.pose), f.timestampMs);
      m.circleCompleted(6000, 4400, 6000);
      m.circleCompleted(7600, 6000, 7600);
      return m.verdict().value ?? NaN;
    };
    expect(bobAfterSetUpOn(10000) / bobAfterSetUpOn(4000)).toBeCloseTo(1, 1);
  });

  it('reads still heads on real and rendered circles further from the limit than the nose did', () => {
    // The nose alone (the ears hidden, so the nose is all there is) read the real ankle-circle
    // clip's still head 1.8 % as filmed and 1.9 % mirrored, against the 2.5 % limit; the head
    // reads each of these still heads 1.5 % or less.
    const stills: [PoseTrack, string][] = [
      [fixtureTrack('ankle_circles_front_standing_home_4circles'), 'ankle-circles'],
      [mirroredTrack('ankle_circles_front_standing_home_4circles'), 'ankle-circles'],
      [fixtureTrack('michelle_knee_circles_front'), 'knee-circles'],
      [mirroredTrack('michelle_knee_circles_front'), 'knee-circles'],
    ];
    const byHead = stills.map(([t, e]) => worstBob(t, e));
    const byNose = stills.map(([t, e]) => worstBob(withUnseen(t, EARS), e));
    for (const [i, head] of byHead.entries()) {
      expect(head).toBeLessThanOrEqual(1.5);
      expect(head).toBeLessThanOrEqual(byNose[i] ?? NaN);
    }
    expect(Math.max(...byNose)).toBeGreaterThan(1.75);
  });

  it('keeps still heads still and finds the bob through a noisier detector', () => {
    // White noise of σ 0.3 % of the frame's height on every keypoint: the nose alone read the
    // mirrored real clip's still head 2.6-2.8 %, past the limit.
    for (const seed of [7, 11]) {
      const noisy = (t: PoseTrack) => withKeypointJitter(t, 0.003, seed);
      expect(
        worstBob(
          noisy(mirroredTrack('ankle_circles_front_standing_home_4circles')),
          'ankle-circles',
        ),
      ).toBeLessThan(2);
      expect(
        worstBob(noisy(fixtureTrack('michelle_knee_circles_front')), 'knee-circles'),
      ).toBeLessThan(2);
      expect(
        worstBob(noisy(fixtureTrack('michelle_knee_circles_headbob_front')), 'knee-circles'),
      ).toBeGreaterThan(3);
    }
  });

  it('still finds the rendered ±2.5 cm bob (3.1-3.4 % of stature a circle by its truth)', () => {
    for (const track of [
      fixtureTrack('michelle_knee_circles_headbob_front'),
      mirroredTrack('michelle_knee_circles_headbob_front'),
    ]) {
      const worst = worstBob(track, 'knee-circles');
      expect(worst).toBeGreaterThan(3.1);
      expect(worst).toBeLessThan(4);
    }
  });
});
