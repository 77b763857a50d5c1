import { msToSec, round2 } from '../../geometry/stats.ts';
import { judgeRep } from '../checks/judge-rep.ts';
import { depthAtBottom } from '../checks/depth.ts';
import { standingOf, type Standing } from '../checks/standing.ts';
import type { Strictness } from '../checks/thresholds.ts';
import type { EngineEvent } from '../engine-event.ts';
import type { RepsExercise, RepsPrescription } from '../exercise-def.ts';
import { minHipKneeGap } from '../features.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { phasesInWords } from '../phases.ts';
import { RepCounter, type CountedRep } from '../rep-counter.ts';
import type { RepReport } from '../report.ts';
import { viewOfFrames } from '../view.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** Frames kept beyond the longest rep the counter accepts, for the checks' windows. */
const KEEP_EXTRA_MS = 2000;

/** How far back before a rep the start position is looked for. */
const STANDING_WINDOW_MS = 3000;

/** Counts reps on the exercise's signal and judges each one as it ends. */
export class RepAnalyzer implements KindAnalyzer {
  private readonly counter: RepCounter;
  /** Frames in the start position (between reps), for the checks' baseline. */
  private readonly restFrames: AnalyzedFrame[] = [];
  private readonly recent: AnalyzedFrame[] = [];
  /** The last start position seen long enough: reps with no pause at the top judge against it. */
  private standing: Standing | undefined;
  private readonly reps: RepReport[] = [];
  private readonly partials: { atSec: number; reason: string }[] = [];
  private bestAmplitude = 0;

  constructor(
    private readonly exercise: RepsExercise,
    private readonly prescription: RepsPrescription,
    private readonly strictness: Strictness,
  ) {
    this.counter = new RepCounter(exercise.counter);
  }

  onReady(restLevel: number): void {
    this.counter.calibrate(restLevel);
  }

  onInterrupt(): void {
    this.counter.interrupt();
  }

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const t = frame.timestampMs;
    this.recent.push(frame);
    const keepMs = this.exercise.counter.maxRepMs + KEEP_EXTRA_MS;
    while (t - (this.recent[0]?.timestampMs ?? t) > keepMs) this.recent.shift();
    if (frame.signal === undefined) return;
    if (this.counter.phase === 'rest') {
      this.restFrames.push(frame);
      while ((this.restFrames[0]?.timestampMs ?? t) < t - STANDING_WINDOW_MS)
        this.restFrames.shift();
    }
    for (const e of this.counter.push({ timestampMs: frame.timestampMs, value: frame.signal })) {
      if (e.type === 'partial') {
        const p = { atSec: msToSec(e.atMs), reason: e.reason };
        this.partials.push(p);
        events.push({ type: 'partial', ...p });
        continue;
      }
      const rep = this.reportRep(e.rep);
      this.reps.push(rep);
      events.push({ type: 'rep', rep });
      for (const fault of rep.faults) events.push({ type: 'fault', fault });
    }
  }

  private reportRep(rep: CountedRep): RepReport {
    this.bestAmplitude = Math.max(this.bestAmplitude, rep.amplitude);
    const frames = this.recent.filter(
      (f) => f.timestampMs >= rep.startMs && f.timestampMs <= rep.endMs,
    );
    this.standing =
      standingOf(
        this.restFrames.filter(
          (f) => f.timestampMs <= rep.startMs && rep.startMs - f.timestampMs <= STANDING_WINDOW_MS,
        ),
      ) ?? this.standing;
    const ctx = {
      exercise: this.exercise,
      rep,
      frames,
      standing: this.standing,
      view: viewOfFrames(frames.map((f) => f.features)),
      bestAmplitude: this.bestAmplitude,
      tempo: this.prescription.tempo,
      strictness: this.strictness,
    };
    const { verdicts, faults } = judgeRep(ctx);
    const report: RepReport = {
      index: rep.index,
      startSec: msToSec(rep.startMs),
      bottomSec: msToSec(rep.peakMs),
      endSec: msToSec(rep.endMs),
      phases: phasesInWords(rep.phases, this.exercise.awayWord),
      amplitude: round2(rep.amplitude),
      faults,
      verdicts,
    };
    if (this.exercise.signal !== 'hip-drop') return report;
    const peak = frames.find((f) => f.timestampMs === rep.peakMs)?.features;
    const gap = peak === undefined ? undefined : minHipKneeGap(peak);
    const thigh = depthAtBottom(ctx);
    return {
      ...report,
      depth: {
        thighAboveLevelDeg: thigh === undefined ? null : Math.round(thigh),
        kneeAngleDeg: peak?.minKneeAngleDeg === undefined ? null : Math.round(peak.minKneeAngleDeg),
        belowParallel: thigh !== undefined && thigh <= 0,
        hipAboveKneeShanks: gap === undefined ? null : round2(gap),
      },
    };
  }

  live(): KindLive {
    return {
      ...IDLE_LIVE,
      repCount: this.counter.count,
      phase: this.counter.phase,
      progress: this.counter.progress(),
    };
  }

  finish(): KindReport {
    return { repCount: this.reps.length, reps: [...this.reps], partials: [...this.partials] };
  }
}
