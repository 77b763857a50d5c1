import type { LiveState } from './analyzer.ts';
import type { ExerciseDef, Prescription } from './exercise-def.ts';
import type { CircleDirection } from './circle-counter.ts';
import { setEndWords } from './set-end-words.ts';

/**
 * The hands-free flow of a workout: set up → spoken countdown → set → rest → next set … → done.
 * Pure: time comes in with each tick, so the same flow runs in tests. Design: workout-flow.md.
 */
export type FlowPhase = 'setup' | 'countdown' | 'set' | 'rest' | 'done';

export interface FlowView {
  readonly phase: FlowPhase;
  /** 1-based set number. */
  readonly set: number;
  readonly sets: number;
  /** Whole seconds left in the countdown or the rest. */
  readonly secondsLeft: number;
  readonly direction: CircleDirection;
  /** Seconds into the set. */
  readonly setSec: number;
}

export interface FlowStep {
  readonly say: readonly string[];
  /** The set that just ended (1-based), when one did. */
  readonly setEnded?: number;
  /** A new set is about to be set up: start a fresh analyzer. */
  readonly newSet?: boolean;
  /** "Go!": counting starts now (nothing done during set-up or the countdown counts). */
  readonly go?: boolean;
}

/** Ready (gate open) this long before the countdown starts: the person has settled. */
export const READY_HOLD_MS = 1000;
export const COUNTDOWN_SEC = 3;
/**
 * Holds and rests at least this long have their time called out (a person two metres away, eyes
 * off the screen): halfway and the last {@link LAST_SECONDS} of a hold, the last of a rest.
 */
export const CALL_OUT_MIN_SEC = 20;
export const LAST_SECONDS = 10;
/** Said, and shown over the picture this long (s), when circles turn the other way halfway. */
export const OTHER_WAY_WORDS = 'Other way: anticlockwise.';
export const OTHER_WAY_SHOWN_SEC = 4;

export class WorkoutFlow {
  private phase: FlowPhase = 'setup';
  private setIndex = 0;
  private phaseStartMs: number | undefined;
  private readySinceMs: number | undefined;
  private lastSpokenSecond: number | undefined;
  private direction: CircleDirection = 'clockwise';
  private turnedAtMs: number | undefined;
  private nowMs = 0;
  /** The time call-outs already said in this phase. */
  private calledOut = new Set<'halfway' | 'last'>();

  /** `firstSet`: where the flow starts (a form check redoing its last part starts there). */
  constructor(
    readonly exercise: ExerciseDef,
    readonly prescription: Prescription,
    firstSet = 1,
  ) {
    this.setIndex = Math.min(Math.max(firstSet, 1), prescription.sets) - 1;
  }

  view(): FlowView {
    const elapsed = this.phaseStartMs === undefined ? 0 : (this.nowMs - this.phaseStartMs) / 1000;
    const total =
      this.phase === 'countdown'
        ? COUNTDOWN_SEC
        : this.phase === 'rest'
          ? this.prescription.restSec
          : 0;
    return {
      phase: this.phase,
      set: Math.min(this.setIndex + 1, this.prescription.sets),
      sets: this.prescription.sets,
      secondsLeft: Math.max(0, Math.ceil(total - elapsed)),
      direction: this.direction,
      setSec: this.phase === 'set' ? elapsed : 0,
    };
  }

  /**
   * The words to show over the picture for a few seconds after the circles turned the other way
   * ({@link OTHER_WAY_SHOWN_SEC}): said aloud too, but a muted laptop, or one with no voice, showed
   * only the arrow beside the count flip.
   */
  turnWords(): string | undefined {
    const since = this.turnedAtMs === undefined ? Infinity : this.nowMs - this.turnedAtMs;
    return this.phase === 'set' && since < OTHER_WAY_SHOWN_SEC * 1000 ? OTHER_WAY_WORDS : undefined;
  }

  /**
   * The workout stood paused for `ms` (the space bar, a hidden tab, a camera gone): the clock of the
   * phase it was in stops for that time. Circles and walks end on the clock, and a pause had used
   * up the set's time (30 s of circles paused for 20 s turned 10 s after the resume); a rest or a
   * countdown paused waits too.
   */
  pausedFor(ms: number): void {
    if (!(ms > 0)) return;
    if (this.phaseStartMs !== undefined) this.phaseStartMs += ms;
    if (this.turnedAtMs !== undefined) this.turnedAtMs += ms;
    if (this.readySinceMs !== undefined) this.readySinceMs += ms;
    this.nowMs += ms;
  }

  tick(nowMs: number, live: LiveState): FlowStep {
    this.nowMs = nowMs;
    switch (this.phase) {
      case 'setup':
        return this.tickSetup(nowMs, live);
      case 'countdown':
        return this.tickCountdown(nowMs);
      case 'set':
        return this.tickSet(nowMs, live);
      case 'rest':
        return this.tickRest(nowMs);
      case 'done':
        return { say: [] };
    }
  }

