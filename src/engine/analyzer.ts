import { MedianFilter } from '../geometry/median-filter.ts';
import { oneEuroStep, type OneEuroParams, type OneEuroState } from '../geometry/one-euro-filter.ts';
import type { KeypointName, Pose } from '../pose/skeleton.ts';
import { Body } from './body.ts';
import type { ExerciseDef, Prescription } from './catalog.ts';
import { CircleCounter, type CircleDirection } from './circle-counter.ts';
import type { Fault } from './faults.ts';
import { frameFeatures, type FrameFeatures } from './features.ts';
import { checkEnvelope } from './hold-envelope.ts';
import { HoldTimer } from './hold-timer.ts';
import { HeadBobMonitor } from './head-bob.ts';
import { RepCounter, type CountedRep, type RepPhase } from './rep-counter.ts';
import { checkRep } from './rep-checks.ts';
import { baselineOf, BASELINE_WINDOW_MS } from './baseline.ts';
import type { HoldReport, Report, RepReport } from './report.ts';
import { SetupGate, type GateIssue } from './setup-gate.ts';
import { signalBySide } from './signals.ts';
import { SideFuser } from './side-fuser.ts';
import { missingKeypoints } from './requirements.ts';
import { StepCounter } from './step-counter.ts';
import { WalkChecks } from './walk-checks.ts';
import { viewOfFrame, ViewTally } from './view.ts';

/** Frames further apart than this (a hidden tab, a frozen camera) break the set-up. */
const MAX_FRAME_GAP_MS = 1500;

/** Keypoint confidence the engine trusts (BlazePose visibility; MoveNet score). */
const MIN_SCORE = 0.5;

/**
 * Signal smoothing: a 150 ms running median drops single-frame keypoint spikes, then One Euro. The detector already smooths keypoints (pose-detection's own filters, driven
 * by our timestamps); this second One Euro pass on the one counted signal trades a few ms of lag
 * for steadier hysteresis. 1.5 Hz at rest keeps a still stand steady; beta lets 1-2 Hz reps through.
 */
const SIGNAL_FILTER: OneEuroParams = { minCutoffHz: 1.5, beta: 2, derivativeCutoffHz: 1 };

export type EngineEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'setup'; readonly issue: GateIssue }
  | { readonly type: 'rep'; readonly rep: RepReport }
  | { readonly type: 'partial'; readonly atSec: number; readonly reason: string }
  | { readonly type: 'hold-start'; readonly atSec: number }
  | { readonly type: 'hold-end'; readonly hold: HoldReport }
  | { readonly type: 'circle'; readonly direction: CircleDirection; readonly count: number }
  | { readonly type: 'step'; readonly count: number }
  | { readonly type: 'fault'; readonly fault: Fault };

/** What the overlay draws every frame. */
export interface LiveState {
  readonly ready: boolean;
  readonly issue: GateIssue | undefined;
  readonly repCount: number;
  readonly phase: RepPhase;
  /** 0 at the start position, 1 at the person's typical depth (range bar). */
  readonly progress: number;
  readonly holding: boolean;
  readonly holdSec: number;
  readonly heldSec: number;
  readonly holdCue: string | undefined;
  readonly circles: Readonly<Record<CircleDirection, number>>;
  readonly steps: number;
  /** Joints with a fault in the last rep, to colour on the skeleton. */
  readonly faultJoints: readonly KeypointName[];
  readonly lastFaults: readonly Fault[];
  /** The camera view this frame (front, side or 3/4), for the set-up hint. */
  readonly view: ReturnType<typeof viewOfFrame>;
  /** The knee angle that matters (the more bent knee), for the overlay. */
  readonly keyAngle: { readonly deg: number; readonly at: KeypointName } | undefined;
}

