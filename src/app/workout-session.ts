import { ExerciseAnalyzer, type EngineEvent, type LiveState } from '../engine/analyzer.ts';
import type { ExerciseDef, Prescription } from '../engine/exercise-def.ts';
import { phasesLine, phaseWord } from '../engine/phases.ts';
import { CueSelector, issueText, type Utterance } from '../engine/cues.ts';
import type { RepPhase } from '../engine/rep-counter.ts';
import type { Report, RepReport } from '../engine/report.ts';
import { WorkoutFlow, type FlowStep } from '../engine/workout-flow.ts';
import type { Pose } from '../pose/skeleton.ts';
import type { HistoryDb } from '../storage/history-db.ts';
import type { SetRecord } from '../storage/set-record.ts';
import type { OverlayData } from '../overlay/overlay-data.ts';
import type { Voice } from './voice.ts';

/** "Rep 3: down 1.2 s, bottom 0.3 s, up 0.9 s. Knees out: …" */
export function repLine(rep: RepReport, awayWord: 'down' | 'up'): string {
  const phases = phasesLine(rep.phases, awayWord);
  const form = rep.faults.length === 0 ? 'Good form.' : rep.faults.map((f) => f.message).join(' ');
  return `Rep ${rep.index}: ${phases}. ${form}`;
}

export interface SessionOutputs {
  readonly voice: Voice;
  readonly announce: (text: string) => void;
  readonly showGate: (text: string, ok: boolean) => void;
  readonly showSetSummary: (record: SetRecord, final: boolean) => void;
  /** A rep's analysis, as soon as the rep ends. */
  readonly showRep: (text: string) => void;
  readonly saveFailed: (error: unknown) => void;
}

/**
 * One workout of one exercise: poses in, everything the person sees, hears and keeps out.
 * Owns the per-set analyzer, the hands-free flow, the cues and the history writes.
 */
export class WorkoutSession {
  readonly sessionId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private analyzer: ExerciseAnalyzer;
  private readonly flow: WorkoutFlow;
  private readonly cues = new CueSelector();
  private record: SetRecord;
  private lastPose: Pose | null = null;
  private phase: RepPhase = 'rest';
  private phaseSinceMs = 0;
  private cue: string | undefined;
  private paused = false;
  private tooDark = false;
  private people = 1;
  readonly records: SetRecord[] = [];

  constructor(
    readonly exercise: ExerciseDef,
    readonly prescription: Prescription,
    readonly source: 'camera' | 'video',
    private readonly modelHasFeet: boolean,
    private readonly db: HistoryDb,
    private readonly out: SessionOutputs,
  ) {
    this.analyzer = this.newAnalyzer();
    this.flow = new WorkoutFlow(exercise, prescription);
    this.record = this.newRecord(1);
  }

  private newAnalyzer(): ExerciseAnalyzer {
    return new ExerciseAnalyzer(this.exercise, this.prescription, {
      modelHasFeet: this.modelHasFeet,
    });
  }

  private newRecord(set: number): SetRecord {
    return {
      id: `${this.sessionId}:${set}`,
      sessionId: this.sessionId,
      set,
      exerciseId: this.exercise.id,
      exerciseName: this.exercise.name,
      prescription: this.prescription,
      startedAtMs: Date.now(),
      completed: false,
      reps: [],
      holds: [],
      heldSeconds: 0,
      circles: { clockwise: 0, anticlockwise: 0 },
      steps: 0,
      faults: [],
      source: this.source,
    };
  }

