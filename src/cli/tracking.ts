import type { ModelId } from '../pose/model-catalog.ts';
import { VideoTracker, type TrackedVideo } from '../node/video-tracker.ts';

/** Runs `work` with a video tracker for `model` (none when only pose tracks are given). */
export async function withTracker<T>(
  model: ModelId | undefined,
  work: (tracker: VideoTracker | undefined) => Promise<T>,
): Promise<T> {
  if (model === undefined) return work(undefined);
  const tracker = await VideoTracker.start(model);
  try {
    return await work(tracker);
  } finally {
    await tracker.close();
  }
}

/** "clip.mp4: 321 frames in 10.2 s, 31.5 frames/s, 1.05× real time" (stderr, after the results). */
export function speedLine(path: string, video: TrackedVideo): string {
  const frames = video.track.frames.length;
  const fps = frames / video.elapsedSec;
  const realTime = video.decodedSec / video.elapsedSec;
  return `${path}: ${frames} frames in ${video.elapsedSec.toFixed(1)} s, ${fps.toFixed(1)} frames/s, ${realTime.toFixed(2)}× real time\n`;
}
