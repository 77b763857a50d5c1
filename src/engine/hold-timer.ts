/**
 * Times a held pose: seconds count only while the pose is inside its envelope. Entering needs
 * `enterMs` inside (so passing through the pose is not a hold); a break shorter than `graceMs`
 * (a wobble, a dropped keypoint) is bridged; a longer one ends the hold and is reported.
 */
export interface HoldParams {
  readonly enterMs: number;
  readonly graceMs: number;
}

export const DEFAULT_HOLD: HoldParams = { enterMs: 500, graceMs: 700 };

export interface HoldSpan {
  readonly startMs: number;
  readonly endMs: number;
}

export type HoldEvent =
  | { readonly type: 'hold-start'; readonly atMs: number }
  | { readonly type: 'hold-end'; readonly span: HoldSpan; readonly reason: string };

export class HoldTimer {
  private candidateSinceMs: number | undefined;
  private holdStartMs: number | undefined;
  private lastInsideMs: number | undefined;
  private lastMs: number | undefined;
  private brokenReason = 'left the pose';
  private readonly spans: HoldSpan[] = [];

  constructor(private readonly params: HoldParams = DEFAULT_HOLD) {}

  push(timestampMs: number, inside: boolean, reason = 'left the pose'): HoldEvent[] {
    if (this.lastMs !== undefined && !(timestampMs > this.lastMs)) return [];
    this.lastMs = timestampMs;
    const events: HoldEvent[] = [];
    if (inside) {
      this.lastInsideMs = timestampMs;
      this.candidateSinceMs ??= timestampMs;
      if (
        this.holdStartMs === undefined &&
        timestampMs - this.candidateSinceMs >= this.params.enterMs
      ) {
        this.holdStartMs = this.candidateSinceMs;
        events.push({ type: 'hold-start', atMs: this.holdStartMs });
      }
      return events;
    }
    this.brokenReason = reason;
    if (this.lastInsideMs === undefined || timestampMs - this.lastInsideMs > this.params.graceMs) {
      this.candidateSinceMs = undefined;
      const end = this.endHold();
      if (end !== undefined) events.push(end);
    }
    return events;
  }

  private endHold(): HoldEvent | undefined {
    if (this.holdStartMs === undefined || this.lastInsideMs === undefined) return undefined;
    const span = { startMs: this.holdStartMs, endMs: this.lastInsideMs };
    this.spans.push(span);
    this.holdStartMs = undefined;
    return { type: 'hold-end', span, reason: this.brokenReason };
  }

  /** Ends a hold in progress (end of the video or set). */
  finish(): HoldEvent[] {
    const end = this.endHold();
    return end === undefined ? [] : [end];
  }

  /** Seconds of the current hold, 0 when not holding. */
  currentSec(): number {
    if (this.holdStartMs === undefined || this.lastInsideMs === undefined) return 0;
    return (this.lastInsideMs - this.holdStartMs) / 1000;
  }

  get holding(): boolean {
    return this.holdStartMs !== undefined;
  }

  completed(): readonly HoldSpan[] {
    return this.spans;
  }

  totalSec(): number {
    return this.spans.reduce((s, h) => s + (h.endMs - h.startMs) / 1000, 0) + this.currentSec();
  }
}
