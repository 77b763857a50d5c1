import {
  KEYPOINT_NAMES,
  type FrameSize,
  type Keypoint,
  type KeypointName,
  type Pose,
} from './skeleton.ts';

/**
 * A pose track: what the detector saw in every analysed frame of a video or a camera session.
 * Written by `formcheck poses`, read by `formcheck analyze`, the tests and the eval. The browser's
 * worker produces the same poses, so a track could have come from either.
 */
export interface PoseTrack {
  readonly source: string;
  readonly model: string;
  readonly backend: string;
  readonly frameSize: FrameSize;
  readonly frames: readonly TrackFrame[];
}

export interface TrackFrame {
  readonly timestampMs: number;
  readonly pose: Pose | null;
}

/** On disk: keypoints as [x, y, score] rounded to 1e-4 (≈0.06 px at 640 px), nulls for no person. */
interface StoredTrack {
  readonly format: 'formcheck-pose-track';
  readonly version: 1;
  readonly source: string;
  readonly model: string;
  readonly backend: string;
  readonly frameSize: FrameSize;
  readonly frames: readonly StoredFrame[];
}

interface StoredFrame {
  readonly t: number;
  readonly s?: number;
  readonly k?: Readonly<Partial<Record<KeypointName, readonly [number, number, number]>>>;
}

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

export function serializePoseTrack(track: PoseTrack): string {
  const stored: StoredTrack = {
    format: 'formcheck-pose-track',
    version: 1,
    source: track.source,
    model: track.model,
    backend: track.backend,
    frameSize: track.frameSize,
    frames: track.frames.map((f): StoredFrame => {
      if (f.pose === null) return { t: round4(f.timestampMs) };
      const k: Partial<Record<KeypointName, readonly [number, number, number]>> = {};
      for (const name of KEYPOINT_NAMES) {
        const p = f.pose.keypoints[name];
        if (p !== undefined) k[name] = [round4(p.x), round4(p.y), round4(p.score)];
      }
      return { t: round4(f.timestampMs), s: round4(f.pose.score), k };
    }),
  };
  return JSON.stringify(stored);
}

export function parsePoseTrack(text: string, origin = 'pose track'): PoseTrack {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${origin} is not JSON.`);
  }
  const stored = raw as Partial<StoredTrack>;
  if (
    stored.format !== 'formcheck-pose-track' ||
    stored.version !== 1 ||
    !Array.isArray(stored.frames)
  ) {
    throw new Error(`${origin} is not a formcheck pose track (version 1).`);
  }
  const frameSize = stored.frameSize ?? { widthPx: 1, heightPx: 1 };
  const frames = stored.frames.map((f): TrackFrame => {
    if (f.k === undefined) return { timestampMs: f.t, pose: null };
    const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
    for (const name of KEYPOINT_NAMES) {
      const v = f.k[name];
      if (v !== undefined) keypoints[name] = { x: v[0], y: v[1], score: v[2] };
    }
    return { timestampMs: f.t, pose: { timestampMs: f.t, frameSize, score: f.s ?? 0, keypoints } };
  });
  return {
    source: stored.source ?? '',
    model: stored.model ?? '',
    backend: stored.backend ?? '',
    frameSize,
    frames,
  };
}