const FAULT_JOINTS: Partial<Record<Fault['code'], readonly KeypointName[]>> = {
  'knee-valgus': ['left_knee', 'right_knee'],
  'heel-lift': ['left_heel', 'right_heel'],
  'shallow-depth': ['left_hip', 'right_hip'],
  'forward-lean': ['left_shoulder', 'right_shoulder'],
  'knees-over-toes': ['left_knee', 'right_knee'],
  'head-bob': ['nose'],
  'toes-down': ['left_toe', 'right_toe'],
  'heels-down': ['left_heel', 'right_heel'],
};

const sec = (ms: number) => Math.round(ms / 10) / 100;

/**
 * The engine for one set of one exercise: poses in, events and a live state out, a report at the
 * end. Pure: no clock (time comes from pose timestamps), no DOM, no tfjs.
 */
export class ExerciseAnalyzer {
  private readonly gate = new SetupGate();
  private readonly views = new ViewTally();
  private readonly counter: RepCounter | undefined;
  private readonly holds = new HoldTimer();
  private readonly circles = new CircleCounter();
  private readonly headBob = new HeadBobMonitor();
  private readonly stepCounter = new StepCounter();
  private readonly walkChecks: WalkChecks;
  private filter: OneEuroState | undefined;
  private readonly sides = new SideFuser();
  private readonly spikes = new MedianFilter();
  private circleDirection: CircleDirection = 'clockwise';
  private readonly toeTravel = { left: [] as number[], right: [] as number[] };
  /** Frames in the start position (between reps), for the form checks' baseline. */
  private readonly restFrames: FrameFeatures[] = [];
  private readonly recent: FrameFeatures[] = [];
  private readonly reps: RepReport[] = [];
  private readonly partials: { atSec: number; reason: string }[] = [];
  private readonly holdReports: HoldReport[] = [];
  private readonly faults: Fault[] = [];
  private readonly notes = new Set<string>();
  private issue: GateIssue | undefined;
  private holdCue: string | undefined;
  private firstMs: number | undefined;
  private lastMs: number | undefined;
  private bestAmplitude = 0;
  private lastFaults: readonly Fault[] = [];

  constructor(
    readonly exercise: ExerciseDef,
    readonly prescription: Prescription = exercise.prescription,
    private readonly modelHasFeet = true,
  ) {
    this.counter = exercise.counter === undefined ? undefined : new RepCounter(exercise.counter);
    this.walkChecks = new WalkChecks(exercise.id);
    if (exercise.needsFeet && !modelHasFeet) {
      this.notes.add('This exercise needs heel and toe points: choose a BlazePose model.');
    }
  }

  push(pose: Pose | null, timestampMs: number): EngineEvent[] {
    if (
      !Number.isFinite(timestampMs) ||
      (this.lastMs !== undefined && !(timestampMs > this.lastMs))
    )
      return [];
    const events: EngineEvent[] = [];
    if (this.lastMs !== undefined && timestampMs - this.lastMs > MAX_FRAME_GAP_MS) {
      // A paused tab or a stalled camera: whatever happened in between is not counted.
      this.pause(this.lastMs, events);
    }
    this.firstMs ??= timestampMs;
    this.lastMs = timestampMs;
    const body = pose === null ? undefined : new Body({ ...pose, timestampMs }, MIN_SCORE);
    const missing: KeypointName[] | 'no-person' =
      body === undefined ? 'no-person' : missingKeypoints(body, this.exercise.required);
    const raw = body === undefined ? undefined : frameFeatures(body);
    const signal = this.smoothedSignal(raw, timestampMs);
    const wasReady = this.gate.isOpen;
    const counted = this.exercise.kind === 'reps' ? signal : undefined;
    const startPose = this.exercise.startPose;
    const inStartPose =
      counted !== undefined && startPose !== undefined && counted <= startPose.max;
    const status = this.gate.push(timestampMs, missing, counted, inStartPose);
    if (!status.ready) {
      if (wasReady) this.interrupt(timestampMs, events);
      if (status.issue !== undefined && status.issue.kind !== this.issue?.kind)
        events.push({ type: 'setup', issue: status.issue });
      this.issue = status.issue;
      return events;
    }
    this.issue = undefined;
    if (status.openedAt !== undefined) {
      events.push({ type: 'ready' });
      this.counter?.calibrate(status.openedAt.restLevel);
      this.headBob.reset();
    }
    if (raw === undefined) return events;
    this.views.push(raw);
    this.remember(raw);
    switch (this.exercise.kind) {
      case 'reps':
        if (signal !== undefined) this.onRepSignal(signal, timestampMs, events);
        break;
      case 'hold':
        this.onHold(raw, timestampMs, events);
        break;
      case 'circles':
        this.onCircle(body, raw, events);
        break;
      case 'walk':
        this.onWalk(body, raw, events);
        break;
    }
    return events;
  }

