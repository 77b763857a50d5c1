import type { KeypointName } from '../pose/skeleton.ts';

/**
 * Nothing counts until the person is in position: the joints the exercise needs are seen and the
 * counted signal has been still for `stillMs`, or is plainly in the start pose (the exercise's
 * `startPose` band: standing tall, for a squat). Walking into place, bending to
 * pick up a weight, or leaving the frame closes the gate again. Design note: setup-gate.md.
 */
export interface SetupGateParams {
  readonly stillMs: number;
  /** Largest spread of the signal over `stillMs` that still counts as still (signal units). */
  readonly stillSpread: number;
  /** Out of sight for longer than this closes the gate. */
  readonly lostAfterMs: number;
  /** Setting up, out of sight for at most this is the detector blinking: the wait goes on. */
  readonly blinkMs: number;
}

export const DEFAULT_GATE: SetupGateParams = {
  stillMs: 400,
  stillSpread: 0.1,
  lostAfterMs: 1000,
  blinkMs: 300,
};

export type GateIssue =
  | { readonly kind: 'no-person' }
  | { readonly kind: 'missing'; readonly keypoints: readonly KeypointName[] }
  | { readonly kind: 'not-still' };

export interface GateStatus {
  readonly ready: boolean;
  /** What holds the set-up up; none while the detector blinks (the last cue stands). */
  readonly issue?: GateIssue;
  /** The still start level the counter calibrates to, when the gate just opened. */
  readonly openedAt?: { readonly timestampMs: number; readonly restLevel: number };
}

export class SetupGate {
  private open = false;
  private lastSeenMs: number | undefined;
  /** Since when the joints have been seen without a gap longer than a blink. */
  private seenSinceMs: number | undefined;
  private window: { timestampMs: number; value: number }[] = [];

  constructor(private readonly params: SetupGateParams = DEFAULT_GATE) {}

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * `missing` lists required joints not seen this frame (all of them when nobody is there);
   * `value` is the counted signal (undefined for exercises that only need visibility).
   */
  push(
    timestampMs: number,
    missing: readonly KeypointName[] | 'no-person',
    value: number | undefined,
    inStartPose = false,
  ): GateStatus {
    if (missing === 'no-person' || missing.length > 0) {
      // A detector loses a person now and then for a frame or a few: that is not leaving. Open, the
      // gate stays open; setting up, the stillness seen so far is kept and the cue stays the same.
      const unseenMs = this.lastSeenMs === undefined ? Infinity : timestampMs - this.lastSeenMs;
      if (this.open && unseenMs <= this.params.lostAfterMs) return { ready: true };
      if (!this.open && unseenMs <= this.params.blinkMs) return { ready: false };
      this.window = [];
      this.open = false;
      this.seenSinceMs = undefined;
      return {
        ready: false,
        issue:
          missing === 'no-person' ? { kind: 'no-person' } : { kind: 'missing', keypoints: missing },
      };
    }
    this.lastSeenMs = timestampMs;
    this.seenSinceMs ??= timestampMs;
    if (this.open) return { ready: true };
    if (value === undefined || inStartPose) {
      // Visibly in the start pose (standing tall for a squat): no need to wait for stillness.
      this.open = true;
      return { ready: true, openedAt: { timestampMs, restLevel: value ?? 0 } };
    }
    this.window.push({ timestampMs, value });
    // Keep the newest sample at least stillMs old too, so the window spans stillMs at any frame
    // rate (at 15 frames/s the samples inside 400 ms span only 333 ms).
    while (
      this.window.length > 1 &&
      timestampMs - (this.window[1]?.timestampMs ?? timestampMs) >= this.params.stillMs
    )
      this.window.shift();
    const first = this.window[0];
    const values = this.window.map((s) => s.value);
    const spread = Math.max(...values) - Math.min(...values);
    if (
      first !== undefined &&
      timestampMs - first.timestampMs >= this.params.stillMs &&
      spread <= this.params.stillSpread
    ) {
      this.open = true;
      const sorted = [...values].sort((a, b) => a - b);
      return {
        ready: true,
        openedAt: { timestampMs, restLevel: sorted[Math.floor(sorted.length / 2)] ?? value },
      };
    }
    // Joints glimpsed for no longer than a blink (legs out of the picture that the model guesses
    // for a frame or two) do not turn "step back" into "stand still": the last cue stands.
    if (timestampMs - this.seenSinceMs < this.params.blinkMs) return { ready: false };
    // Still so far, for less than stillMs: the stillness is being timed, and there is nothing to
    // say. "Stand still" is for a signal that moved: at every calf-raise set's "Go!" (a fresh
    // analyzer) a person standing still was told "Stand still in the start position." between the
    // blink's 300 ms and the 400 ms of stillness asked for.
    if (spread <= this.params.stillSpread) return { ready: false };
    return { ready: false, issue: { kind: 'not-still' } };
  }

  /**
   * What the signal measures changed under it (front-end.ts: a foot found held up is left out of
   * the heel signal), and its level moved by `shift` with no movement: the stillness seen so far
   * is kept, read at the new level. An open gate has nothing to wait for.
   */
  rebase(shift: number): void {
    this.window = this.window.map((s) => ({ ...s, value: s.value + shift }));
  }

  close(): void {
    this.open = false;
    this.window = [];
    this.lastSeenMs = undefined;
    this.seenSinceMs = undefined;
  }
}