  /**
   * The person ends the set early (a key, the button), also while setting up: someone who cannot
   * get into position moves on, and the set's record says why nothing was counted.
   */
  endSet(nowMs: number): FlowStep {
    if (this.phase === 'rest' || this.phase === 'done') return { say: [] };
    return this.finishSet(nowMs);
  }

  /** Skip the rest of the rest. */
  skipRest(nowMs: number): FlowStep {
    if (this.phase !== 'rest') return { say: [] };
    return this.enter('setup', nowMs, { say: ['Next set. Get into position.'], newSet: true });
  }

  private enter(phase: FlowPhase, nowMs: number, step: FlowStep): FlowStep {
    this.phase = phase;
    this.phaseStartMs = nowMs;
    this.readySinceMs = undefined;
    this.lastSpokenSecond = undefined;
    this.calledOut = new Set();
    return step;
  }

  private tickSetup(nowMs: number, live: LiveState): FlowStep {
    if (!live.ready) {
      this.readySinceMs = undefined;
      return { say: [] };
    }
    this.readySinceMs ??= nowMs;
    if (nowMs - this.readySinceMs < READY_HOLD_MS) return { say: [] };
    return this.enter('countdown', nowMs, { say: [] });
  }

  private tickCountdown(nowMs: number): FlowStep {
    const left = COUNTDOWN_SEC - Math.floor((nowMs - (this.phaseStartMs ?? nowMs)) / 1000);
    if (left <= 0) {
      this.direction = 'clockwise';
      this.turnedAtMs = undefined;
      return this.enter('set', nowMs, {
        say: [this.exercise.kind === 'circles' ? 'Go! Clockwise.' : 'Go!'],
        go: true,
      });
    }
    if (left === this.lastSpokenSecond) return { say: [] };
    this.lastSpokenSecond = left;
    return { say: [String(left)] };
  }

  private tickSet(nowMs: number, live: LiveState): FlowStep {
    const p = this.prescription;
    const elapsedSec = (nowMs - (this.phaseStartMs ?? nowMs)) / 1000;
    switch (p.kind) {
      case 'reps':
        if (live.repCount >= p.reps) return this.finishSet(nowMs);
        break;
      case 'hold':
        if (live.heldSec >= p.holdSec) return this.finishSet(nowMs);
        return { say: this.holdCallOut(p.holdSec, live.heldSec) };
      case 'circles': {
        const half = p.perDirectionSec;
        if (elapsedSec >= 2 * half) return this.finishSet(nowMs);
        if (elapsedSec >= half && this.direction === 'clockwise') {
          this.direction = 'anticlockwise';
          this.turnedAtMs = nowMs;
          return { say: [OTHER_WAY_WORDS] };
        }
        break;
      }
      case 'walk':
        if (elapsedSec >= p.walkSec) return this.finishSet(nowMs);
        break;
    }
    return { say: [] };
  }

  private finishSet(nowMs: number): FlowStep {
    const ended = this.setIndex + 1;
    this.setIndex += 1;
    // The words for a set without faults: the caller, who has the set's report, may say what to
    // fix instead (set-end-words.ts).
    const final = this.setIndex >= this.prescription.sets;
    return this.enter(final ? 'done' : 'rest', nowMs, {
      say: [setEndWords(ended, final)],
      setEnded: ended,
    });
  }

  /**
   * Halfway and the last seconds of a hold, each said once a set. The held time only runs while
   * the pose is held, so the call-outs follow it, not the clock.
   */
  private holdCallOut(holdSec: number, heldSec: number): string[] {
    if (holdSec < CALL_OUT_MIN_SEC || this.calledOut.has('last')) return [];
    if (heldSec >= holdSec - LAST_SECONDS) {
      this.calledOut.add('last').add('halfway');
      return [`${LAST_SECONDS} seconds left.`];
    }
    if (heldSec >= holdSec / 2 && !this.calledOut.has('halfway')) {
      this.calledOut.add('halfway');
      return ['Halfway.'];
    }
    return [];
  }

  private tickRest(nowMs: number): FlowStep {
    const { restSec } = this.prescription;
    const left = restSec - (nowMs - (this.phaseStartMs ?? nowMs)) / 1000;
    if (left <= 0)
      return this.enter('setup', nowMs, { say: ['Next set. Get into position.'], newSet: true });
    if (restSec >= CALL_OUT_MIN_SEC && left <= LAST_SECONDS && !this.calledOut.has('last')) {
      this.calledOut.add('last');
      return { say: [`${LAST_SECONDS} seconds.`] };
    }
    return { say: [] };
  }
}
