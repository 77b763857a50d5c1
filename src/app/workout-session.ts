import type { ModelId } from '../pose/model-catalog.ts';
import { ExerciseAnalyzer, type EngineEvent, type LiveState } from '../engine/analyzer.ts';
import { isTiltTold, TILT_CUE, tiltNote } from '../engine/camera-tilt.ts';
import type { Strictness } from '../engine/checks/thresholds.ts';
import { CueSelector, firstToFix, issueText, type Utterance } from '../engine/cues.ts';
import type { Fault } from '../engine/faults.ts';
import type { ExerciseDef, Prescription } from '../engine/exercise-def.ts';
import { formCheckLines, type FormCheckLine } from '../engine/form-check.ts';
import {
  formCheckPlan,
  type FormCheckPart,
  type FormCheckPlan,
} from '../engine/form-check-plan.ts';
import { movementMismatch } from '../engine/movement-match.ts';
import { OTHERS_IN_VIEW_CUE, othersInViewNote } from '../engine/others-in-view.ts';
import type { RepPhase } from '../engine/rep-events.ts';
import type { Report } from '../engine/report.ts';
import { setEndWords, setFix } from '../engine/set-end-words.ts';
import {
  countHiddenByView,
  FIRST_COUNT_DUE_SEC,
  HIDDEN_COUNT_CUE,
  hiddenCountText,
  SIZE_REASONS,
} from '../engine/view-tip.ts';
import { WorkoutFlow, type FlowStep } from '../engine/workout-flow.ts';
import { overlayData, type OverlayData } from '../overlay/overlay-data.ts';
import type { Pose } from '../pose/skeleton.ts';
import { completeRecord, foldEvents, videoRecord } from '../storage/fold-events.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import { joinParts, newSetRecord, type SetRecord } from '../storage/set-record.ts';
import { formCheckPrescription, TURN_WORDS } from './form-check-prescription.ts';
import { BLACK_PICTURE, gateLine, tiltHint } from './gate-line.ts';
import { circleLine, holdLine } from './hold-circle-lines.ts';
import { DARK_SET_AFTER_MS, DARK_SET_CUE, darkSetNote, type Light } from './light-meter.ts';
import { RecordedPoses } from './recorded-poses.ts';
import { repLine } from './rep-line.ts';
import type { Voice } from './voice.ts';

export interface SessionOutputs {
  readonly voice: Voice;
  readonly announce: (text: string) => void;
  readonly showGate: (text: string, ok: boolean) => void;
  /** Where to stand: the exercise's words, or the form check's part's (front, then side on). */
  readonly showPlacement: (text: string) => void;
  /** A rep's analysis, as soon as the rep ends. */
  readonly showRep: (text: string) => void;
  /** A set ended: its record, whether it was the last, and whether it is in the history. */
  readonly setDone: (record: SetRecord, final: boolean, saved: boolean) => void;
  /**
   * A form check is over: the last part's report, the card's lines, and the notes of the whole
   * check (every part's, and those kept during a part, such as someone else coming into view).
   */
  readonly formCheckDone: (
    report: Report,
    lines: readonly FormCheckLine[],
    notes: readonly string[],
  ) => void;
}

export interface SessionOptions {
  readonly source: 'camera' | 'video';
  /** A counted workout, or a form check (a few reps, then a verdict card; not saved unless asked). */
  readonly mode: 'workout' | 'form-check';
  readonly modelHasFeet: boolean;
  /** The model giving the poses (checks allow for how it reads a joint); default BlazePose full. */
  readonly poseModel?: ModelId;
  readonly strictness: Strictness;
  readonly store: HistoryStore;
  readonly routine?: string;
  readonly sessionId?: string;
  /** A form check's parts already done: this session does the rest (its last part, again). */
  readonly formCheckSoFar?: FormCheckSoFar;
}

/** The parts of a form check done so far, kept when its last part is done again. */
export interface FormCheckSoFar {
  readonly reports: readonly Report[];
  readonly records: readonly SetRecord[];
  /** Their poses, for the card's stills. */
  readonly poses: readonly { readonly t: number; readonly pose: Pose }[];
}

/** The counts and faults the overlay shows before a set's "Go!". */
const NOTHING_COUNTED = {
  faultJoints: [],
  lastFaults: [],
  repCount: 0,
  heldSec: 0,
  holdSec: 0,
  holding: false,
  circles: { clockwise: 0, anticlockwise: 0 },
  steps: 0,
} as const;

