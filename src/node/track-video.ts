import { basename } from 'node:path';
import type { ModelId } from '../pose/model-catalog.ts';
import type { PoseTrack, TrackFrame } from '../pose/pose-track.ts';
import { createNodePoseService } from './node-pose-service.ts';
import { analysisFps, decodeSize, decodeVideo, probeVideo } from './video-decoder.ts';

export interface TrackProgress {
  readonly frame: number;
  readonly totalFrames: number | undefined;
}

/** Runs the pose detector over every frame of a video file and returns its pose track. */
export async function trackVideo(
  path: string,
  model: ModelId,
  onProgress: (p: TrackProgress) => void = () => undefined,
): Promise<PoseTrack> {
  const info = await probeVideo(path);
  const service = createNodePoseService();
  const loaded = await service.init({ model, backend: 'wasm' });
  const totalFrames =
    info.durationSec === undefined ? undefined : Math.round(info.durationSec * analysisFps(info));
  const frames: TrackFrame[] = [];
  try {
    for await (const frame of decodeVideo(path, info)) {
      const result = await service.estimate(frame, frame.timestampMs);
      frames.push({ timestampMs: frame.timestampMs, pose: result.pose });
      onProgress({ frame: frame.index + 1, totalFrames });
    }
  } finally {
    service.dispose();
  }
  const size = decodeSize(info, 640);
  return {
    source: basename(path),
    model,
    backend: loaded.backend.name,
    frameSize: { widthPx: size.width, heightPx: size.height },
    frames,
  };
}
