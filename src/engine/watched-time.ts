/**
 * How long a set has watched the person: the time between each analysed frame and the one before,
 * except across a gap longer than `maxGapMs` (frames dropped, a pause, the person out of view),
 * which nobody watched. What a set with nothing counted says of itself is measured against it
 * ("for 26 of the 31 s watched").
 */
export class WatchedTime {
  private lastMs: number | undefined;
  private totalMs = 0;

  constructor(private readonly maxGapMs = 500) {}

  /** A frame analysed at `atMs`: returns the time it adds (0 after a gap, or for the first). */
  push(atMs: number): number {
    const last = this.lastMs;
    this.lastMs = atMs;
    if (last === undefined || atMs - last > this.maxGapMs || atMs <= last) return 0;
    this.totalMs += atMs - last;
    return atMs - last;
  }

  /** The person left the view or the set paused: the next frame adds nothing. */
  interrupt(): void {
    this.lastMs = undefined;
  }

  get ms(): number {
    return this.totalMs;
  }
}