  private smoothedSignal(f: FrameFeatures | undefined, timestampMs: number): number | undefined {
    const id = this.exercise.signal;
    const v =
      id === undefined || f === undefined ? undefined : this.sides.push(signalBySide(id, f));
    if (v === undefined || !Number.isFinite(v)) return undefined;
    this.filter = oneEuroStep(
      this.filter,
      this.spikes.push(v, timestampMs),
      timestampMs,
      SIGNAL_FILTER,
    );
    return this.filter.value;
  }

  private remember(f: FrameFeatures): void {
    this.recent.push(f);
    // Keep enough for the longest rep the counter accepts.
    const keepMs = (this.exercise.counter?.maxRepMs ?? 5000) + 2000;
    while (this.recent.length > 0 && f.timestampMs - (this.recent[0]?.timestampMs ?? 0) > keepMs)
      this.recent.shift();
  }

  /**
   * Stop judging until the person is set up again (tab hidden, paused, a gap in the frames): a rep
   * in progress is dropped and a hold ends; nothing in between is counted.
   */
  pause(atMs: number = this.lastMs ?? 0, events: EngineEvent[] = []): EngineEvent[] {
    if (this.gate.isOpen) this.interrupt(atMs, events);
    this.gate.close();
    return events;
  }

  private interrupt(timestampMs: number, events: EngineEvent[]): void {
    this.counter?.interrupt();
    this.filter = undefined;
    this.spikes.reset();
    this.circles.reset();
    for (const e of this.holds.push(timestampMs, false, 'out of view')) {
      if (e.type === 'hold-end') this.endHold(e.span, e.reason, events);
    }
  }

  private onRepSignal(value: number, timestampMs: number, events: EngineEvent[]): void {
    if (this.counter === undefined) return;
    const last = this.recent[this.recent.length - 1];
    if (this.counter.phase === 'rest' && last !== undefined) {
      this.restFrames.push(last);
      while (
        (this.restFrames[0]?.timestampMs ?? timestampMs) <
        timestampMs - 2 * BASELINE_WINDOW_MS
      )
        this.restFrames.shift();
    }
    for (const e of this.counter.push({ timestampMs, value })) {
      if (e.type === 'partial') {
        const p = { atSec: sec(e.atMs), reason: e.reason };
        this.partials.push(p);
        events.push({ type: 'partial', ...p });
        continue;
      }
      const rep = this.reportRep(e.rep);
      this.reps.push(rep);
      this.faults.push(...rep.faults);
      this.lastFaults = rep.faults;
      events.push({ type: 'rep', rep });
      for (const fault of rep.faults) events.push({ type: 'fault', fault });
    }
  }

