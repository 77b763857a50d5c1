/**
 * Running median over the samples of the last `windowMs`: removes one- and two-frame spikes (a
 * keypoint that jumps to the wrong leg for a frame) that a low-pass filter would smear into a fake
 * movement. Time-based, so a 5 frames/s video is not delayed by a second (150 ms = 5 frames at 30).
 */
export class MedianFilter {
  private window: { readonly t: number; readonly v: number }[] = [];

  constructor(private readonly windowMs = 150) {}

  push(value: number, timestampMs: number): number {
    this.window = this.window.filter((s) => timestampMs - s.t < this.windowMs && s.t < timestampMs);
    this.window.push({ t: timestampMs, v: value });
    const sorted = this.window.map((s) => s.v).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? value;
  }

  reset(): void {
    this.window = [];
  }
}
