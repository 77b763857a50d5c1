import type { FrameFeatures } from './features.ts';

export type DetectedView = 'front' | 'side' | 'unknown';
export type FrameView = DetectedView | 'three-quarter';

/**
 * Shoulder width over torso length: about 0.6-0.9 facing the camera (or facing away), under 0.35
 * side on (measured on the labelled front and side clips); between is a 3/4 view.
 */
export function viewOfFrame(f: FrameFeatures): FrameView {
  const r = f.shoulderWidthOverTorso;
  if (r === undefined) return 'unknown';
  if (r >= 0.5) return 'front';
  if (r <= 0.35) return 'side';
  return 'three-quarter';
}

/** The view seen most often over a set; 3/4 frames count for neither. */
export class ViewTally {
  private readonly counts = { front: 0, side: 0, 'three-quarter': 0, unknown: 0 };

  push(f: FrameFeatures): void {
    this.counts[viewOfFrame(f)] += 1;
  }

  current(): DetectedView {
    const { front, side } = this.counts;
    const three = this.counts['three-quarter'];
    if (front + side + three === 0) return 'unknown';
    if (front >= side && front >= three) return 'front';
    if (side >= front && side >= three) return 'side';
    return 'unknown';
  }
}

/** The view of most of these frames (a rep, a stretch of a set), 3/4 included. */
export function viewOfFrames(frames: readonly FrameFeatures[]): FrameView {
  const counts = new Map<FrameView, number>();
  for (const f of frames) {
    const v = viewOfFrame(f);
    if (v !== 'unknown') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: FrameView = 'unknown';
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}
