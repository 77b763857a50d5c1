import { msToSec, round2 } from '../../geometry/stats.ts';
import { baselineOf, BASELINE_WINDOW_MS } from '../baseline.ts';
import { judgeRep } from '../checks/judge-rep.ts';
import type { EngineEvent } from '../engine-event.ts';
import type { RepsExercise, RepsPrescription } from '../exercise-def.ts';
import { minHipKneeGap, type FrameFeatures } from '../features.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { phasesInWords } from '../phases.ts';
import { RepCounter, type CountedRep } from '../rep-counter.ts';
import type { RepReport } from '../report.ts';
import type { DetectedView } from '../view.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** Frames kept beyond the longest rep the counter accepts, for the checks' windows. */
const KEEP_EXTRA_MS = 2000;

/** Counts reps on the exercise's signal and judges each one as it ends. */
export class RepAnalyzer implements KindAnalyzer {
  private readonly counter: RepCounter;
  /** Frames in the start position (between reps), for the checks' baseline. */
  private readonly restFrames: FrameFeatures[] = [];
  private readonly recent: FrameFeatures[] = [];
  private readonly reps: RepReport[] = [];
  private readonly partials: { atSec: number; reason: string }[] = [];
  private bestAmplitude = 0;

  constructor(
    private readonly exercise: RepsExercise,
    private readonly prescription: RepsPrescription,
    private readonly view: () => DetectedView,
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
    const f = frame.features;
    this.recent.push(f);
    const keepMs = this.exercise.counter.maxRepMs + KEEP_EXTRA_MS;
    while (f.timestampMs - (this.recent[0]?.timestampMs ?? f.timestampMs) > keepMs)
      this.recent.shift();
    if (frame.signal === undefined) return;
    if (this.counter.phase === 'rest') {
      this.restFrames.push(f);
      while ((this.restFrames[0]?.timestampMs ?? 0) < f.timestampMs - 2 * BASELINE_WINDOW_MS)
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
    const { verdicts, faults } = judgeRep({
      exercise: this.exercise,
      rep,
      frames,
      baseline: baselineOf(this.restFrames, rep.startMs),
      view: this.view(),
      bestAmplitude: this.bestAmplitude,
      tempo: this.prescription.tempo,
    });
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
    const peak = frames.find((f) => f.timestampMs === rep.peakMs);
    const gap = peak === undefined ? undefined : minHipKneeGap(peak);
    return {
      ...report,
      depth: {
        kneeAngleDeg: peak?.minKneeAngleDeg === undefined ? null : Math.round(peak.minKneeAngleDeg),
        belowParallel: gap !== undefined && gap <= 0,
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