/**
 * A pose older than this is not drawn (ms): as long as the watchdog lets a camera go without a
 * pose before asking whether the worker is alive (`WORKER_QUIET_MS`, live-loop.ts).
 */
export const STALE_POSE_MS = 1000;

/** Poses a form check keeps for its stills (ms; a check is a few reps, from one or two views). */
const POSE_MEMORY_MS = 240_000;

/**
 * One workout of one exercise, or one form check: poses in, everything the person sees, hears and
 * keeps out. Owns the per-set analyzer, the hands-free flow, the cues and the history writes.
 */
export class WorkoutSession {
  readonly sessionId: string;
  readonly prescription: Prescription;
  private analyzer: ExerciseAnalyzer;
  private readonly flow: WorkoutFlow;
  private readonly cues = new CueSelector();
  private record: SetRecord;
  private lastPose: Pose | null = null;
  /** When the last pose was seen (the frame's time, as the analyzer was given it). */
  private lastPoseMs: number | undefined;
  /** The last frame's time before a pause, until the first frame after it. */
  private pausedAfterMs: number | undefined;
  private readonly poses: { t: number; pose: Pose }[] = [];
  private phase: RepPhase = 'rest';
  private phaseSinceMs = 0;
  private cue: string | undefined;
  private paused = false;
  /** Notes on a recorded video itself (it could not be read to its end). */
  private readonly videoNotes: string[] = [];
  /** How strictly the next set is judged: changed in Settings, it applies from the next set. */
  private strictness: Strictness;
  /** The pose model the next set is judged for: changed in Settings, from the next set too. */
  private model: { readonly id: ModelId | undefined; readonly hasFeet: boolean };
  /** What the pause is said as: the space bar, a hidden tab, the camera gone. */
  private pausedWhy = '';
  private light: Light = 'ok';
  private people = 1;
  /** Why nothing is counted, when the view hides the count (view-tip.ts); until a rep is. */
  private hiddenCount: string | undefined;
  /** This set's "nothing counted yet" has been given (once a set). */
  private nothingCountedSaid = false;
  /** Someone else was seen in view during this set (said once, kept as a note on the set). */
  private othersSeen = false;
  /** Since when the picture has been too dark (undefined: lit), and whether this set noted it. */
  private darkSinceMs: number | undefined;
  private darkNoted = false;
  /**
   * The camera's sideways tilt as last read (deg; camera-tilt.ts), kept across the set-up's and the
   * sets' analyzers: it is read while the person faces the camera, usually while setting up, and a
   * side-on set that follows is judged through the same camera.
   */
  private tiltDeg: number | undefined;
  /** The tilt has been said aloud (once a session). */
  private tiltSaid = false;
  readonly records: SetRecord[] = [];
  /** A form check's reports of the parts done so far (one per view), and their records. */
  private readonly checkParts: Report[] = [];
  private readonly checkRecords: SetRecord[] = [];
  /** A form check's parts: the view of each and what the person is asked to do. */
  private readonly plan: FormCheckPlan;
  /** A recorded video's poses, for its report's check against other exercises. */
  private readonly recorded: RecordedPoses | undefined;

  constructor(
    readonly exercise: ExerciseDef,
    prescription: Prescription,
    private readonly options: SessionOptions,
    private readonly out: SessionOutputs,
  ) {
    this.plan = formCheckPlan(exercise);
    this.strictness = options.strictness;
    this.model = { id: options.poseModel, hasFeet: options.modelHasFeet };
    this.recorded = options.source === 'video' ? new RecordedPoses(options.poseModel) : undefined;
    this.prescription =
      options.mode === 'form-check' ? formCheckPrescription(exercise, this.plan) : prescription;
    this.sessionId =
      options.sessionId ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const soFar = this.isFormCheck ? options.formCheckSoFar : undefined;
    if (soFar !== undefined) {
      this.checkParts.push(...soFar.reports);
      this.checkRecords.push(...soFar.records);
      this.poses.push(...soFar.poses);
    }
    const firstSet = this.checkParts.length + 1;
    this.flow = new WorkoutFlow(exercise, this.prescription, firstSet);
    this.analyzer = this.newAnalyzer();
    this.record = this.newRecord(firstSet);
    this.out.showPlacement(this.isFormCheck ? this.checkPart().placement : exercise.placement);
  }

