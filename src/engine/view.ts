import type { FrameFeatures } from './features.ts';

export type DetectedView = 'front' | 'side' | 'unknown';

/**
 * Shoulder width over torso length: about 0.6-0.9 facing the camera (or facing away), under 0.35
 * side on (measured on the labelled front and side clips); between is a 3/4 view.
 */
export function viewOfFrame(f: FrameFeatures): DetectedView | 'three-quarter' {
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
