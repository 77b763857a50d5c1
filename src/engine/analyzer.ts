import { round2 } from '../geometry/stats.ts';
import type { KeypointName, Pose } from '../pose/skeleton.ts';
import { isTiltTold, tiltNote } from './camera-tilt.ts';
import { DEFAULT_STRICTNESS, type Strictness } from './checks/thresholds.ts';
import type { CircleDirection } from './circle-counter.ts';
import type { EngineEvent } from './engine-event.ts';
import type { CameraView, ExerciseDef, Prescription } from './exercise-def.ts';
import { FAULT_JOINTS } from './fault-joints.ts';
import type { Fault } from './faults.ts';
import { FrontEnd } from './front-end.ts';
import { CircleAnalyzer } from './kinds/circle-analyzer.ts';
import { HoldAnalyzer } from './kinds/hold-analyzer.ts';
import type { KindAnalyzer, KindLive } from './kinds/kind-analyzer.ts';
import { RepAnalyzer, type RepObserver } from './kinds/rep-analyzer.ts';
import { DEFAULT_MODEL, MODELS, type ModelId } from '../pose/model-catalog.ts';
import { WalkAnalyzer } from './kinds/walk-analyzer.ts';
import type { Report } from './report.ts';
import type { GateIssue } from './setup-gate.ts';
import { SetupSummary } from './setup-summary.ts';
import { followsTheHips } from './signals.ts';
import type { Facing, FrameView } from './view.ts';
import { viewNote } from './view-note.ts';

export type { EngineEvent } from './engine-event.ts';

/** Frames further apart than this (a hidden tab, a frozen camera) break the set-up. */
const MAX_FRAME_GAP_MS = 1500;

/** What the overlay draws every frame. */
export interface LiveState extends KindLive {
  readonly ready: boolean;
  readonly issue: GateIssue | undefined;
  /** Joints with a fault in the last rep, to colour on the skeleton. */
  readonly faultJoints: readonly KeypointName[];
  readonly lastFaults: readonly Fault[];
  /** The camera view over the last second (front, side or 3/4), for the set-up tip. */
  readonly view: FrameView;
  /** Seen front-on over the last second: facing the camera or with the back to it. */
  readonly facing: Facing | undefined;
  /**
   * The camera's sideways tilt as read so far (deg, rounded; camera-tilt.ts), for the exercises
   * judged by angles against the picture's level; undefined until read or for other exercises.
   */
  readonly cameraTiltDeg: number | undefined;
  /**
   * The knee angle that matters (the more bent knee), for the overlay: side on and at 3/4 only
   * (facing the camera the picture does not show the knee's bend), for exercises that bend the knees.
   */
  readonly keyAngle:
    | {
        readonly deg: number;
        readonly at: KeypointName;
        /** The frame it was measured on: drawn only on that frame's pose. */
        readonly atMs: number;
      }
    | undefined;
}

/**
 * Exercises whose knee angle says something: those moving the hips (squat, lunge) and the held
 * stances. Not calf and tibialis raises (the knee stays straight), circles or walks.
 */
function bendsTheKnees(exercise: ExerciseDef): boolean {
  if (exercise.kind === 'reps') return followsTheHips(exercise.signal);
  return exercise.kind === 'hold';
}

/**
 * Exercises judged by angles against the picture's level and vertical: the squat's depth and lean,
 * a hold's trunk and thigh bounds. A lunge's knee angle and a calf raise's heel are not: a tilted
 * camera turns their lines alike.
 */
function readsAnglesAgainstLevel(exercise: ExerciseDef): boolean {
  if (exercise.kind === 'hold') return true;
  return (
    exercise.kind === 'reps' && exercise.checks.some((c) => c === 'depth' || c === 'forward-lean')
  );
}

