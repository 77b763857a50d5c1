import { msToSec, round2 } from '../../geometry/stats.ts';
import { judgeRep } from '../checks/judge-rep.ts';
import { depthRecord } from '../checks/depth-record.ts';
import { repHeight } from '../checks/rep-height.ts';
import { standingOf, type Standing } from '../checks/standing.ts';
import type { Strictness } from '../checks/thresholds.ts';
import { DEFAULT_MODEL, MODELS, type ModelId } from '../../pose/model-catalog.ts';
import type { EngineEvent } from '../engine-event.ts';
import type { RepsExercise, RepsPrescription } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { phasesInWords } from '../phases.ts';
import { QuickLifts, quickLiftFault } from '../quick-lifts.ts';
import { RepCounter } from '../rep-counter.ts';
import { sameMovement } from '../same-movement.ts';
import type { CountedRep, PartialReason, RepEvent, RepPhase } from '../rep-events.ts';
import type { RepReport } from '../report.ts';
import { followsTheHips, hasSecondSignal, readsByTheView, secondLiftCounts } from '../signals.ts';
import { TurnWatch } from '../turn-watch.ts';
import { feetStayedPlanted, pivotsOnTheBalls } from '../feet-planted.ts';
import { stanceMismatch } from '../stance-split.ts';
import type { PreviousRep, RepContext } from '../checks/rep-context.ts';
import type { Verdict } from '../checks/verdict.ts';
import { viewOfFrames, type FrameView } from '../view.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** Told each judged rep's context and verdicts (the eval compares measures on them). */
export type RepObserver = (ctx: RepContext, verdicts: readonly Verdict[]) => void;

/** Frames kept beyond the longest rep the counter accepts, for the checks' windows. */
const KEEP_EXTRA_MS = 2000;

/** The counter's reasons for letting a lift go that make it part of a quick run (rep-counter.ts). */
const QUICK_REASONS: ReadonlySet<PartialReason> = new Set<PartialReason>([
  'too small',
  'too quick',
  'much smaller than your other reps',
]);

/** The first counter's signal on the frame nearest this time. */
function firstSignalNear(frames: readonly AnalyzedFrame[], ms: number): number | undefined {
  let best: AnalyzedFrame | undefined;
  for (const f of frames)
    if (
      f.signal !== undefined &&
      (best === undefined || Math.abs(f.timestampMs - ms) < Math.abs(best.timestampMs - ms))
    )
      best = f;
  return best?.signal;
}

/** How far back before a rep the start position is looked for. */
const STANDING_WINDOW_MS = 3000;

/** The time a counted rep spans, as seen by either counter (ms). */
interface Movement {
  startMs: number;
  endMs: number;
}
/**
 * Which counter counted a rep: the first, on the exercise's signal, or the second (hip signals
 * against the shank seen at rest; calf raises with the body's rise added: signals.ts).
 */
type Counter = 'first' | 'second';

/**
 * Counts reps on the exercise's signal and judges each one as it ends. Hip-drop exercises count on
 * two rulers at once (rep-counter.md, "Two rulers"), calf raises on the heels and on the heels with
 * the body's rise ("A calf raise lifts the whole body"): a rep either counter sees is a rep, and
 * one both see is counted once.
 */
