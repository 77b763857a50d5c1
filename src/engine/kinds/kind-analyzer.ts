import type { EngineEvent } from '../engine-event.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import type { RepPhase } from '../rep-events.ts';
import type { Report } from '../report.ts';
import type { CircleDirection } from '../circle-counter.ts';

/** What one kind of analyzer adds to the live state the overlay draws. */
export interface KindLive {
  readonly repCount: number;
  readonly phase: RepPhase;
  /**
   * Seconds of the whole movement for each second of the current phase as the counter sees it: 1
   * at either end of a rep, more on the ways there and back, which the counter sees only the middle
   * of (`RepCounter.phaseClock`). The tempo bar's clock runs at it.
   */
  readonly phaseClock: number;
  /**
   * The last frame analysed found the person in the start position (every rep counter back in its
   * start band; true while idle or setting up): the resting shank ruler learns from that frame.
   */
  readonly atStart: boolean;
  /** 0 at the start position, 1 at the person's typical depth (range bar). */
  readonly progress: number;
  readonly holding: boolean;
  readonly holdSec: number;
  readonly heldSec: number;
  readonly holdCue: string | undefined;
  readonly circles: Readonly<Record<CircleDirection, number>>;
  readonly steps: number;
}

export const IDLE_LIVE: KindLive = {
  repCount: 0,
  phase: 'rest',
  phaseClock: 1,
  atStart: true,
  progress: 0,
  holding: false,
  holdSec: 0,
  heldSec: 0,
  holdCue: undefined,
  circles: { clockwise: 0, anticlockwise: 0 },
  steps: 0,
};

/** The part of the report one kind fills in (reps, holds, circles or steps). */
export type KindReport = Omit<
  Report,
  'exercise' | 'strictness' | 'view' | 'durationSec' | 'faults' | 'notes'
>;

/**
 * One kind of exercise behind the shared front end (front-end.ts): told when the person is set up,
 * fed each frame while they are, told when they are interrupted; events out, a report at the end.
 */
export interface KindAnalyzer {
  /**
   * The person is set up: `restLevel` is the signal's still start level; `before`, the frames seen
   * before the gate first opened, since the recording began (front-end.ts).
   */
  onReady(restLevel: number, before: readonly AnalyzedFrame[], events: EngineEvent[]): void;
  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void;
  /** The person left the view or the set paused: drop a rep in progress, end a hold. */
  onInterrupt(atMs: number, events: EngineEvent[]): void;
  live(): KindLive;
  finish(events: EngineEvent[]): KindReport;
  /** What this kind has to say about the set as a whole, for the report's notes (after finish). */
  notes?(): readonly string[];
}
