import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { poseFromDetector } from '../../src/pose/from-detector.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';

const ORDER = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
];

/** The tfjs-models golden BlazePose landmarks of the banded squat (720×1280, 5 frames/s) as a pose track. */
export function goldenTrack(): PoseTrack {
  const frames = JSON.parse(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        'fixtures',
        'squat_front_band_woman_3reps.golden-blazepose.json',
      ),
      'utf8',
    ),
  ) as number[][][];
  const size = { widthPx: 720, heightPx: 1280 };
  return {
    source: 'squat_front_band_woman_3reps.mp4 (golden landmarks)',
    model: 'blazepose-full',
    backend: 'golden',
    frameSize: size,
    frames: frames.map((f, i) => {
      const t = i * 200;
      return {
        timestampMs: t,
        pose: poseFromDetector(
          f.map((p, j) => ({ name: ORDER[j], x: p[0] ?? NaN, y: p[1] ?? NaN, score: 1 })),
          1,
          size,
          t,
        ),
      };
    }),
  };
}