export class RepAnalyzer implements KindAnalyzer {
  private readonly counter: RepCounter;
  /** The second counter, on the second signal (signals.ts, `hasSecondSignal`). */
  private readonly secondCounter: RepCounter | undefined;
  /** Frames in the start position (between reps), for the checks' baseline. */
  private readonly restFrames: AnalyzedFrame[] = [];
  private readonly recent: AnalyzedFrame[] = [];
  /** The last start position seen long enough: reps with no pause at the top judge against it. */
  private standing: Standing | undefined;
  private readonly reps: RepReport[] = [];
  /** The time each counted rep spans, as seen by either counter (ms). */
  private readonly movements: Movement[] = [];
  /** Each counter's last counted rep, and the movement it was counted as. */
  private readonly lastCounted = new Map<Counter, { endMs: number; movement: Movement }>();
  private readonly partials: { startMs: number; atMs: number; reason: string }[] = [];
  /** Calf-raise "reps" let go because the feet moved: steps, not raises. */
  private readonly steps: Movement[] = [];
  /** Let go by the first counter, not yet announced: the second may still count them. */
  private pending: Extract<RepEvent, { type: 'partial' }>[] = [];
  /** Uncounted lifts in a quick rhythm: bouncing, pulsing. */
  private readonly quickLifts = new QuickLifts();
  /**
   * Each counter's largest rep so far from each view: the two signals' amplitudes are not on one
   * scale, and nor are one signal's from two views (the heel's rise reads by the view: form-checks.md,
   * "Tempo and height").
   */
  private readonly bestAmplitude = new Map<`${Counter} ${FrameView}`, number>();
  /**
   * The frames (ms) on which every counter that read the frame was back in the start position: a
   * rep that leaves from one of them is a new movement, even on the frame the last one closed.
   */
  private readonly atStartMs: number[] = [];
  /** Whether the last frame was one of those (true until a frame is analysed after set-up). */
  private lastAtStart = true;
  /**
   * The recording began part-way through a rep: its frames replayed from before set-up end here
   * (ms). They are its descent and bottom, never the start position the checks judge against, and
   * the first rep counted from them is that rep.
   */
  private beganBeforeRecordingUntilMs: number | undefined;
  /** The last rep counted, until an interruption. */
  private previous: PreviousRep | undefined;
  /**
   * Whether the person just turned, for signals read by the view, with a model that reads the
   * turn (undefined: not watched).
   */
  private readonly turnWatch: TurnWatch | undefined;

  constructor(
    private readonly exercise: RepsExercise,
    private readonly prescription: RepsPrescription,
    private readonly strictness: Strictness,
    private readonly onRepJudged?: RepObserver,
    private readonly poseModel?: ModelId,
  ) {
    this.counter = new RepCounter(exercise.counter, exercise.startPose);
    this.secondCounter = hasSecondSignal(exercise.signal)
      ? new RepCounter(exercise.counter, exercise.startPose)
      : undefined;
    const readsTheTurn = MODELS[poseModel ?? DEFAULT_MODEL].readsTheTurn === true;
    this.turnWatch = readsByTheView(exercise.signal) && readsTheTurn ? new TurnWatch() : undefined;
  }

  onReady(restLevel: number, before: readonly AnalyzedFrame[], events: EngineEvent[]): void {
    const from = this.descentBeforeSetUp(before);
    const top = from === undefined ? undefined : before[from]?.signal;
    if (from === undefined || top === undefined) {
      this.counter.calibrate(restLevel);
      return;
    }
    // Reps went on before the gate opened (rep-counter.md, "A recording that begins mid-rep"):
    // they are measured from the highest position seen before the descent, and replayed. Only
    // when that is the first frame did the rep begin before the recording.
    this.counter.calibrate(top);
    if (from === 0) this.beganBeforeRecordingUntilMs = before[before.length - 1]?.timestampMs;
    for (const f of before.slice(from)) this.onFrame(f, events);
  }

  /**
   * Where, in the frames before set-up, the first descent as large as the smallest rep leaves
   * from (its highest point, the index of the frame); undefined when there is none: the person
   * only stood up, or moved less than a rep.
   */
  private descentBeforeSetUp(before: readonly AnalyzedFrame[]): number | undefined {
    let top: number | undefined;
    for (const [i, f] of before.entries()) {
      if (f.signal === undefined) continue;
      const highest = top === undefined ? undefined : before[top]?.signal;
      if (highest === undefined || f.signal < highest) top = i;
      else if (f.signal - highest >= this.exercise.counter.minAmplitude) return top;
    }
    return undefined;
  }

  onInterrupt(): void {
    this.pending = [];
    this.lastAtStart = true;
    this.quickLifts.counted();
    this.counter.interrupt();
    this.secondCounter?.interrupt();
    this.lastCounted.clear();
    this.previous = undefined;
    this.turnWatch?.reset();
  }

