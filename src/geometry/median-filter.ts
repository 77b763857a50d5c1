/**
 * Running median over the last `size` samples: removes one- and two-frame spikes (a keypoint that
 * jumps to the wrong leg for a frame) that a low-pass filter would smear into a fake movement.
 */
export class MedianFilter {
  private readonly window: number[] = [];

  constructor(private readonly size = 5) {}

  push(value: number): number {
    this.window.push(value);
    if (this.window.length > this.size) this.window.shift();
    const sorted = [...this.window].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? value;
  }

  reset(): void {
    this.window.length = 0;
  }
}
