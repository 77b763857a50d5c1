import { DEFAULT_MODEL, type ModelId } from '../pose/model-catalog.ts';
import type { PoseTrack, TrackFrame } from '../pose/pose-track.ts';
import type { Pose } from '../pose/skeleton.ts';

/**
 * The poses of a recorded video as the page analyses it, kept until its report is made, so that
 * the report can be checked against the other exercises as `formcheck analyze` checks it
 * (`engine/movement-match.ts`: nothing counted where another exercise counts reps). Only a
 * recorded video keeps its poses; a set on the camera keeps none. Nothing leaves the page.
 */
export class RecordedPoses {
  private readonly frames: TrackFrame[] = [];

  constructor(private readonly model: ModelId = DEFAULT_MODEL) {}

  push(pose: Pose | null, timestampMs: number): void {
    this.frames.push({ timestampMs, pose });
  }

  /** The poses so far as a pose track (what the command line analyses). */
  track(source: string): PoseTrack {
    const sized = this.frames.find((f) => f.pose !== null)?.pose;
    return {
      source,
      model: this.model,
      backend: '',
      frameSize: sized?.frameSize ?? { widthPx: 0, heightPx: 0 },
      frames: this.frames,
    };
  }
}
