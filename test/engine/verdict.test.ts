import { describe, expect, it } from 'vitest';
import { BORDERLINE_CONFIDENCE, fault, isBorderline } from '../../src/engine/checks/verdict.ts';
import { confidenceOf, LIMITS } from '../../src/engine/checks/thresholds.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { fixtureTrack } from '../support/tracks.ts';

const depth = LIMITS.thighAboveLevelDeg;
/** A depth fault measured `deg` above level on keypoints scored `score`. */
const shallow = (deg: number, score = 0.95) =>
  fault('depth', 'Go deeper: thighs stopped above level.', {
    value: deg,
    threshold: depth.standard,
    unit: 'deg',
    confidence: confidenceOf(deg, depth.standard, depth.error, score),
  });

describe('a fault close to its limit (a close call)', () => {
  it('says "Borderline" first when within about half the measure’s error of the limit', () => {
    const v = shallow(depth.standard + 1);
    expect(v.confidence).toBeLessThan(BORDERLINE_CONFIDENCE);
    expect(isBorderline(v)).toBe(true);
    expect(v.message).toBe('Borderline. Go deeper: thighs stopped above level.');
  });

  it('is said plainly once it is a full error past the limit', () => {
    const v = shallow(depth.standard + depth.error);
    expect(isBorderline(v)).toBe(false);
    expect(v.message).toBe('Go deeper: thighs stopped above level.');
  });

  it('is a close call however far past the limit when the keypoints were barely seen', () => {
    expect(isBorderline(shallow(40, 0.5))).toBe(true);
  });

  it('is still a warning: a close call is reported, not dropped', () => {
    expect(shallow(depth.standard + 1)).toMatchObject({ status: 'fault', severity: 'warn' });
  });
});

describe("a verdict's confidence: the scores of the joints its value was read from", () => {
  // The handheld goblet squat's last rep: side on, the far thigh, the model's guess (knee scored
  // 0.53-0.76), reads 6° above level and the near one 21-23°; depth takes the deeper.
  const clip = 'squat_34_handheld_bw_goblet';
  const lastRepDepth = (track: PoseTrack) =>
    analyzeTrack(track, 'squat')
      .reps?.at(-1)
      ?.verdicts.find((v) => v.check === 'depth');
  /** The far (right) hip and knee scored `score` in every frame, where they were seen. */
  const farLegScored = (score: number): PoseTrack => {
    const track = fixtureTrack(clip);
    return {
      ...track,
      frames: track.frames.map((f) => {
        if (f.pose === null) return f;
        const k = { ...f.pose.keypoints };
        for (const name of ['right_hip', 'right_knee'] as const) {
          const p = k[name];
          if (p !== undefined && p.score >= 0.5) k[name] = { ...p, score };
        }
        return { ...f, pose: { ...f.pose, keypoints: k } };
      }),
    };
  };

  it('gives a depth read from the far thigh that thigh’s scores, not the near one’s too', () => {
    const depth = lastRepDepth(farLegScored(0.55));
    expect(depth).toMatchObject({ status: 'pass', value: 6 });
    // 9° from the limit is over an error away: the confidence is the far leg's score alone (the
    // mean with the near leg's, ~0.99, was 0.77).
    expect(depth?.confidence).toBeCloseTo(0.55, 2);
  });
});
