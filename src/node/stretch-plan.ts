/** One worker's share of a video: poses are kept from `fromSec`; decoding starts `warmupSec` earlier. */
export interface Stretch {
  readonly fromSec: number;
  /** Undefined for the last stretch: to the end of the video. */
  readonly toSec: number | undefined;
  readonly warmupSec: number;
}

/**
 * Splits a video of `durationSec` between `parts` workers so that each decodes and analyses the
 * same number of frames, warm-up included: every stretch after the first re-analyses `warmupSec`
 * before its start (so the detector's tracking and smoothing have settled), so the first stretch
 * is longer by that much. Boundaries lie on the frame grid of `fps`, so frame i is at i / fps
 * whoever decodes it. Falls back to fewer parts when the video is too short to share.
 */
export function planStretches(
  durationSec: number,
  fps: number,
  parts: number,
  warmupSec: number,
): Stretch[] {
  let n = Math.max(1, Math.floor(parts));
  // Each stretch after the first must keep at least as much as it re-analyses.
  while (n > 1 && (durationSec + (n - 1) * warmupSec) / n - warmupSec < warmupSec) n -= 1;
  const share = (durationSec + (n - 1) * warmupSec) / n;
  const onGrid = (sec: number) => Math.round(sec * fps) / fps;
  return Array.from({ length: n }, (_, k) => ({
    fromSec: k === 0 ? 0 : onGrid(share + (k - 1) * (share - warmupSec)),
    toSec: k === n - 1 ? undefined : onGrid(share + k * (share - warmupSec)),
    warmupSec: k === 0 ? 0 : warmupSec,
  }));
}