  private reportRep(rep: CountedRep): RepReport {
    this.bestAmplitude = Math.max(this.bestAmplitude, rep.amplitude);
    const frames = this.recent.filter(
      (f) => f.timestampMs >= rep.startMs && f.timestampMs <= rep.endMs,
    );
    const faults = checkRep({
      exercise: this.exercise,
      rep,
      frames,
      baseline: baselineOf(this.restFrames, rep.startMs),
      view: this.views.current(),
      bestAmplitude: this.bestAmplitude,
      tempo: this.prescription.tempo,
    });
    const peak = frames.find((f) => f.timestampMs === rep.peakMs);
    const down = this.exercise.awayWord !== 'up';
    const p = rep.phases;
    const gaps = [peak?.hipKneeGapShanksBySide.left, peak?.hipKneeGapShanksBySide.right].filter(
      (v): v is number => v !== undefined,
    );
    const gap = gaps.length === 0 ? undefined : Math.min(...gaps);
    const report: RepReport = {
      index: rep.index,
      startSec: sec(rep.startMs),
      bottomSec: sec(rep.peakMs),
      endSec: sec(rep.endMs),
      phases: down
        ? {
            downSec: r2(p.awaySec),
            bottomSec: r2(p.farSec),
            upSec: r2(p.returnSec),
            topSec: r2(p.restSec),
          }
        : {
            downSec: r2(p.returnSec),
            bottomSec: r2(p.restSec),
            upSec: r2(p.awaySec),
            topSec: r2(p.farSec),
          },
      amplitude: r2(rep.amplitude),
      faults,
    };
    if (this.exercise.signal !== 'hip-drop') return report;
    return {
      ...report,
      depth: {
        kneeAngleDeg: peak?.minKneeAngleDeg === undefined ? null : Math.round(peak.minKneeAngleDeg),
        belowParallel: gap !== undefined && gap <= 0,
        hipAboveKneeShanks: gap === undefined ? null : r2(gap),
      },
    };
  }

  private onHold(f: FrameFeatures, timestampMs: number, events: EngineEvent[]): void {
    const envelope = this.exercise.envelope ?? [];
    const verdict = checkEnvelope(envelope, f);
    this.holdCue = verdict.inside ? undefined : verdict.broken.cue;
    for (const e of this.holds.push(
      timestampMs,
      verdict.inside,
      verdict.inside ? undefined : verdict.broken.cue,
    )) {
      if (e.type === 'hold-start') events.push({ type: 'hold-start', atSec: sec(e.atMs) });
      else this.endHold(e.span, e.reason, events);
    }
  }

  private endHold(
    span: { startMs: number; endMs: number },
    reason: string,
    events: EngineEvent[],
  ): void {
    const hold: HoldReport = {
      startSec: sec(span.startMs),
      endSec: sec(span.endMs),
      seconds: r2((span.endMs - span.startMs) / 1000),
      endedBecause: reason,
    };
    this.holdReports.push(hold);
    events.push({ type: 'hold-end', hold });
  }

  /** The direction the person is asked to circle in now (the app switches it halfway). */
  setCircleDirection(direction: CircleDirection): void {
    this.circleDirection = direction;
  }

  private onCircle(body: Body | undefined, f: FrameFeatures, events: EngineEvent[]): void {
    const shank = f.shankLength;
    const x = body === undefined ? undefined : this.circlingX(body);
    if (x === undefined || shank === undefined || !(shank > 0)) return;
    const direction = this.circleDirection;
    if (this.circles.push({ timestampMs: f.timestampMs, x: x / shank }, direction)) {
      events.push({ type: 'circle', direction, count: this.circles.counts[direction] });
    }
    const bob = this.headBob.push(f);
    if (bob !== undefined) {
      this.faults.push(bob);
      this.lastFaults = [bob];
      events.push({ type: 'fault', fault: bob });
    }
  }

  /** Knee circles: both knees move together (their midpoint). Ankle circles: the toe that moves more. */
  private circlingX(body: Body): number | undefined {
    if (this.exercise.circleJoint !== 'toe') return body.mid('knee')?.x;
    const l = body.joint('left', 'toe')?.x;
    const r = body.joint('right', 'toe')?.x;
    if (l !== undefined) this.toeTravel.left.push(l);
    if (r !== undefined) this.toeTravel.right.push(r);
    const spread = (v: number[]) => (
      v.splice(0, Math.max(0, v.length - 60)),
      v.length < 2 ? 0 : Math.max(...v) - Math.min(...v)
    );
    return spread(this.toeTravel.left) >= spread(this.toeTravel.right) ? l : r;
  }

