import { MedianFilter } from '../geometry/median-filter.ts';
import { oneEuroStep, type OneEuroParams, type OneEuroState } from '../geometry/one-euro-filter.ts';
import type { KeypointName, Pose } from '../pose/skeleton.ts';
import { Body } from './body.ts';
import { frameFeatures, type FrameFeatures } from './features.ts';
import { missingKeypoints, type Requirement } from './requirements.ts';
import { SetupGate, type GateIssue } from './setup-gate.ts';
import { SideFuser } from './side-fuser.ts';
import { signalBySide, type SignalId } from './signals.ts';
import { ViewTally } from './view.ts';

/**
 * Signal smoothing: a 150 ms running median drops single-frame keypoint spikes, then One Euro. The
 * detector already smooths keypoints (pose-detection's own filters, driven by our timestamps);
 * this second One Euro pass on the one counted signal trades a few ms of lag for steadier
 * hysteresis. 1.5 Hz at rest keeps a still stand steady; beta lets 1-2 Hz reps through.
 */
const SIGNAL_FILTER: OneEuroParams = { minCutoffHz: 1.5, beta: 2, derivativeCutoffHz: 1 };

/** What every kind of analyzer is told about one frame once the person is set up. */
export interface AnalyzedFrame {
  readonly timestampMs: number;
  readonly body: Body;
  readonly features: FrameFeatures;
  /** The counted signal after side fusion and smoothing (exercises with a signal only). */
  readonly signal: number | undefined;
}

export interface FrontEndConfig {
  readonly required: Requirement;
  /** The counted signal, for exercises that count reps on one. */
  readonly signal?: SignalId;
  /** Signal values that can only mean the start pose (opens the gate without waiting). */
  readonly startPose?: { readonly max: number };
}

export type FrontEndStep =
  | {
      readonly ready: false;
      readonly issue: GateIssue | undefined;
      /** The gate was open until this frame: whatever was in progress stops. */
      readonly closed: boolean;
    }
  | {
      readonly ready: true;
      /** The gate opened on this frame, with the still start level of the signal. */
      readonly openedAt?: { readonly restLevel: number };
      /** Undefined while the person is briefly out of sight and the gate has not closed yet. */
      readonly frame: AnalyzedFrame | undefined;
    };

/**
 * The shared front end of every analyzer: keypoints → features → counted signal (side-fused,
 * spike-filtered, One Euro) → set-up gate, plus the view seen most over the set.
 */
export class FrontEnd {
  private readonly gate = new SetupGate();
  private readonly sides = new SideFuser();
  private readonly spikes = new MedianFilter();
  private filter: OneEuroState | undefined;
  readonly views = new ViewTally();
  private latest: FrameFeatures | undefined;

  constructor(private readonly config: FrontEndConfig) {}

  get isOpen(): boolean {
    return this.gate.isOpen;
  }

  /** The features of the last frame with a person. */
  get last(): FrameFeatures | undefined {
    return this.latest;
  }

  push(pose: Pose | null, timestampMs: number): FrontEndStep {
    const body = pose === null ? undefined : new Body({ ...pose, timestampMs });
    const missing: KeypointName[] | 'no-person' =
      body === undefined ? 'no-person' : missingKeypoints(body, this.config.required);
    const features = body === undefined ? undefined : frameFeatures(body);
    const signal = this.smoothedSignal(features, timestampMs);
    const wasOpen = this.gate.isOpen;
    const startPose = this.config.startPose;
    const inStartPose = signal !== undefined && startPose !== undefined && signal <= startPose.max;
    const status = this.gate.push(timestampMs, missing, signal, inStartPose);
    if (!status.ready) {
      if (wasOpen) this.resetSignal();
      return { ready: false, issue: status.issue, closed: wasOpen };
    }
    const frame =
      body === undefined || features === undefined
        ? undefined
        : { timestampMs, body, features, signal };
    if (features !== undefined) {
      this.views.push(features);
      this.latest = features;
    }
    return status.openedAt === undefined
      ? { ready: true, frame }
      : { ready: true, openedAt: { restLevel: status.openedAt.restLevel }, frame };
  }

  /** Close the gate (a pause, a gap in the frames): the person sets up again before anything counts. */
  close(): void {
    if (this.gate.isOpen) this.resetSignal();
    this.gate.close();
  }

  private resetSignal(): void {
    this.filter = undefined;
    this.spikes.reset();
  }

  private smoothedSignal(f: FrameFeatures | undefined, timestampMs: number): number | undefined {
    const id = this.config.signal;
    const v =
      id === undefined || f === undefined
        ? undefined
        : this.sides.push(signalBySide(id, f), timestampMs);
    if (v === undefined || !Number.isFinite(v)) return undefined;
    this.filter = oneEuroStep(
      this.filter,
      this.spikes.push(v, timestampMs),
      timestampMs,
      SIGNAL_FILTER,
    );
    return this.filter.value;
  }
}
