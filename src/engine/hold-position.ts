import { median, msToSec, round2 } from '../geometry/stats.ts';
import { confidenceOf, LIMITS, type Strictness } from './checks/thresholds.ts';
import { cannotJudge, pass, type Verdict } from './checks/verdict.ts';
import type { HoldPosition } from './exercise-def.ts';
import type { FrameFeatures } from './features.ts';
import type { Fault } from './faults.ts';
import { viewOfFrame, type FrameView } from './view.ts';

/**
 * Hold quality: whether a held pose stays where it settled. The timer already stops when a bound
 * of the pose is broken; inside the bounds a tiring person creeps towards leaving it (the hips
 * rise out of a squat hold or a low stance, the hips sink out of a downward dog), and the wall-sit
 * test's own end point is exactly that: the knee angle no longer held. The hips' height is
 * compared, in shank lengths, between the first seconds of the hold and every later stretch of it.
 * Design note: checks/form-checks.md, "Holds: the position kept".
 */
export const HOLD_POSITION = {
  /** The position the hold settled in: the median over its first this-much (ms). */
  referenceMs: 2000,
  /** Where it is now: the median over the last this-much (ms). */
  currentMs: 2000,
  /**
   * Seen from another side when the body's turn from the camera (3-D) moved this far (deg) from the
   * reference's over the last second: more than the turn's own flicker on a still 3/4 body
   * (50-64°), less than the real wall sit's cut from 3/4 to the front (42° → 3°). Without 3-D, a
   * change of the view's band (front, 3/4, side).
   */
  viewChangeDeg: 20,
  viewMs: 1000,
} as const;

/** What is kept of the latest frames: enough for "now" and for the view now. */
const TAIL_MS = Math.max(HOLD_POSITION.currentMs, HOLD_POSITION.viewMs);

/** The shortest hold whose position is judged: a settled start and a later stretch. */
export const MIN_JUDGED_HOLD_MS = HOLD_POSITION.referenceMs + HOLD_POSITION.currentMs;

interface Sample {
  readonly t: number;
  readonly v: number;
  readonly turn: number | undefined;
  readonly view: FrameView;
}

/** One hold's result: how far it moved towards leaving the pose (shank lengths, worst stretch). */
export interface HoldDrift {
  readonly driftShanks: number;
  readonly atMs: number;
}

/**
 * Follows the position through each hold. The reference is taken again when the camera's view of
 * the person changes (a vertical distance in shank lengths reads differently from another side:
 * the real wall sit, filmed from 3/4 then from the front, reads its still hips 0.26 shank higher
 * after the cut).
 */
export class HoldPositionMonitor {
  private readonly limit: number;
  /** The first 2 s of the stretch in one view: where the hold settled. */
  private head: Sample[] = [];
  /** The last 2 s: where it is now, and the view now. Nothing in between is kept. */
  private tail: Sample[] = [];
  private worst: HoldDrift | undefined;
  private warned = false;
  private now: number | undefined;
  private holdStartMs: number | undefined;
  private readonly judged: HoldDrift[] = [];

  constructor(
    private readonly position: HoldPosition,
    strictness: Strictness,
  ) {
    this.limit = LIMITS.holdDriftShanks[strictness];
  }

  /**
   * A hold has started: the timer starts it when the pose was reached, before this frame (it
   * waits to see the pose held); the frames since then are its first.
   */
  start(atMs: number): void {
    this.holdStartMs = atMs;
    this.tail = this.tail.filter((s) => s.t >= atMs);
    this.head = [...this.tail];
    this.worst = undefined;
    this.warned = false;
    this.now = undefined;
  }

