/**
 * Whether two counters counted one movement (a squat's hip drop against the frame's own shank and
 * against the resting one; a calf raise's heels and the body's rise): their spans share enough of
 * the shorter (kinds/rep-analyzer.ts, which keeps one rep of the two).
 */

/** A span of time a rep or movement took (ms). */
export interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * A movement takes at least half of the shorter of two spans it is seen in, so spans that share
 * less are two movements. One counter can be slow to read the return and close a rep only as the
 * next one starts (front split squats at 8 frames/s, on the hips against each frame's own shank:
 * back only part-way between reps); the other counter's next rep shared the first fifth of its
 * span with that one and was dropped as the same movement.
 */
export const SAME_MOVEMENT_SHARE = 0.5;

/** Whether a counted rep is a movement already counted: their spans share enough of the shorter. */
export function sameMovement(movement: Span, rep: Span): boolean {
  const sharedMs = Math.min(movement.endMs, rep.endMs) - Math.max(movement.startMs, rep.startMs);
  const shorterMs = Math.min(movement.endMs - movement.startMs, rep.endMs - rep.startMs);
  return sharedMs > 0 && sharedMs >= SAME_MOVEMENT_SHARE * shorterMs;
}