  private get awayWord(): 'down' | 'up' {
    return this.exercise.kind === 'reps' ? this.exercise.awayWord : 'down';
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Hidden tab, the space bar, a camera gone: stop judging; nothing in between is counted. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) this.analyzer.pause();
    this.out.showGate(paused ? 'Paused. Press space to resume.' : 'Get into position.', false);
  }

  /** One analysed frame (camera or video). */
  onPose(pose: Pose | null, timestampMs: number): void {
    if (this.paused) return;
    this.lastPose = pose;
    const events = this.analyzer.push(pose, timestampMs);
    const live = this.analyzer.live();
    this.trackPhase(live, timestampMs);
    this.handle(events, timestampMs, live);
    if (this.source === 'camera') this.applyFlow(this.flow.tick(timestampMs, live));
  }

  private trackPhase(live: LiveState, nowMs: number): void {
    if (live.phase !== this.phase) {
      this.phase = live.phase;
      this.phaseSinceMs = nowMs;
    }
  }

  private handle(events: readonly EngineEvent[], nowMs: number, live: LiveState): void {
    let changed = false;
    for (const e of events) {
      if (e.type === 'rep') {
        this.record = {
          ...this.record,
          reps: [...this.record.reps, e.rep],
          faults: [...this.record.faults, ...e.rep.faults],
        };
        this.out.announce(
          `Rep ${e.rep.index}${e.rep.faults.length > 0 ? `: ${e.rep.faults.map((f) => f.message).join(' ')}` : ''}`,
        );
        this.out.showRep(repLine(e.rep, this.awayWord));
        changed = true;
      } else if (e.type === 'hold-end') {
        this.record = {
          ...this.record,
          holds: [...this.record.holds, e.hold],
          heldSeconds: this.record.heldSeconds + e.hold.seconds,
        };
        this.out.announce(`Held ${e.hold.seconds.toFixed(0)} seconds`);
        changed = true;
      } else if (e.type === 'circle' || e.type === 'step') {
        this.record = { ...this.record, circles: { ...live.circles }, steps: live.steps };
        this.out.announce(`${e.type === 'circle' ? 'Circle' : 'Step'} ${e.count}`);
        changed = true;
      } else if (e.type === 'fault' && e.fault.rep === undefined) {
        this.record = { ...this.record, faults: [...this.record.faults, e.fault] };
        changed = true;
      }
    }
    if (changed) this.save();
    if (this.source === 'video') return;
    const utterances = this.cues.select(events, nowMs);
    if (live.holdCue !== undefined && this.exercise.kind === 'hold' && live.ready)
      this.cues.offer(utterances, live.holdCue, nowMs);
    this.speak(utterances);
    this.cue =
      live.issue !== undefined
        ? issueText(live.issue)
        : (live.holdCue ?? live.lastFaults.find((f) => f.severity === 'warn')?.message);
    this.out.showGate(this.gateText(live), live.ready);
  }

  /** From the worker's people count (about once a second). */
  setPeopleCount(count: number): void {
    this.people = count;
  }

  /** From the light meter (about once a second). */
  setTooDark(tooDark: boolean): void {
    this.tooDark = tooDark;
  }

  private gateText(live: LiveState): string {
    const phase = this.flow.view().phase;
    if (phase === 'done') return 'Workout done.';
    if (phase === 'rest') return 'Rest. The next set starts by itself.';
    if (phase === 'countdown') return 'Get ready…';
    const warnings =
      (this.tooDark ? ' It is too dark: turn on a light or face a window.' : '') +
      (this.people > 1
        ? ` I can see ${this.people} people: ask the others to step out of view (I follow the most visible one).`
        : '');
    if (!live.ready) return `${this.cue ?? 'Get into position.'}${warnings}${this.viewHint(live)}`;
    if (phase === 'setup' && warnings !== '') return `Ready…${warnings}`;
    return phase === 'setup' ? `Ready: hold still…${this.viewHint(live)}` : 'Tracking';
  }

  /** The exercise is judged best from one view: say so while setting up (it does not block). */
  private viewHint(live: LiveState): string {
    const want = this.exercise.view;
    if (
      want === 'any' ||
      live.view === 'unknown' ||
      live.view === 'three-quarter' ||
      live.view === want
    )
      return '';
    return want === 'side' ? ' Tip: turn side-on to the camera.' : ' Tip: face the camera.';
  }

  private speak(utterances: readonly Utterance[]): void {
    for (const u of utterances) {
      this.out.voice.say(u);
      if (u.priority === 'cue') this.out.announce(u.text);
    }
  }

  private applyFlow(step: FlowStep): void {
    for (const text of step.say) this.speak([{ text, priority: 'cue' }]);
    this.analyzer.setCircleDirection(this.flow.view().direction);
    if (step.setEnded !== undefined) this.finishSet(this.flow.view().phase === 'done');
    if (step.go === true) {
      // The set-up analyzer only judged the set-up; the set is counted from "Go!".
      this.analyzer = this.newAnalyzer();
      this.record = { ...this.newRecord(this.flow.view().set) };
    }
    if (step.newSet === true) {
      this.analyzer = this.newAnalyzer();
      this.record = this.newRecord(this.flow.view().set);
    }
  }

  /** The person ends the set now (button or key). */
  endSet(nowMs: number): void {
    this.applyFlow(this.flow.endSet(nowMs));
  }

  skipRest(nowMs: number): void {
    this.applyFlow(this.flow.skipRest(nowMs));
  }

  private finishSet(final: boolean): void {
    const report = this.analyzer.finish();
    this.record = {
      ...this.record,
      completed: true,
      holds: report.holds ?? this.record.holds,
      heldSeconds: report.heldSeconds ?? this.record.heldSeconds,
    };
    this.records.push(this.record);
    this.save();
    this.out.showSetSummary(this.record, final);
  }

  /** A recorded video ends: its report, stored as one set. */
  finishVideo(): Report {
    const report = this.analyzer.finish();
    this.record = {
      ...this.record,
      completed: true,
      reps: report.reps ?? [],
      holds: report.holds ?? [],
      heldSeconds: report.heldSeconds ?? 0,
      circles: report.circles ?? this.record.circles,
      steps: report.steps ?? 0,
      faults: report.faults,
    };
    this.records.push(this.record);
    this.save();
    this.out.showSetSummary(this.record, true);
    return report;
  }

  private save(): void {
    this.db.save(this.record).catch((error: unknown) => this.out.saveFailed(error));
  }

  overlay(mirrored: boolean, nowMs: number): OverlayData {
    const live = this.analyzer.live();
    const p = this.prescription;
    const tempo = p.kind === 'reps' ? p.tempo : undefined;
    const phaseTargetSec =
      tempo === undefined
        ? undefined
        : {
            down: tempo.lowerSec,
            bottom: tempo.bottomSec,
            up: tempo.riseSec === 'fast' ? 1 : tempo.riseSec,
            top: tempo.topSec,
          }[phaseWord(live.phase, this.awayWord)];
    const target: { reps?: number; holdSec?: number } =
      p.kind === 'reps' ? { reps: p.reps } : p.kind === 'hold' ? { holdSec: p.holdSec } : {};
    return {
      pose: this.lastPose,
      mirrored,
      live,
      flow: this.flow.view(),
      exerciseName: this.exercise.name,
      kind: this.exercise.kind,
      target,
      angle:
        live.keyAngle === undefined
          ? undefined
          : { label: 'knee', deg: live.keyAngle.deg, at: live.keyAngle.at },
      cue: this.cue,
      awayWord: this.awayWord,
      phaseTargetSec: phaseTargetSec === 0 ? undefined : phaseTargetSec,
      phaseSec: Math.max(0, (nowMs - this.phaseSinceMs) / 1000),
    };
  }
}
