import { symmetricMedian } from '../geometry/stats.ts';
import type { Side } from '../pose/skeleton.ts';

/** The offset between the sides is the median of what was seen over this long (ms)... */
const OFFSET_WINDOW_MS = 1000;
/** ... from at least this many frames; until then the last such median holds. */
const MIN_OFFSET_SAMPLES = 3;

/**
 * Combines a left and a right measurement into one signal that does not jump when one side drops
 * out of view (a far leg hidden side on, a foot leaving the frame). With both sides seen it is
 * their mean; with one side it is that side shifted by half the usual offset between them, i.e.
 * what the mean would have been. The offset is the median over the last second of frames with
 * both sides, from three frames at least, so one frame with a swapped or misplaced knee cannot set
 * it (at 10 frames/s that frame may be the last one before a side disappears); with an even count
 * the mean of the middle two, so that the person seen mirrored gets the mirrored offset (with the
 * upper middle one, a lower-legs-only tibialis clip and its mirror image read 0.03 shank apart).
 */
export class SideFuser {
  /** Right minus left, with when it was seen. */
  private offsets: { t: number; v: number }[] = [];
  private trusted = 0;

  push(
    values: Readonly<Record<Side, number | undefined>>,
    timestampMs: number,
  ): number | undefined {
    const l = finite(values.left);
    const r = finite(values.right);
    if (l !== undefined && r !== undefined) {
      this.offsets.push({ t: timestampMs, v: r - l });
      const newest = timestampMs;
      this.offsets = this.offsets.filter((o) => newest - o.t <= OFFSET_WINDOW_MS);
      if (this.offsets.length >= MIN_OFFSET_SAMPLES)
        this.trusted = symmetricMedian(this.offsets.map((o) => o.v)) ?? this.trusted;
      return (l + r) / 2;
    }
    const offset = this.trusted;
    if (l !== undefined) return l + offset / 2;
    if (r !== undefined) return r - offset / 2;
    return undefined;
  }
}

function finite(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}
