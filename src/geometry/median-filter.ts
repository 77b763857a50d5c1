/**
 * Running median over the samples of the last `windowMs`: removes one- and two-frame spikes (a
 * keypoint that jumps to the wrong leg for a frame) that a low-pass filter would smear into a fake
 * movement. Time-based, so a 5 frames/s video is not delayed by a second (150 ms = 5 frames at 30).
 *
 * A median tells a spike from movement only with three frames in the window. A source whose frames
 * come at least half the window apart (under about 13 frames/s: a slow laptop analyses 8-12) never
 * holds three, and the window's two frames are averaged. Their median as it was, the upper one,
 * hid the only frame that saw a quick movement's end: replayed, a live session at about 8
 * frames/s of split squats with 0.15 s standing between reps counted 58 of 63 that way, 62 with
 * the mean. Passing each frame through unfiltered counted 63, but at 10 frames/s it also counted
 * what the filter had smoothed away: a step off a stair, the cut-off last rep of a set, a
 * hesitation that split a RepCount squat in two. The source's spacing is the median of its last
 * frame intervals, so a gap in a fast source (the person lost for a moment) does not make it a
 * slow one.
 */
export class MedianFilter {
  private window: { readonly t: number; readonly v: number }[] = [];
  private readonly intervals: number[] = [];
  private lastMs: number | undefined;

  constructor(private readonly windowMs = 150) {}

  push(value: number, timestampMs: number): number {
    if (this.lastMs !== undefined && timestampMs > this.lastMs) {
      this.intervals.push(timestampMs - this.lastMs);
      if (this.intervals.length > SPACING_INTERVALS) this.intervals.shift();
    }
    this.lastMs = timestampMs;
    this.window = this.window.filter((s) => timestampMs - s.t < this.windowMs && s.t < timestampMs);
    this.window.push({ t: timestampMs, v: value });
    const sorted = this.window.map((s) => s.v).sort((a, b) => a - b);
    const [low, high] = sorted;
    if (sorted.length === 2 && low !== undefined && high !== undefined && this.sparse())
      return (low + high) / 2;
    return sorted[Math.floor(sorted.length / 2)] ?? value;
  }

  /** Starts the window afresh (after a gap); the source's frame spacing is kept. */
  reset(): void {
    this.window = [];
  }

  /** The source's frames come too far apart for three to fit in the window. */
  private sparse(): boolean {
    const sorted = [...this.intervals].sort((a, b) => a - b);
    const spacingMs = sorted[Math.floor(sorted.length / 2)];
    return spacingMs !== undefined && 2 * spacingMs >= this.windowMs;
  }
}

/** Frame intervals the source's spacing is judged on: about a second at 8 frames/s. */
const SPACING_INTERVALS = 9;