/** How an analyzer is set up besides the exercise and its prescription. */
export interface AnalyzerOptions {
  /** The model sees heels and toes (BlazePose); MoveNet does not. Default true. */
  readonly modelHasFeet?: boolean;
  /**
   * The model that gave the poses, for checks whose limits allow for how a model reads a joint
   * (the heel: checks/heel-lift.ts). Default BlazePose full, the model the checks were measured on.
   */
  readonly poseModel?: ModelId;
  /** How strictly form is judged (checks/thresholds.ts). Default standard. */
  readonly strictness?: Strictness;
  /**
   * Told each judged rep's context and verdicts (rep exercises only): the eval measures other
   * candidate measures on the same frames (src/eval/image-or-world.ts).
   */
  readonly onRepJudged?: RepObserver;
  /**
   * The view the person was asked to film this set from, when it is not the exercise's best: a
   * form check's part (the squat's second part is side on). A set filmed from another view gets a
   * note saying which checks that view hid. Default: the exercise's best view.
   */
  readonly askedView?: CameraView;
  /** Which of a form check's parts this set is (1-based), for that note. */
  readonly part?: number;
}

function kindAnalyzer(
  exercise: ExerciseDef,
  prescription: Prescription,
  strictness: Strictness,
  onRepJudged: RepObserver | undefined,
  poseModel: ModelId | undefined,
): KindAnalyzer {
  switch (exercise.kind) {
    case 'reps':
      return new RepAnalyzer(
        exercise,
        prescription.kind === 'reps' ? prescription : exercise.prescription,
        strictness,
        onRepJudged,
        poseModel,
      );
    case 'hold':
      return new HoldAnalyzer(exercise, strictness);
    case 'circles':
      return new CircleAnalyzer(exercise, strictness);
    case 'walk':
      return new WalkAnalyzer(exercise);
  }
}

/**
 * The engine for one set of one exercise: poses in, events and a live state out, a report at the
 * end. The shared front end (gate → features → signal → view) feeds one small analyzer per kind.
 * Pure: no clock (time comes from pose timestamps), no DOM, no tfjs.
 */
export class ExerciseAnalyzer {
  private readonly front: FrontEnd;
  private readonly kind: KindAnalyzer;
  private readonly faults: Fault[] = [];
  private readonly notes: string[] = [];
  private readonly setup = new SetupSummary();
  private issue: GateIssue | undefined;
  private firstMs: number | undefined;
  private lastMs: number | undefined;
  private lastFaults: readonly Fault[] = [];

  readonly strictness: Strictness;
  private readonly askedView: CameraView | undefined;
  private readonly part: number | undefined;

  constructor(
    readonly exercise: ExerciseDef,
    readonly prescription: Prescription = exercise.prescription,
    options: AnalyzerOptions = {},
  ) {
    this.strictness = options.strictness ?? DEFAULT_STRICTNESS;
    const modelHasFeet = options.modelHasFeet ?? true;
    this.front = new FrontEnd({
      required: exercise.required,
      readsAFootHeldUp: MODELS[options.poseModel ?? DEFAULT_MODEL].liftsAStandingFoot !== true,
      ...(exercise.kind === 'reps'
        ? {
            signal: exercise.signal,
            ...(exercise.startPose === undefined
              ? {}
              : { startPose: exercise.startPose, keepBeforeSetUpMs: exercise.counter.maxRepMs }),
          }
        : {}),
    });
    this.kind = kindAnalyzer(
      exercise,
      prescription,
      this.strictness,
      options.onRepJudged,
      options.poseModel,
    );
    this.askedView = options.askedView;
    this.part = options.part;
    if (exercise.needsFeet && !modelHasFeet)
      this.notes.push('This exercise needs heel and toe points: choose a BlazePose model.');
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
    const step = this.front.push(pose, timestampMs, this.kind.live().atStart);
    this.setup.push(timestampMs, step.ready ? 'ready' : step.issue);
    if (!step.ready) {
      if (step.closed) this.kind.onInterrupt(timestampMs, events);
      // No issue: the detector blinked while setting up, and the last cue stands.
      if (step.issue !== undefined && step.issue.kind !== this.issue?.kind)
        events.push({ type: 'setup', issue: step.issue });
      this.issue = step.issue ?? this.issue;
      return this.record(events);
    }
    this.issue = undefined;
    if (step.openedAt !== undefined) {
      events.push({ type: 'ready' });
      this.kind.onReady(step.openedAt.restLevel, step.openedAt.before, events);
    }
    if (step.frame !== undefined) this.kind.onFrame(step.frame, events);
    return this.record(events);
  }