  private onWalk(body: Body | undefined, f: FrameFeatures, events: EngineEvent[]): void {
    const la = body?.joint('left', 'ankle');
    const ra = body?.joint('right', 'ankle');
    const shank = f.shankLength;
    const separation = la && ra && shank ? (la.x - ra.x) / shank : undefined;
    if (this.stepCounter.push(separation)) {
      events.push({ type: 'step', count: this.stepCounter.count });
      for (const fault of this.walkChecks.onStep(this.stepCounter.count, f.timestampMs)) {
        this.faults.push(fault);
        this.lastFaults = [fault];
        events.push({ type: 'fault', fault });
      }
    }
    if (body !== undefined) this.walkChecks.push(body, f);
  }

  live(): LiveState {
    return {
      ready: this.gate.isOpen,
      issue: this.issue,
      repCount: this.counter?.count ?? 0,
      phase: this.counter?.phase ?? 'rest',
      progress: this.counter?.progress() ?? 0,
      holding: this.holds.holding,
      holdSec: this.holds.currentSec(),
      heldSec: this.holds.totalSec(),
      holdCue: this.holdCue,
      circles: { ...this.circles.counts },
      steps: this.stepCounter.count,
      faultJoints: this.lastFaults.flatMap((f) => FAULT_JOINTS[f.code] ?? []),
      lastFaults: this.lastFaults,
      keyAngle: this.keyAngle(),
      view: (() => {
        const f = this.recent[this.recent.length - 1];
        return f === undefined ? 'unknown' : viewOfFrame(f);
      })(),
    };
  }

  private keyAngle(): LiveState['keyAngle'] {
    const f = this.recent[this.recent.length - 1];
    if (
      f === undefined ||
      this.exercise.signal === 'heel-rise' ||
      this.exercise.signal === 'toe-rise'
    )
      return undefined;
    const { left, right } = f.kneeAngleDeg;
    if (left === undefined && right === undefined) return undefined;
    if (right === undefined || (left !== undefined && left <= right))
      return { deg: left ?? 0, at: 'left_knee' };
    return { deg: right, at: 'right_knee' };
  }

  /** The report so far; call at the end of the video or set (ends a hold in progress). */
  finish(): Report {
    const events: EngineEvent[] = [];
    for (const e of this.holds.finish())
      if (e.type === 'hold-end') this.endHold(e.span, 'end of the set', events);
    const kind = this.exercise.kind;
    const notes = [...this.notes];
    const view = this.views.current();
    if (this.exercise.view !== 'any' && view !== 'unknown' && view !== this.exercise.view) {
      notes.push(
        `Filmed from the ${view}; ${this.exercise.name} is best judged from the ${this.exercise.view}. Checks that need the other view were skipped.`,
      );
    }
    const base: Report = {
      exercise: this.exercise.id,
      view,
      durationSec:
        this.firstMs === undefined || this.lastMs === undefined
          ? 0
          : r2((this.lastMs - this.firstMs) / 1000),
      faults: [...this.faults],
      notes,
    };
    if (kind === 'reps')
      return {
        ...base,
        repCount: this.reps.length,
        reps: [...this.reps],
        partials: [...this.partials],
      };
    if (kind === 'hold') {
      return {
        ...base,
        holds: this.holdReports.map(({ endedBecause, ...h }) =>
          endedBecause === undefined || endedBecause === 'end of the set'
            ? h
            : { ...h, endedBecause },
        ),
        heldSeconds: r2(this.holdReports.reduce((s, h) => s + h.seconds, 0)),
      };
    }
    if (kind === 'circles') return { ...base, circles: { ...this.circles.counts } };
    return { ...base, steps: this.stepCounter.count };
  }
}

function r2(v: number): number {
  return Math.round(v * 100) / 100;
}