  /**
   * One frame inside the pose's bounds. Returns a fault the first time in a hold that the position
   * has moved past the limit (said aloud once; the report keeps the worst). Before a hold starts
   * the last seconds are kept, for the hold's first frames. Constant work a frame, however long
   * the hold: only its first and last 2 s are kept.
   */
  push(features: FrameFeatures, timestampMs: number): Fault | undefined {
    const v = features[this.position.feature];
    if (v === undefined || !Number.isFinite(v)) return undefined;
    const sample = {
      t: timestampMs,
      v,
      turn: features.turnFromCameraDeg,
      view: viewOfFrame(features),
    };
    this.tail.push(sample);
    while (timestampMs - (this.tail[0]?.t ?? timestampMs) > TAIL_MS) this.tail.shift();
    if (this.holdStartMs === undefined) return undefined;
    const stretchStart = this.head[0];
    if (stretchStart === undefined || timestampMs - stretchStart.t <= HOLD_POSITION.referenceMs)
      this.head.push(sample);
    // Another side of the person: the reference starts again from the last second.
    if (this.viewChanged(timestampMs))
      this.head = this.tail.filter((s) => timestampMs - s.t <= HOLD_POSITION.viewMs);
    const first = this.head[0];
    if (first === undefined || timestampMs - first.t < MIN_JUDGED_HOLD_MS) return undefined;
    const reference = median(this.head.map((s) => s.v));
    const now = median(
      this.tail.filter((s) => timestampMs - s.t <= HOLD_POSITION.currentMs).map((s) => s.v),
    );
    if (reference === undefined || now === undefined) return undefined;
    // Towards leaving the pose: up for a pose held low, down for one held high.
    const drift = this.position.keep === 'low' ? now - reference : reference - now;
    this.now = drift;
    if (this.worst === undefined || drift > this.worst.driftShanks)
      this.worst = { driftShanks: drift, atMs: timestampMs };
    if (this.warned || drift <= this.limit) return undefined;
    this.warned = true;
    return this.fault(drift, timestampMs);
  }

  /** Out of place now (the last 2 s past the limit): what to say while it lasts. */
  get cue(): string | undefined {
    return this.now !== undefined && this.now > this.limit ? this.position.cue : undefined;
  }

  /** Whether the last second is seen from another side than the first second of the stretch. */
  private viewChanged(nowMs: number): boolean {
    const first = this.head[0];
    if (first === undefined || nowMs - first.t <= HOLD_POSITION.viewMs) return false;
    const start = this.head.filter((s) => s.t - first.t <= HOLD_POSITION.viewMs);
    const recent = this.tail.filter((s) => nowMs - s.t <= HOLD_POSITION.viewMs);
    const [was, now] = [median(start.map((s) => s.turn)), median(recent.map((s) => s.turn))];
    if (was !== undefined && now !== undefined)
      return Math.abs(now - was) > HOLD_POSITION.viewChangeDeg;
    return mostSeen(start) !== mostSeen(recent);
  }

  /** The hold has ended: its result, when it lasted long enough in one view to be judged. */
  end(): HoldDrift | undefined {
    this.holdStartMs = undefined;
    this.head = [];
    this.tail = [];
    this.now = undefined;
    const worst = this.worst;
    this.worst = undefined;
    if (worst !== undefined) this.judged.push(worst);
    // `+ 0`: a drift that rounds to nothing is 0, not −0.
    return worst === undefined
      ? undefined
      : { ...worst, driftShanks: round2(worst.driftShanks) + 0 };
  }

  /** Over the set: the hold that moved furthest. */
  verdict(): Verdict {
    const worst = this.judged.reduce<HoldDrift | undefined>(
      (a, d) => (a === undefined || d.driftShanks > a.driftShanks ? d : a),
      undefined,
    );
    if (worst === undefined)
      return cannotJudge(
        'hold-position',
        `Whether the hips stay put is judged on holds of ${msToSec(MIN_JUDGED_HOLD_MS)} s or more: hold the pose that long, hips and feet in view.`,
      );
    const value = round2(Math.max(0, worst.driftShanks));
    const common = {
      value,
      threshold: this.limit,
      confidence: confidenceOf(value, this.limit, LIMITS.holdDriftShanks.error, 1),
    };
    if (value <= this.limit)
      return pass(
        'hold-position',
        'shank',
        `${this.position.what} kept ${this.position.keep}.`,
        common,
      );
    return {
      check: 'hold-position',
      status: 'fault',
      severity: 'warn',
      unit: 'shank',
      ...common,
      message: this.message(value),
      cue: this.position.cue,
    };
  }

  private message(drift: number): string {
    const moved = this.position.keep === 'low' ? 'rose' : 'sank';
    return `${this.position.what} ${moved} ${drift.toFixed(2)} shank lengths during the hold: ${lowerFirst(this.position.cue)}`;
  }

  private fault(drift: number, atMs: number): Fault {
    const value = round2(drift);
    return {
      code: 'hold-drift',
      severity: 'warn',
      atSec: msToSec(atMs),
      value,
      threshold: this.limit,
      confidence: confidenceOf(value, this.limit, LIMITS.holdDriftShanks.error, 1),
      unit: 'shank',
      message: this.message(value),
      cue: this.position.cue,
    };
  }
}

function mostSeen(samples: readonly Sample[]): FrameView {
  const count = (v: FrameView) => samples.filter((s) => s.view === v).length;
  return (['front', 'three-quarter', 'side', 'unknown'] as const).reduce((a, v) =>
    count(v) > count(a) ? v : a,
  );
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
