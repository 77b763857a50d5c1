import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLAZEPOSE_LANDMARKS } from '../../src/pose/blazepose-landmarks.ts';
import { poseFromDetector } from '../../src/pose/from-detector.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { KEYPOINT_NAMES, type KeypointName, type Pose } from '../../src/pose/skeleton.ts';

/** The tfjs-models golden BlazePose landmarks of the banded squat: per frame 33 × [x, y, z] px. */
export const GOLDEN_CLIP = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'squat_front_band_woman_3reps.mp4',
);
export const GOLDEN_VIDEO = { widthPx: 720, heightPx: 1280, fps: 5 } as const;
export const GOLDEN: readonly (readonly (readonly number[])[])[] = JSON.parse(
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

/** The body keypoints compared (shoulders to ankles). */
export const BODY: readonly KeypointName[] = KEYPOINT_NAMES.slice(
  KEYPOINT_NAMES.indexOf('left_shoulder'),
  KEYPOINT_NAMES.indexOf('right_ankle') + 1,
);

function goldenPx(frame: number, name: KeypointName): readonly number[] | undefined {
  return GOLDEN[frame]?.[BLAZEPOSE_LANDMARKS.indexOf(name as (typeof BLAZEPOSE_LANDMARKS)[number])];
}

/** Mean distance (px of the 720×1280 video) between our body keypoints and the golden ones. */
export function meanErrorPx(poses: readonly (Pose | null)[]): number {
  let sum = 0;
  let n = 0;
  poses.slice(0, GOLDEN.length).forEach((pose, i) => {
    for (const name of BODY) {
      const k = pose?.keypoints[name];
      const g = goldenPx(i, name);
      if (k === undefined || g === undefined) continue;
      sum += Math.hypot(
        k.x * GOLDEN_VIDEO.widthPx - (g[0] ?? NaN),
        k.y * GOLDEN_VIDEO.heightPx - (g[1] ?? NaN),
      );
      n += 1;
    }
  });
  return sum / n;
}

/** The golden landmarks as a pose track (for the engine). */
export function goldenTrack(): PoseTrack {
  const size = { widthPx: GOLDEN_VIDEO.widthPx, heightPx: GOLDEN_VIDEO.heightPx };
  return {
    source: 'squat_front_band_woman_3reps.mp4 (golden landmarks)',
    model: 'blazepose-full',
    backend: 'golden',
    frameSize: size,
    frames: GOLDEN.map((f, i) => {
      const t = (i * 1000) / GOLDEN_VIDEO.fps;
      return {
        timestampMs: t,
        pose: poseFromDetector(
          f.map((p, j) => ({
            name: BLAZEPOSE_LANDMARKS[j],
            x: p[0] ?? NaN,
            y: p[1] ?? NaN,
            score: 1,
          })),
          1,
          size,
          t,
        ),
      };
    }),
  };
}