  /** Where the person is in the rep: away from the start as soon as either counter says so. */
  private get phase(): RepPhase {
    return this.phaseCounter.phase;
  }

  /** The counter that says where the person is in the rep (`phase`). */
  private get phaseCounter(): RepCounter {
    return this.counter.phase !== 'rest' || this.secondCounter === undefined
      ? this.counter
      : this.secondCounter;
  }

  /**
   * The counter whose phase the live tempo bar shows (undefined: at rest): as `phaseCounter`, but
   * a counter still on its way from a rep already counted (by the other, whose signal came back
   * first) is done with that rep. Seen on a real calf raise played as the webcam: counted on the
   * heels while the body's rise was still coming down, the bar began "down 0.0 / 3 s" again.
   */
  private get shownCounter(): RepCounter | undefined {
    const lastEnd = this.movements.at(-1)?.endMs ?? -Infinity;
    const inRep = (c: RepCounter | undefined): c is RepCounter =>
      c !== undefined && c.phase !== 'rest' && (c.excursionStartMs ?? Infinity) > lastEnd;
    if (inRep(this.counter)) return this.counter;
    return inRep(this.secondCounter) ? this.secondCounter : undefined;
  }

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const t = frame.timestampMs;
    this.recent.push(frame);
    const keepMs = this.exercise.counter.maxRepMs + KEEP_EXTRA_MS;
    while (t - (this.recent[0]?.timestampMs ?? t) > keepMs) this.recent.shift();
    this.lastAtStart = false;
    // Read with the person seen upright, as the body's rise is: legs-only footage has its hips guessed.
    const upright = frame.features.bodyAboveToeShanks !== undefined;
    const turn = upright ? frame.features.turnFromCameraDeg : undefined;
    if (this.turnWatch?.push(t, turn) === true) {
      // The signal's level moved with the turn: a lift that began with it is no rep.
      this.counter.turned();
      this.secondCounter?.turned();
      this.previous = undefined;
    }
    if (frame.signal === undefined) return;
    if (this.phase === 'rest' && !(t <= (this.beganBeforeRecordingUntilMs ?? -Infinity))) {
      this.restFrames.push(frame);
      while ((this.restFrames[0]?.timestampMs ?? t) < t - STANDING_WINDOW_MS)
        this.restFrames.shift();
    }
    for (const e of this.counter.push({ timestampMs: t, value: frame.signal })) {
      if (e.type === 'rep') this.count(e.rep, events, 'first');
      else {
        this.partials.push(e);
        this.pending.push(e);
      }
    }
    // The second counter only adds reps; its partials would repeat the first one's.
    if (this.secondCounter !== undefined && frame.secondSignal !== undefined)
      for (const e of this.secondCounter.push({ timestampMs: t, value: frame.secondSignal }))
        if (e.type === 'rep') this.count(e.rep, events, 'second');
    this.lastAtStart =
      this.counter.atStart &&
      (this.secondCounter === undefined ||
        frame.secondSignal === undefined ||
        this.secondCounter.atStart);
    if (this.lastAtStart) this.atStartMs.push(t);
    while ((this.atStartMs[0] ?? t) < t - keepMs) this.atStartMs.shift();
    // What the first counter let go is announced once the second is back at rest, unless it counted
    // the same movement (seen from the front by a camera above the knees it often does, later).
    if (this.secondCounter === undefined || this.secondCounter.phase === 'rest')
      this.announce(events);
  }

  /** Announces what the first counter let go and no counter counted. */
  private announce(events: EngineEvent[]): void {
    for (const e of this.pending.splice(0)) {
      if (this.covered(e.startMs, e.atMs)) continue;
      events.push({ type: 'partial', atSec: msToSec(e.atMs), reason: e.reason });
      this.noteUncounted(e.startMs, e.atMs, e.reason, events);
    }
  }

  /** A movement over this time was counted (by either counter). */
  private covered(startMs: number, endMs: number): boolean {
    return this.movements.some((m) => m.startMs <= endMs && startMs <= m.endMs);
  }

  /**
   * A lift the counter let go because it was too small or too quick joins the run of quick lifts
   * (quick-lifts.ts); one that stopped part-way or lasted too long was something else.
   */
  private noteUncounted(
    startMs: number,
    endMs: number,
    reason: PartialReason,
    events: EngineEvent[],
  ): void {
    if (!QUICK_REASONS.has(reason)) {
      this.quickLifts.counted();
      return;
    }
    const run = this.quickLifts.uncounted({
      startMs,
      endMs,
      why: reason === 'too quick' ? 'quick' : 'small',
    });
    if (run === undefined) return;
    const fault = quickLiftFault(run, this.prescription.tempo, this.exercise.awayWord);
    events.push({ type: 'fault', fault });
  }

  /**
   * Counts and judges a rep, unless it is a movement already counted: then its span grows to cover
   * both. Reps of the two counters are the same movement when their times overlap by half the
   * shorter or more (`sameMovement`); a rep one counter starts on the very frame its last one
   * closed is the rest of that movement (the signal turned back before reaching the start: a dip
   * on the way up splitting one rep in two), unless every counter read the start position on that
   * frame (at 8-12 frames/s a set with no pause at the top often shows one standing frame between
   * reps, and the next rep leaves from it). The two counters' reps merely touching are two
   * movements: at 10 frames/s the next rep often leaves the start on the frame the other counter
   * counted the last one.
   */
  private count(counted: CountedRep, events: EngineEvent[], by: Counter): void {
    if (by === 'second' && !this.secondLiftCounts(counted)) return;
    if (!this.onPlantedFeet(counted)) {
      this.letGoOfStep(counted, events);
      return;
    }
    const last = this.lastCounted.get(by);
    const restOfLast =
      last !== undefined &&
      counted.startMs <= last.endMs &&
      !this.atStartMs.includes(counted.startMs);
    const same =
      last !== undefined && restOfLast
        ? last.movement
        : this.movements.find((m) => sameMovement(m, counted));
    if (same !== undefined) {
      same.startMs = Math.min(same.startMs, counted.startMs);
      same.endMs = Math.max(same.endMs, counted.endMs);
      this.lastCounted.set(by, { endMs: counted.endMs, movement: same });
      return;
    }
    const movement = { startMs: counted.startMs, endMs: counted.endMs };
    this.lastCounted.set(by, { endMs: counted.endMs, movement });
    // The other counter's next rep follows this one, not its own last.
    (by === 'first' ? this.secondCounter : this.counter)?.countedElsewhere(counted.endMs);
    this.movements.push(movement);
    this.quickLifts.counted();
    const rep = this.reportRep({ ...counted, index: this.reps.length + 1 }, by);
    this.reps.push(rep);
    events.push({ type: 'rep', rep });
    for (const fault of rep.faults) events.push({ type: 'fault', fault });
  }

  /** Whether a lift the second counter counted is one (signals.ts, `secondLiftCounts`). */
  private secondLiftCounts(rep: CountedRep): boolean {
    const first = (ms: number) => firstSignalNear(this.recent, ms);
    return secondLiftCounts(this.exercise.signal, first(rep.startMs), first(rep.peakMs));
  }

  /**
   * A calf raise pivots on the balls of the feet, which stay put: a "rep" in which the toes'
   * spacing changed by a foot's length is a step (walking out after the set), not a raise
   * (feet-planted.ts).
   */
  private onPlantedFeet(rep: CountedRep): boolean {
    if (!pivotsOnTheBalls(this.exercise.signal)) return true;
    return feetStayedPlanted(
      this.recent.filter((f) => f.timestampMs >= rep.startMs && f.timestampMs <= rep.endMs),
    );
  }

  /** Reports a step once, however many counters saw it. */
  private letGoOfStep(rep: CountedRep, events: EngineEvent[]): void {
    if (this.steps.some((s) => s.startMs <= rep.endMs && rep.startMs <= s.endMs)) return;
    this.steps.push({ startMs: rep.startMs, endMs: rep.endMs });
    const reason: PartialReason = 'the feet moved (a step, not a raise)';
    this.partials.push({ startMs: rep.startMs, atMs: rep.endMs, reason });
    events.push({ type: 'partial', atSec: msToSec(rep.endMs), reason });
    this.noteUncounted(rep.startMs, rep.endMs, reason, events);
  }

  private reportRep(rep: CountedRep, by: Counter): RepReport {
    const frames = this.recent.filter(
      (f) => f.timestampMs >= rep.startMs && f.timestampMs <= rep.endMs,
    );
    const view = viewOfFrames(frames.map((f) => f.features));
    const bestAmplitude = Math.max(this.bestAmplitude.get(`${by} ${view}`) ?? 0, repHeight(rep));
    this.bestAmplitude.set(`${by} ${view}`, bestAmplitude);
    this.standing =
      standingOf(
        this.restFrames.filter(
          (f) => f.timestampMs <= rep.startMs && rep.startMs - f.timestampMs <= STANDING_WINDOW_MS,
        ),
      ) ?? this.standing;
    const beganBeforeRecording =
      this.reps.length === 0 && rep.startMs <= (this.beganBeforeRecordingUntilMs ?? -Infinity);
    const ctx = {
      exercise: this.exercise,
      rep,
      frames,
      standing: this.standing,
      view,
      bestAmplitude,
      tempo: this.prescription.tempo,
      strictness: this.strictness,
      ...(this.poseModel === undefined ? {} : { poseModel: this.poseModel }),
      ...(this.previous === undefined ? {} : { previous: this.previous }),
    };
    this.previous = { phases: rep.phases, view };
    const { verdicts, faults } = judgeRep(ctx);
    this.onRepJudged?.(ctx, verdicts);
    const report: RepReport = {
      index: rep.index,
      startSec: msToSec(rep.startMs),
      bottomSec: msToSec(rep.peakMs),
      endSec: msToSec(rep.endMs),
      view: ctx.view,
      phases: phasesInWords(rep.phases, this.exercise.awayWord, !beganBeforeRecording),
      ...(beganBeforeRecording ? { beganBeforeRecording } : {}),
      amplitude: round2(rep.amplitude),
      faults,
      verdicts,
    };
    return followsTheHips(this.exercise.signal) ? { ...report, ...depthRecord(ctx) } : report;
  }

  live(): KindLive {
    return {
      ...IDLE_LIVE,
      repCount: this.reps.length,
      phase: this.shownCounter?.phase ?? 'rest',
      phaseClock: this.shownCounter?.phaseClock ?? 1,
      atStart: this.lastAtStart,
      progress: Math.max(this.counter.progress(), this.secondCounter?.progress() ?? 0),
    };
  }

  notes(): readonly string[] {
    const stance = stanceMismatch(
      this.exercise.id,
      this.reps.map((r) => r.footAheadShanks),
    );
    const midRep = this.reps.find((r) => r.beganBeforeRecording === true);
    return [
      ...(midRep === undefined ? [] : [midRepNote(midRep)]),
      ...(stance === undefined ? [] : [stance]),
    ];
  }

  finish(events: EngineEvent[]): KindReport {
    // No frame is coming to let the second counter finish: what is still waiting is said now.
    this.announce(events);
    // An excursion the first counter found too small may be a rep the second one counted.
    const partials = this.partials
      .filter((p) => !this.covered(p.startMs, p.atMs))
      .map((p) => ({ atSec: msToSec(p.atMs), reason: p.reason }));
    return { repCount: this.reps.length, reps: [...this.reps], partials };
  }
}

/**
 * Said of a first rep already under way when counting began: a video that starts mid-rep, or a
 * person already moving at "Go!" (seen live: "The recording began…" read wrong there).
 */
function midRepNote(rep: RepReport): string {
  return `Rep ${rep.index} was already under way when counting began: it is counted, its tempo is not timed, and what needs the start position before it is not judged.`;
}
