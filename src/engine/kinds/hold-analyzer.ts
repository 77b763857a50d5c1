import { msToSec, round2 } from '../../geometry/stats.ts';
import type { EngineEvent } from '../engine-event.ts';
import type { HoldExercise } from '../exercise-def.ts';
import { BodyMotion } from '../body-motion.ts';
import { issueText } from '../cues.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { END_OF_SET, HOLD_STILL, OUT_OF_VIEW } from '../hold-end.ts';
import { checkEnvelope } from '../hold-envelope.ts';
import { HoldPositionMonitor } from '../hold-position.ts';
import { HoldTimer, type HoldSpan } from '../hold-timer.ts';
import { WatchedTime } from '../watched-time.ts';
import type { Strictness } from '../checks/thresholds.ts';
import type { HoldReport } from '../report.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/**
 * A hold's time starts when the person is in the pose and settled, and ends when they leave it.
 * Settled: the trunk and legs move under 0.3 torso lengths a second (≈15 cm/s for a 50 cm torso)
 * and the hands under 0.6, against the planted feet (body-motion.ts: a moving camera is not the
 * person moving). Quiet standing sways about 1-2 cm/s and keypoint jitter reads
 * ~0.1 torso/s; lifting the hips or raising the arms into a pose is 1-2 torso/s.
 */
const SETTLED = { bodyTorsosPerSec: 0.3, handsTorsosPerSec: 0.6 } as const;

/** Times the pose while every bound of its envelope holds. */
export class HoldAnalyzer implements KindAnalyzer {
  private readonly timer = new HoldTimer();
  private readonly motion = new BodyMotion();
  private readonly holds: HoldReport[] = [];
  private cue: string | undefined;
  /** Time watched since the person was set up, and how much of it each cue kept the pose off. */
  private readonly watched = new WatchedTime();
  private readonly offMs = new Map<string, number>();
  /** Whether the hold stays where it settled (hold quality), for the poses that say where. */
  private readonly position: HoldPositionMonitor | undefined;

  constructor(
    private readonly exercise: HoldExercise,
    strictness: Strictness,
  ) {
    this.position =
      exercise.position === undefined
        ? undefined
        : new HoldPositionMonitor(exercise.position, strictness);
  }

  onReady(): void {}

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const verdict = checkEnvelope(this.exercise.envelope, frame.features);
    const motion = this.motion.push(frame.body, frame.timestampMs);
    const settled =
      (motion.bodyTorsosPerSec ?? 0) <= SETTLED.bodyTorsosPerSec &&
      (motion.handsTorsosPerSec ?? 0) <= SETTLED.handsTorsosPerSec;
    this.cue = verdict.inside ? (settled ? undefined : HOLD_STILL) : verdict.cue;
    // A bound not measured because the joints it reads are out of view is no sign the pose was
    // left: said as what it is, not as the bound's own cue. A downward dog whose heels left the
    // picture by a hair (the side-on clip cut at the heels: the near ankle at the frame's edge) was
    // told "Hips higher" with the hips at their highest.
    const outOfView = !verdict.inside && verdict.value === undefined && frame.unseen !== undefined;
    this.apply(
      this.timer.push(
        frame.timestampMs,
        verdict.inside && settled,
        outOfView ? OUT_OF_VIEW : this.cue,
      ),
      events,
    );
    if (outOfView && frame.unseen !== undefined)
      this.cue = issueText({ kind: 'missing', keypoints: frame.unseen });
    const dt = this.watched.push(frame.timestampMs);
    const off = verdict.inside && settled ? undefined : this.cue;
    if (off !== undefined) this.offMs.set(off, (this.offMs.get(off) ?? 0) + dt);
    // The position is followed while the pose is inside its bounds (a break out of them is the
    // envelope's to say, "Sit lower"); it is judged while the clock runs.
    if (verdict.inside) {
      const drift = this.position?.push(frame.features, frame.timestampMs);
      if (drift !== undefined) events.push({ type: 'fault', fault: drift });
    }
  }

  onInterrupt(atMs: number, events: EngineEvent[]): void {
    this.motion.reset();
    this.watched.interrupt();
    this.apply(this.timer.push(atMs, false, OUT_OF_VIEW), events);
  }

  private apply(timerEvents: ReturnType<HoldTimer['push']>, events: EngineEvent[]): void {
    for (const e of timerEvents) {
      if (e.type === 'hold-start') {
        this.position?.start(e.atMs);
        events.push({ type: 'hold-start', atSec: msToSec(e.atMs) });
      } else this.end(e.span, e.reason, events);
    }
  }

  private end(span: HoldSpan, reason: string, events: EngineEvent[]): void {
    const drift = this.position?.end();
    const hold: HoldReport = {
      startSec: msToSec(span.startMs),
      endSec: msToSec(span.endMs),
      seconds: round2((span.endMs - span.startMs) / 1000),
      ...(drift === undefined ? {} : { driftShanks: drift.driftShanks }),
      endedBecause: reason,
    };
    this.holds.push(hold);
    events.push({ type: 'hold-end', hold });
  }

  live(): KindLive {
    return {
      ...IDLE_LIVE,
      holding: this.timer.holding,
      holdSec: this.timer.currentSec(),
      heldSec: this.timer.totalSec(),
      // Out of the pose or moving first; then the hips out of where the hold settled, while so.
      holdCue: this.cue ?? (this.timer.holding ? this.position?.cue : undefined),
    };
  }

  /**
   * A set in which no hold was timed says why: what kept the person out of the pose for most of the
   * time they were watched, in the words the overlay showed live ("Arms up overhead"), so that a
   * recording, or a set looked at afterwards, is not just "nothing was counted".
   */
  notes(): readonly string[] {
    if (this.holds.length > 0 || this.timer.holding) return [];
    const [cue, ms] = [...this.offMs].reduce<[string | undefined, number]>(
      (best, entry) => (entry[1] > best[1] ? entry : best),
      [undefined, 0],
    );
    if (cue === undefined || ms < 1000) return [];
    return [
      `No hold was timed: for ${Math.round(ms / 1000)} of the ${Math.round(this.watched.ms / 1000)} s watched, the pose was not held: “${cue}”.`,
    ];
  }

  finish(events: EngineEvent[]): KindReport {
    for (const e of this.timer.finish())
      if (e.type === 'hold-end') this.end(e.span, END_OF_SET, events);
    return {
      holds: this.holds.map(({ endedBecause, ...h }) =>
        endedBecause === undefined || endedBecause === END_OF_SET ? h : { ...h, endedBecause },
      ),
      heldSeconds: round2(this.holds.reduce((s, h) => s + h.seconds, 0)),
      ...(this.position === undefined ? {} : { verdicts: [this.position.verdict()] }),
    };
  }
}