  private newAnalyzer(): ExerciseAnalyzer {
    return new ExerciseAnalyzer(this.exercise, this.prescription, {
      modelHasFeet: this.model.hasFeet,
      ...(this.model.id === undefined ? {} : { poseModel: this.model.id }),
      strictness: this.strictness,
      // A form check in parts asks each for one view, not always the exercise's best (a squat's
      // second part is side on): the report's view note is held to what the part asked for.
      ...(this.isFormCheck && this.plan.parts.length > 1
        ? { askedView: this.checkPart().view, part: this.flow.view().set }
        : {}),
    });
  }

  private newRecord(set: number): SetRecord {
    return newSetRecord({
      id: `${this.sessionId}:${this.exercise.id}:${set}`,
      sessionId: this.sessionId,
      set,
      exerciseId: this.exercise.id,
      exerciseName: this.exercise.name,
      prescription: this.prescription,
      startedAtMs: Date.now(),
      source: this.options.source,
      strictness: this.strictness,
      ...(this.model.id === undefined ? {} : { poseModel: this.model.id }),
      ...(this.options.routine === undefined ? {} : { routine: this.options.routine }),
    });
  }

  /**
   * Judge from the next set (or form-check part) at this level: the set under way keeps the level
   * it began with, as its record says. Changed in Settings mid-workout, it had waited for the next
   * exercise.
   */
  setStrictness(level: Strictness): void {
    this.strictness = level;
  }