  /** Keeps the faults of this batch for the report and the overlay. */
  private record(events: EngineEvent[]): EngineEvent[] {
    let repFaults: readonly Fault[] = [];
    for (const e of events) {
      if (e.type === 'rep') {
        repFaults = e.rep.faults;
        this.lastFaults = repFaults;
      } else if (e.type === 'fault') {
        this.faults.push(e.fault);
        if (!repFaults.includes(e.fault)) this.lastFaults = [e.fault];
      }
    }
    return events;
  }

  /**
   * Stop judging until the person is set up again (tab hidden, paused, a gap in the frames): a rep
   * in progress is dropped and a hold ends; nothing in between is counted.
   */
  pause(atMs: number = this.lastMs ?? 0, events: EngineEvent[] = []): EngineEvent[] {
    if (this.front.isOpen) this.kind.onInterrupt(atMs, events);
    this.front.close();
    return this.record(events);
  }

  /** The direction the person is asked to circle in now (the app switches it halfway). */
  setCircleDirection(direction: CircleDirection): void {
    if (this.kind instanceof CircleAnalyzer) this.kind.setDirection(direction);
  }

  live(): LiveState {
    const view = this.front.recentView.current();
    return {
      ...this.kind.live(),
      ready: this.front.isOpen,
      issue: this.issue,
      faultJoints: this.lastFaults.flatMap((f) => FAULT_JOINTS[f.code] ?? []),
      lastFaults: this.lastFaults,
      view,
      facing: this.front.recentView.facing(),
      cameraTiltDeg: this.cameraTiltDeg(),
      keyAngle: this.keyAngle(view),
    };
  }

  private cameraTiltDeg(): number | undefined {
    if (!readsAnglesAgainstLevel(this.exercise)) return undefined;
    const deg = this.front.tilt.current();
    return deg === undefined ? undefined : Math.round(deg);
  }

  private keyAngle(view: FrameView): LiveState['keyAngle'] {
    const f = this.front.last;
    if (f === undefined || !bendsTheKnees(this.exercise)) return undefined;
    // The angle in the picture is the knee's bend seen side on, within a few degrees of it at 3/4
    // (a knee bent to 60° with the shin 30° forward reads 63° turned 30° from side on, 68° at
    // 45°). Facing the camera the thigh points at it: at the bottom of the rendered front squat
    // (knees at 90°, exact truth) the picture reads 167-180°, and a real wall sit's knees read
    // 145° once it turns to face the camera (101° turned away from it). Not shown there rather
    // than shown wrong (BlazePose's 3-D reads 135-147° at the rendered 90°: no better).
    if (view !== 'side' && view !== 'three-quarter') return undefined;
    const { left, right } = f.kneeAngleDeg;
    if (left === undefined && right === undefined) return undefined;
    if (right === undefined || (left !== undefined && left <= right))
      return { deg: left ?? 0, at: 'left_knee', atMs: f.timestampMs };
    return { deg: right, at: 'right_knee', atMs: f.timestampMs };
  }

  /** The report so far; call at the end of the video or set (ends a hold in progress). */
  finish(): Report {
    const events: EngineEvent[] = [];
    const kindReport = this.kind.finish(events);
    this.record(events);
    const view = this.front.views.current();
    const facing = this.front.views.facing();
    const notes = [...this.notes, ...(this.kind.notes?.() ?? [])];
    const neverReady = this.setup.note();
    if (neverReady !== undefined) notes.push(neverReady);
    const tilt = this.cameraTiltDeg();
    if (tilt !== undefined && isTiltTold(tilt)) notes.push(tiltNote(tilt));
    const filmed = viewNote({
      exercise: this.exercise,
      askedView: this.askedView,
      part: this.part,
      view,
      facing,
      reps: kindReport.reps ?? [],
      partials: kindReport.partials ?? [],
    });
    if (filmed !== undefined) notes.push(filmed);
    return {
      exercise: this.exercise.id,
      strictness: this.strictness,
      view,
      durationSec:
        this.firstMs === undefined || this.lastMs === undefined
          ? 0
          : round2((this.lastMs - this.firstMs) / 1000),
      ...(facing === undefined ? {} : { facing }),
      faults: [...this.faults],
      ...(tilt === undefined ? {} : { cameraTiltDeg: tilt }),
      notes,
      ...kindReport,
    };
  }
}
