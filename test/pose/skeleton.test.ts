import { describe, expect, it } from 'vitest';
import { poseFromDetector } from '../../src/pose/from-detector.ts';
import { parsePoseTrack, serializePoseTrack } from '../../src/pose/pose-track.ts';
import { keypoint } from '../../src/pose/skeleton.ts';

const SIZE = { widthPx: 640, heightPx: 480 };
/** Rounding to 1e-4 on disk. */
const STORE_TOLERANCE = 1e-4;

describe('the common skeleton', () => {
  it('turns a detector pose into named, normalized keypoints (BlazePose foot_index is the toe)', () => {
    const pose = poseFromDetector(
      [
        { name: 'left_hip', x: 320, y: 240, score: 0.9 },
        { name: 'left_foot_index', x: 64, y: 432, score: 0.8 },
        { name: 'left_pinky', x: 1, y: 1, score: 1 },
      ],
      0.95,
      SIZE,
      1234,
    );
    expect(pose.keypoints.left_hip).toEqual({ x: 0.5, y: 0.5, score: 0.9 });
    expect(pose.keypoints.left_toe).toEqual({ x: 0.1, y: 0.9, score: 0.8 });
    expect(Object.keys(pose.keypoints)).toHaveLength(2);
    expect(pose).toMatchObject({ timestampMs: 1234, frameSize: SIZE, score: 0.95 });
  });

  it('hides keypoints below the confidence threshold or not finite', () => {
    const pose = poseFromDetector(
      [
        { name: 'nose', x: 1, y: 1, score: 0.2 },
        { name: 'left_knee', x: NaN, y: 1, score: 1 },
      ],
      1,
      SIZE,
      0,
    );
    expect(keypoint(pose, 'nose')).toBeUndefined();
    expect(keypoint(pose, 'left_knee')).toBeUndefined();
    expect(keypoint(pose, 'nose', 0.1)).toBeDefined();
  });
});

describe('pose tracks', () => {
  it('round-trip through JSON, including frames with nobody', () => {
    const pose = poseFromDetector(
      [{ name: 'left_ankle', x: 100.123456, y: 200, score: 0.87654 }],
      0.9,
      SIZE,
      33.3333,
    );
    const text = serializePoseTrack({
      source: 'clip.mp4',
      model: 'blazepose-full',
      backend: 'wasm',
      frameSize: SIZE,
      frames: [
        { timestampMs: 0, pose: null },
        { timestampMs: 33.3333, pose },
      ],
    });
    const back = parsePoseTrack(text);
    expect(back.frames[0]?.pose).toBeNull();
    const k = back.frames[1]?.pose?.keypoints.left_ankle;
    expect(Math.abs((k?.x ?? 0) - 100.123456 / 640)).toBeLessThan(STORE_TOLERANCE);
    expect(back.model).toBe('blazepose-full');
  });

  it('rejects files that are not pose tracks, naming them', () => {
    expect(() => parsePoseTrack('{"hello": 1}', 'x.json')).toThrow(
      /x.json is not a formcheck pose track/,
    );
    expect(() => parsePoseTrack('not json', 'y.json')).toThrow(/y.json is not JSON/);
  });
});