  /**
   * Poses come from another model (picked in Settings): the limits that allow for how a model
   * reads a joint (the heel) and whether it has feet follow from the next set, as the strictness
   * does; the set under way keeps the model its record names.
   */
  setPoseModel(id: ModelId, hasFeet: boolean): void {
    this.model = { id, hasFeet };
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get isFormCheck(): boolean {
    return this.options.mode === 'form-check';
  }

  /** Hidden tab, the space bar, a camera gone: stop judging; nothing in between is counted. */
  setPaused(paused: boolean, why = 'Paused. Press space to resume.'): void {
    // The flow's clock stops from the last frame seen before the pause to the first after it.
    if (paused && !this.paused) this.pausedAfterMs = this.lastPoseMs;
    this.paused = paused;
    this.pausedWhy = why;
    if (paused) this.analyzer.pause();
    this.out.showGate(paused ? why : 'Get into position.', false);
  }

  /**
   * Where the camera's poses go now: `set` counts them into the set's record; `setup` (the
   * set-up and countdown) only opens the gate, so a squat during the countdown is neither spoken
   * nor kept; `over` (the rest after a set, or the workout done) judges nothing, so moving about
   * or walking away cannot add reps to a finished set. A video is one set from start to end.
   */
  private get stage(): 'set' | 'setup' | 'over' {
    if (this.options.source === 'video') return 'set';
    const phase = this.flow.view().phase;
    if (phase === 'set') return 'set';
    return phase === 'rest' || phase === 'done' ? 'over' : 'setup';
  }

  /** One analysed frame (camera or video). */
  onPose(pose: Pose | null, timestampMs: number): void {
    if (this.paused) return;
    if (this.pausedAfterMs !== undefined) {
      this.flow.pausedFor(timestampMs - this.pausedAfterMs);
      this.pausedAfterMs = undefined;
    }
    this.recorded?.push(pose, timestampMs);
    this.lastPose = pose;
    this.lastPoseMs = timestampMs;
    if (this.stage === 'over') {
      // The skeleton is still drawn and the rest timer runs; the finished set's record is final.
      const live = this.analyzer.live();
      this.applyFlow(this.flow.tick(timestampMs, live));
      this.out.showGate(this.gateText(live), true);
      return;
    }
    // Only a form check shows stills; a set keeps no poses.
    if (pose !== null && this.isFormCheck) {
      this.poses.push({ t: timestampMs, pose });
      while ((this.poses[0]?.t ?? timestampMs) < timestampMs - POSE_MEMORY_MS) this.poses.shift();
    }
    const events = this.analyzer.push(pose, timestampMs);
    const live = this.analyzer.live();
    this.tiltDeg = live.cameraTiltDeg ?? this.tiltDeg;
    if (tiltHint(this.tiltDeg) !== '' && !this.tiltSaid && this.options.source === 'camera') {
      this.tiltSaid = true;
      this.speak([{ text: TILT_CUE, priority: 'cue' }]);
    }
    if (live.phase !== this.phase) {
      this.phase = live.phase;
      this.phaseSinceMs = timestampMs;
    }
    this.handle(events, timestampMs, live);
    if (this.options.source === 'camera') this.applyFlow(this.flow.tick(timestampMs, live));
  }

  /** A form check done in more than one part: its last part can be done again alone. */
  get canRedoLastPart(): boolean {
    return this.isFormCheck && this.checkParts.length >= 2;
  }

  /**
   * A finished form check in more than one part, less its last part: what a session that does the
   * last part again (the side-on reps of a squat, say) starts from. Undefined for one part.
   */
  withoutLastPart(): FormCheckSoFar | undefined {
    if (!this.canRedoLastPart) return undefined;
    return {
      reports: this.checkParts.slice(0, -1),
      records: this.checkRecords.slice(0, -1),
      poses: [...this.poses],
    };
  }

  /** The pose seen closest to `timestampMs` (for a still of that moment). */
  poseAt(timestampMs: number): Pose | undefined {
    let best: { t: number; pose: Pose } | undefined;
    for (const p of this.poses)
      if (best === undefined || Math.abs(p.t - timestampMs) < Math.abs(best.t - timestampMs))
        best = p;
    return best?.pose;
  }

  /** Whether the set-up is on (not the countdown, the set or the rest). */
  get settingUp(): boolean {
    return this.flow.view().phase === 'setup';
  }

  /**
   * Whether the people in view should be counted now: while setting up (ask the others to step
   * out) and during a set from the camera (someone who comes into view may be followed instead).
   */
  get watchesForOthers(): boolean {
    return (
      this.options.source === 'camera' && !this.paused && (this.settingUp || this.stage === 'set')
    );
  }

  private handle(all: readonly EngineEvent[], nowMs: number, live: LiveState): void {
    // Before "Go!" only the set-up speaks (what to fix, that the person is ready).
    const events =
      this.stage === 'set' ? all : all.filter((e) => e.type === 'setup' || e.type === 'ready');
    const folded = foldEvents(this.record, events, live);
    this.record = folded.record;
    for (const e of events) {
      if (e.type === 'rep') {
        this.out.announce(
          `Rep ${e.rep.index}${e.rep.faults.length > 0 ? `: ${e.rep.faults.map((f) => f.message).join(' ')}` : ''}`,
        );
        this.out.showRep(repLine(e.rep, this.awayWord));
      } else if (e.type === 'hold-end') {
        this.out.announce(`Held ${e.hold.seconds.toFixed(0)} seconds`);
        this.out.showRep(holdLine(this.record.holds.indexOf(e.hold) + 1, e.hold));
      } else if (e.type === 'circle') {
        this.out.announce(`Circle ${e.count}`);
        // The head is judged as the circle ends: its fault comes with the circle's frame.
        const faults = events.flatMap((f) =>
          f.type === 'fault' && f.fault.code === 'head-bob' ? [f.fault] : [],
        );
        this.out.showRep(circleLine(e.count, e.direction, faults));
      } else if (e.type === 'step') this.out.announce(`Step ${e.count}`);
    }
    if (folded.changed && !this.isFormCheck) void this.options.store.save(this.record);
    if (this.options.source === 'video') return;
    // Said before the cues of the events: of a lift not counted, the view is the reason to give.
    const utterances = this.hiddenCountCue(events, nowMs, live);
    // A black picture is the reason nobody is seen: said in place of the set-up's own words.
    const black = this.light === 'black' && !live.ready;
    utterances.push(
      ...this.cues.select(black ? events.filter((e) => e.type !== 'setup') : events, nowMs),
    );
    if (black) this.cues.offer(utterances, BLACK_PICTURE.said, nowMs);
    // A hold's cue guides the person into the pose while setting up and holds them in it once
    // timed, but never cuts into the countdown: "Hold still" had come between "1" and "Go!" (a
    // downward dog, the person moving from the plank into the dog as the countdown ran).
    if (
      live.holdCue !== undefined &&
      this.exercise.kind === 'hold' &&
      live.ready &&
      this.flow.view().phase !== 'countdown'
    )
      this.cues.offer(utterances, live.holdCue, nowMs);
    this.speak(utterances);
    // A hold shows what to do while it applies ("Stay low." only while the hips are up), not its
    // last fault for the rest of the hold; reps show the last rep's warning until the next rep, from
    // "Go!" (a squat during the countdown is not judged, as it is not counted).
    const shown =
      this.exercise.kind === 'hold'
        ? live.holdCue
        : this.stage === 'set'
          ? this.faultShown(live.lastFaults)
          : undefined;
    this.cue = black
      ? BLACK_PICTURE.shown
      : live.issue !== undefined
        ? issueText(live.issue)
        : (this.hiddenCount ?? shown ?? this.flow.turnWords());
    this.out.showGate(this.gateText(live), live.ready);
  }

  /**
   * A calf raise seen facing the camera, whose feet hide the heels' rise (engine/view-tip.ts): once a
   * lift is let go for its size, or nothing is counted by the time the first reps are due, the
   * screen says why and what to do until a rep is counted or the person turns, and the voice says
   * it in a few words (under the cues' spacing; the nothing-counted case once a set). In a form
   * check too: its reps would not come, and its part's words ("stand side-on") are only on screen.
   */
  private hiddenCountCue(
    events: readonly EngineEvent[],
    nowMs: number,
    live: LiveState,
  ): Utterance[] {
    const out: Utterance[] = [];
    if (this.stage !== 'set' || !live.ready) return out;
    if (
      !countHiddenByView(this.exercise, live.view, live.facing) ||
      events.some((e) => e.type === 'rep')
    ) {
      this.hiddenCount = undefined;
      return out;
    }
    const letGo = events.some((e) => e.type === 'partial' && SIZE_REASONS.includes(e.reason));
    const nothingYet =
      this.record.reps.length === 0 && this.flow.view().setSec >= FIRST_COUNT_DUE_SEC;
    if (letGo || (nothingYet && !this.nothingCountedSaid)) {
      this.nothingCountedSaid ||= nothingYet;
      this.hiddenCount = hiddenCountText(!letGo);
      this.cues.offer(out, HIDDEN_COUNT_CUE, nowMs);
    }
    return out;
  }

  /** The last rep's warning on the canvas: the one the voice says, in full with its numbers. */
  private faultShown(faults: readonly Fault[]): string | undefined {
    const fault = firstToFix(faults);
    return fault?.severity === 'warn' ? fault.message : undefined;
  }

  /**
   * From the worker's people count (while setting up, and every 2 s of a set or of a video).
   * Someone else in view during a set is said once and kept as a note on the set
   * (engine/others-in-view.ts); a video's is kept on its report, silently.
   */
  setPeopleCount(count: number): void {
    this.people = count;
    if (count < 2 || this.othersSeen || this.stage !== 'set') return;
    this.othersSeen = true;
    // A form check's reps are numbered on across its parts (as kept and shown on the card).
    const before = this.checkRecords.reduce((n, r) => n + r.reps.length, 0);
    const note = othersInViewNote(this.exercise.kind, before + this.record.reps.length);
    this.record = { ...this.record, notes: [...(this.record.notes ?? []), note] };
    if (this.source === 'video') return;
    if (!this.isFormCheck) void this.options.store.save(this.record);
    this.speak([{ text: OTHERS_IN_VIEW_CUE, priority: 'cue' }]);
  }

  /**
   * From the light meter (four times a second). A picture too dark through `DARK_SET_AFTER_MS` of
   * a set is said once and kept as a note on the set, as someone else in view is.
   */
  setLight(light: Light, nowMs: number): void {
    this.light = light;
    if (light === 'ok') {
      this.darkSinceMs = undefined;
      return;
    }
    this.darkSinceMs ??= nowMs;
    if (this.darkNoted || this.stage !== 'set' || nowMs - this.darkSinceMs < DARK_SET_AFTER_MS)
      return;
    this.darkNoted = true;
    const before = this.checkRecords.reduce((n, r) => n + r.reps.length, 0);
    const note = darkSetNote(this.exercise.kind === 'reps', before + this.record.reps.length);
    this.record = { ...this.record, notes: [...(this.record.notes ?? []), note] };
    if (!this.isFormCheck) void this.options.store.save(this.record);
    this.speak([{ text: DARK_SET_CUE, priority: 'cue' }]);
  }

  private gateText(live: LiveState): string {
    return gateLine({
      flow: this.flow.view(),
      ...(this.isFormCheck ? { checkInstruction: this.checkPart().instruction } : {}),
      wantView: this.isFormCheck ? this.checkPart().view : this.exercise.view,
      view: live.view,
      ready: live.ready,
      people: this.people,
      light: this.light,
      cue: this.cue,
      tiltDeg: this.tiltDeg,
      countHidden: this.hiddenCount !== undefined,
    });
  }

  /** The part of the form check on now (or next, during the turn between parts). */
  private checkPart(): FormCheckPart {
    const { parts } = this.plan;
    const part = parts[Math.min(this.flow.view().set, parts.length) - 1] ?? parts[0];
    if (part === undefined) throw new Error(`No form check for ${this.exercise.id}`);
    return part;
  }

  /**
   * The set's report with the tilt read while setting up, when the set's own analyzer (from "Go!")
   * never saw the person face the camera (a side-on set).
   */
  private withTilt(report: Report): Report {
    const deg = this.tiltDeg;
    if (report.cameraTiltDeg !== undefined || deg === undefined) return report;
    return {
      ...report,
      cameraTiltDeg: deg,
      notes: isTiltTold(deg) ? [...report.notes, tiltNote(deg)] : report.notes,
    };
  }

  private get awayWord(): 'down' | 'up' {
    return this.exercise.kind === 'reps' ? this.exercise.awayWord : 'down';
  }

  private speak(utterances: readonly Utterance[]): void {
    for (const u of utterances) {
      this.out.voice.say(u);
      if (u.priority === 'cue') this.out.announce(u.text);
    }
  }

  private applyFlow(step: FlowStep): void {
    const final = this.flow.view().phase === 'done';
    if (step.setEnded !== undefined && !this.isFormCheck) {
      // The set's own words: what to fix over the whole set, or the flow's when nothing was.
      const fix = setFix(this.finishSet(final));
      this.speak([{ text: setEndWords(step.setEnded, final, fix), priority: 'cue' }]);
    } else {
      for (const text of this.isFormCheck ? this.formCheckWords(step) : step.say)
        this.speak([{ text, priority: 'cue' }]);
      if (step.setEnded !== undefined) this.finishSet(final);
    }
    this.analyzer.setCircleDirection(this.flow.view().direction);
    // The turn between a form check's parts: where to stand for the next one.
    if (step.setEnded !== undefined && this.isFormCheck && this.flow.view().phase === 'rest')
      this.out.showPlacement(this.checkPart().placement);
    // The line under the picture moves on with the set ("Rest…", "Workout done."): once the
    // workout is done no frame follows to show it (the detector rests).
    if (step.setEnded !== undefined) this.out.showGate(this.gateText(this.analyzer.live()), true);
    if (step.go === true || step.newSet === true) {
      // The set-up analyzer only judged the set-up; the set is counted from "Go!".
      this.analyzer = this.newAnalyzer();
      this.record = this.newRecord(this.flow.view().set);
      this.othersSeen = false;
      this.darkNoted = false;
      this.hiddenCount = undefined;
      this.nothingCountedSaid = false;
    }
  }

  /** The person ends the set now (button or key). */
  endSet(nowMs: number): void {
    // A recorded video is one set, ended by the video (finishVideo).
    if (this.source === 'video') return;
    this.applyFlow(this.flow.endSet(nowMs));
  }

  /** Where the poses come from: the camera, live, or a recorded video analysed whole. */
  get source(): 'camera' | 'video' {
    return this.options.source;
  }

  skipRest(nowMs: number): void {
    this.applyFlow(this.flow.skipRest(nowMs));
  }

  /**
   * A form check's parts are not sets: between them the person is told to turn. At the end the
   * card says what was found (workout-view.ts), not the flow's "Workout done".
   */
  private formCheckWords(step: FlowStep): readonly string[] {
    const { phase } = this.flow.view();
    if (step.setEnded !== undefined && phase === 'rest')
      return [`Part ${step.setEnded} done. ${this.checkPart().instruction}`];
    if (step.newSet === true || phase === 'done') return [];
    return step.say;
  }

  /** Ends the set: its report, kept in the record (and the history, or the form check's parts). */
  private finishSet(final: boolean): Report {
    const report = this.withTilt(this.analyzer.finish());
    this.record = completeRecord(this.record, report);
    if (this.isFormCheck) {
      this.checkParts.push(report);
      this.checkRecords.push(this.record);
      if (final)
        this.out.formCheckDone(
          report,
          formCheckLines(this.exercise, this.checkParts),
          joinParts(this.checkRecords).notes ?? [],
        );
      return report;
    }
    this.records.push(this.record);
    const record = this.record;
    void this.options.store
      .save(record)
      .then((saved) =>
        this.out.setDone(record, final, saved && this.options.store.isSaved(record.id)),
      );
    return report;
  }

  /** A note on the recorded video itself (it could not be read to its end), for its report. */
  noteVideo(note: string): void {
    this.videoNotes.push(note);
  }

  /** A recorded video ends: its report, stored as one set (or as a form check's verdict). */
  async finishVideo(): Promise<Report> {
    const analysed = this.analyzer.finish();
    // Notes kept during the video (someone else came into view) first, as `formcheck analyze`
    // gives them (engine/analyze-track.ts); then, as there, what the movement looks like when it
    // does not look like the exercise (the engine's notes may already say it: each once).
    const mismatch =
      this.recorded === undefined
        ? undefined
        : movementMismatch(this.recorded.track(''), this.exercise.id, analysed);
    const kept = completeRecord(this.record, analysed).notes ?? [];
    const report = {
      ...analysed,
      notes: [
        ...new Set([...this.videoNotes, ...kept, ...(mismatch === undefined ? [] : [mismatch])]),
      ],
    };
    if (this.isFormCheck) {
      this.out.formCheckDone(report, formCheckLines(this.exercise, report), report.notes);
      return report;
    }
    this.record = videoRecord(this.record, report);
    this.records.push(this.record);
    const saved = await this.options.store.save(this.record);
    this.out.setDone(this.record, true, saved && this.options.store.isSaved(this.record.id));
    return report;
  }

  /** Keeps a form check in the history (with its stills, the reps of every part), when asked to. */
  async saveFormCheck(lines: readonly (FormCheckLine & { still?: string })[]): Promise<boolean> {
    const parts = this.checkRecords.length > 0 ? this.checkRecords : [this.record];
    const record: SetRecord = { ...joinParts(parts), formCheck: lines };
    return (await this.options.store.save(record)) && this.options.store.isSaved(record.id);
  }

  overlay(mirrored: boolean, nowMs: number): OverlayData {
    const measured = this.analyzer.live();
    // A pose that old is no longer where the person is (the detector stopped or is restarting, the
    // set is paused): a skeleton standing over someone squatting would be a lie, so none is drawn.
    const fresh = this.lastPoseMs !== undefined && nowMs - this.lastPoseMs <= STALE_POSE_MS;
    // The knee angle beside the skeleton is the one measured on the pose drawn: during the rest
    // the analyzer is given no frames, and the last set's angle would sit on a person moving about
    // (seen: "179°" beside a knee bent on all fours after a downward dog).
    const live =
      measured.keyAngle !== undefined && (!fresh || measured.keyAngle.atMs !== this.lastPoseMs)
        ? { ...measured, keyAngle: undefined }
        : measured;
    return overlayData({
      exercise: this.exercise,
      prescription: this.prescription,
      pose: fresh ? this.lastPose : null,
      mirrored,
      // Before "Go!" nothing is counted, whatever the set-up analyzer saw.
      live: this.stage === 'setup' ? { ...live, ...NOTHING_COUNTED } : live,
      flow: this.flow.view(),
      formCheck: this.isFormCheck,
      recorded: this.options.source === 'video',
      ...(this.isFormCheck ? { restLabel: TURN_WORDS[this.checkPart().view] } : {}),
      cue: this.cue,
      ...(this.paused ? { paused: this.pausedWhy } : {}),
      // The clock the rep's line is timed by: on the ways there and back faster than the wall's,
      // as the counter sees only their middle (rep-counter.md, "Phases: whole movements").
      phaseSec: ((nowMs - this.phaseSinceMs) / 1000) * live.phaseClock,
    });
  }
}
