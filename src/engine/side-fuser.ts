import { symmetricMedian } from '../geometry/stats.ts';
import type { Side } from '../pose/skeleton.ts';

/**
 * The offset between the sides is the median of what was seen over this long (ms) of both sides in
 * view...
 */
const OFFSET_WINDOW_MS = 1000;
/** ... from at least this many frames; until then the last such median holds. */
const MIN_OFFSET_SAMPLES = 3;
/**
 * A longer wait between two frames with both sides seen is time with a side out of view, not time
 * watched: no longer than a slow camera's frame interval (5 frames/s) counts towards the window.
 */
const MAX_WATCHED_STEP_MS = 200;

/**
 * Combines a left and a right measurement into one signal that does not jump when one side drops
 * out of view (a far leg hidden side on, a foot leaving the frame). With both sides seen it is
 * their mean; with one side it is that side shifted by half the usual offset between them, i.e.
 * what the mean would have been. The offset is the median over the last second of frames with
 * both sides, from three frames at least, so one frame with a swapped or misplaced knee cannot set
 * it (at 10 frames/s that frame may be the last one before a side disappears); with an even count
 * the mean of the middle two, so that the person seen mirrored gets the mirrored offset (with the
 * upper middle one, a lower-legs-only tibialis clip and its mirror image read 0.03 shank apart).
 *
 * The second is of both sides watched, not of the clock: a leg back in view after a while hidden
 * (side on, the far knee) is often misplaced for its first frames, and had it been the last second
 * of the clock, those few frames alone would set the offset, and the other leg alone, shifted by
 * half of it, would make a squat of a person standing still. The offset comes from the last second
 * the two sides were seen together, the frames before the leg was hidden included, so a misreading
 * must last half of that to move it. (Seen mirrored at 15 frames/s, the plate-hidden quarter squat
 * counts 2 of its 4 reps with it, 1 without; with BlazePose full no other labelled clip's count or
 * verdict moved.)
 */
export class SideFuser {
  /**
   * `maxDisagreement`: for a movement both legs make alike (a squat), how far the two sides may
   * read apart beyond their usual offset before one of them is taken as misread: then the side
   * nearer where the signal was on the frame before is followed, alone. Side on, a far knee read
   * flying up above the hips for a frame (the mirrored side-on bodyweight squats at 10 frames/s,
   * and on four of six draws analysed as a slow laptop does live, 80-130 ms a frame) made a fourth
   * squat of the man standing between his first two: the mean of the legs dipped by half the
   * flight, and at those rates the spike filter's 150 ms holds one or two frames, whose mean
   * halves a spike rather than removes it. Such legs start from no offset, and learn it only from
   * frames reading them within the limit of each other: on every labelled squat clip the usual
   * offset stays under 0.25 shank but where it was learnt from misread frames (the side-on
   * bodyweight squats as filmed, whose far knee is seen beside the near one mostly when misread:
   * its first three such frames read 0.11, 0.98 and 1.23 apart, and its offset 0.55; the
   * plate-hidden quarter squat, 0.8). Learnt from three frames first, a set begun afresh ("Go!")
   * took a far knee's first misread frames for an offset still unknown, and the looped side-on
   * squats, analysed from each second as a slow laptop does, gained 9 ghost reps in 264 runs (28
   * before this limit, none with it). Within the limit of each other, not of the offset so far:
   * from that, frames 0.3 apart let in frames 0.75 apart, and those 0.9, and the offset crept to
   * the misread frames' (the plate-hidden quarter squat, played in a loop, read each play's reps
   * at other frames).
   */
  constructor(private readonly maxDisagreement?: number) {}

  /** Right minus left, with when it was seen on the watched clock (`watchedMs`). */
  private offsets: { t: number; v: number }[] = [];
  private trusted = 0;
  /** Time with both sides in view, summed (ms). */
  private watchedMs = 0;
  /** When both sides were last seen (ms, the frames' clock). */
  private lastBothMs: number | undefined;
  /** The signal given for the last frame with a side seen, and when (ms). */
  private last: { v: number; t: number } | undefined;

  /** The usual offset between the sides (right minus left), as learnt so far. */
  get offset(): number {
    return this.trusted;
  }

  push(
    values: Readonly<Record<Side, number | undefined>>,
    timestampMs: number,
  ): number | undefined {
    const fused = this.fuse(finite(values.left), finite(values.right), timestampMs);
    if (fused !== undefined) this.last = { v: fused, t: timestampMs };
    return fused;
  }

  private fuse(
    l: number | undefined,
    r: number | undefined,
    timestampMs: number,
  ): number | undefined {
    if (l !== undefined && r !== undefined) {
      const offset = this.trusted;
      const limit = this.maxDisagreement;
      // Legs that move alike start from no offset and learn it only from frames reading them
      // within the limit of each other; a frame further apart than that from the offset is a
      // misread one. Otherwise the offset is known once learnt (three frames): before, which side
      // reads right is not known.
      const apart = limit !== undefined && Math.abs(r - l - offset) > limit;
      const known = limit !== undefined || this.offsets.length >= MIN_OFFSET_SAMPLES;
      if (limit === undefined || Math.abs(r - l) <= limit) this.learnOffset(r - l, timestampMs);
      const before = this.last;
      const recent = before !== undefined && timestampMs - before.t <= MAX_WATCHED_STEP_MS;
      if (!apart || !known || !recent) return (l + r) / 2;
      // One side is misread: follow the one clearly nearer where the signal was on the frame before
      // (under half as far as the other); with neither, as after a frame that was itself the mean
      // of two sides apart, the mean again: which side is named left must not decide.
      const fromLeft = l + offset / 2;
      const fromRight = r - offset / 2;
      const toLeft = Math.abs(fromLeft - before.v);
      const toRight = Math.abs(fromRight - before.v);
      if (toLeft < toRight / 2) return fromLeft;
      if (toRight < toLeft / 2) return fromRight;
      return (l + r) / 2;
    }
    const offset = this.trusted;
    if (l !== undefined) return l + offset / 2;
    if (r !== undefined) return r - offset / 2;
    return undefined;
  }

  private learnOffset(offset: number, timestampMs: number): void {
    const step = this.lastBothMs === undefined ? 0 : timestampMs - this.lastBothMs;
    this.lastBothMs = timestampMs;
    this.watchedMs += Math.min(Math.max(step, 0), MAX_WATCHED_STEP_MS);
    this.offsets.push({ t: this.watchedMs, v: offset });
    const newest = this.watchedMs;
    this.offsets = this.offsets.filter((o) => newest - o.t <= OFFSET_WINDOW_MS);
    if (this.offsets.length >= MIN_OFFSET_SAMPLES)
      this.trusted = symmetricMedian(this.offsets.map((o) => o.v)) ?? this.trusted;
  }
}

function finite(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}
