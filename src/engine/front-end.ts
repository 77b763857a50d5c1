import type { KeypointName, Pose, Side } from '../pose/skeleton.ts';
import { Body } from './body.ts';
import { CameraTilt } from './camera-tilt.ts';
import { frameFeatures, type FrameFeatures } from './features.ts';
import { HeldUpFoot } from './foot-off-floor.ts';
import { missingKeypoints, personSeen, type Requirement } from './requirements.ts';
import { RestRuler } from './rest-ruler.ts';
import { SetupGate, type GateIssue } from './setup-gate.ts';
import { SignalChannel } from './signal-channel.ts';
import {
  hasSecondSignal,
  readsTheStandingFeet,
  rulerShank,
  secondSignalBySide,
  sideDisagreementLimit,
  signalBySide,
  type SignalId,
} from './signals.ts';
import { RecentView, ViewTally, viewOfFrame } from './view.ts';

/** What every kind of analyzer is told about one frame once the person is set up. */
export interface AnalyzedFrame {
  readonly timestampMs: number;
  readonly body: Body;
  readonly features: FrameFeatures;
  /** The counted signal after side fusion and smoothing (exercises with a signal only). */
  readonly signal: number | undefined;
  /**
   * The second counter's signal (signals.ts, `secondSignalBySide`), smoothed as the first: the hip
   * drop against the shank seen in the start position (rest-ruler.ts; undefined until that ruler is
   * known), or the heel rise with the body's rise added.
   */
  readonly secondSignal?: number;
  /** The foot held off the floor (foot-off-floor.ts, `HeldUpFoot`), if one is. */
  readonly footHeldUp?: Side;
  /**
   * The joints the exercise needs that this frame does not see (out of the picture, or not found),
   * while the set goes on: the gate closes only once they stay unseen (setup-gate.ts).
   */
  readonly unseen?: readonly KeypointName[];
}

export interface FrontEndConfig {
  readonly required: Requirement;
  /** The counted signal, for exercises that count reps on one. */
  readonly signal?: SignalId;
  /** Signal values that can only mean the start pose (opens the gate without waiting). */
  readonly startPose?: { readonly max: number };
  /**
   * Keep the frames before the gate first opens for this long at most (ms; the longest rep), to
   * replay a rep the recording began in (`FrontEnd.beforeFirstOpen`); none kept without it.
   */
  readonly keepBeforeSetUpMs?: number;
  /**
   * Whether the pose model's 3-D feet tell a foot held up (model-catalog.ts, `liftsAStandingFoot`);
   * without it both feet are always read. Default: they do.
   */
  readonly readsAFootHeldUp?: boolean;
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
      /**
       * The gate opened on this frame, with the still start level of the signal, and the frames
       * seen before it since the recording began (`before`, kept with `keepBeforeSetUpMs`; empty
       * once the gate has opened before).
       */
      readonly openedAt?: { readonly restLevel: number; readonly before: readonly AnalyzedFrame[] };
      /** Undefined while the person is briefly out of sight and the gate has not closed yet. */
      readonly frame: AnalyzedFrame | undefined;
    };

/**
 * The shared front end of every analyzer: keypoints → features → counted signal (side-fused,
 * spike-filtered, One Euro) → set-up gate, plus the view seen most over the set.
 */
export class FrontEnd {
  private readonly gate = new SetupGate();
  private readonly channel: SignalChannel;
  /**
   * The second counter's signal, alongside (rep-counter.md: "Two rulers", "A calf raise lifts the
   * whole body").
   */
  private readonly secondChannel: SignalChannel;
  private readonly shankRuler = new RestRuler();
  /** The foot held off the floor (foot-off-floor.ts): it is not standing, its heel is not counted. */
  private readonly heldUp = new HeldUpFoot();
  /** The foot held up on the last frame with a person (none: both feet were read). */
  private footHeldUp: Side | undefined;
  readonly views = new ViewTally();
  /** The view over the last second, for the live tip. */
  readonly recentView = new RecentView();
  /** The camera's sideways tilt, read while the person stands facing it, set-up included. */
  readonly tilt = new CameraTilt();
  private latest: FrameFeatures | undefined;
  /**
   * The frames seen, whole, out of the start pose since the recording began and before the gate
   * first opened (`keepBeforeSetUpMs`): a recording that begins part-way through a rep
   * (rep-counter.md, "A recording that begins mid-rep"). Emptied when the person is lost; dropped
   * for good once the gate has opened, or once they span longer than any rep (memory stays
   * bounded however long someone stays in view out of position).
   */
  private beforeFirstOpen: AnalyzedFrame[] | undefined = [];

  constructor(private readonly config: FrontEndConfig) {
    const limit = config.signal === undefined ? undefined : sideDisagreementLimit(config.signal);
    this.channel = new SignalChannel(limit);
    this.secondChannel = new SignalChannel(limit);
  }

  get isOpen(): boolean {
    return this.gate.isOpen;
  }

  /** The features of the last frame with a person. */
  get last(): FrameFeatures | undefined {
    return this.latest;
  }

  /**
   * One frame. `lastAtStart`: the frame before this one, once analysed, was in the start position
   * (false mid-rep), so the resting shank ruler (rest-ruler.ts) learns only from the start position.
   */
  push(pose: Pose | null, timestampMs: number, lastAtStart = true): FrontEndStep {
    const body = pose === null ? undefined : new Body({ ...pose, timestampMs });
    // Hips below the feet are the model guessing a body it cannot see, legs and all
    // (requirements.ts): nobody is in position, whatever the exercise needs.
    const missing: KeypointName[] | 'no-person' = personSeen(body)
      ? missingKeypoints(body, this.config.required)
      : 'no-person';
    const features = body === undefined ? undefined : frameFeatures(body);
    if (features !== undefined) this.tilt.push(features);
    const id = this.config.signal;
    const footHeldUp =
      features === undefined || this.config.readsAFootHeldUp === false
        ? undefined
        : this.heldUp.push(features.footOffFloor, timestampMs);
    // A foot just found held up, or set down: a signal read on the feet standing (the heel or toe
    // rise) now reads other feet, and its level jumps with no movement (the held-up heel swings by
    // itself; its offset from the standing one is often not learnt yet). Setting up, the smoothing
    // starts afresh at the new level, and the stillness seen so far is kept at it: smoothed, the
    // jump took 0.4 s to settle and the wait for stillness 0.4 s more, and a single-leg set begun
    // at once (`calfraise_singleleg_…`, analysed as a slow laptop does live) had the gate open
    // part-way up its first raise, which was lost. Once open, a reset would cut a rep short; a hold
    // is found and ended only when read so for a quarter second (foot-off-floor.ts), so mid-set the
    // measure seldom changes. The hips' signals do not read the feet: a jump there is movement, and
    // a squat's far foot read off the floor while setting up must not restart their smoothing.
    const remeasured =
      id !== undefined &&
      readsTheStandingFeet(id) &&
      features !== undefined &&
      footHeldUp !== this.footHeldUp &&
      !this.gate.isOpen;
    if (features !== undefined) this.footHeldUp = footHeldUp;
    const levelBefore = this.channel.value;
    if (remeasured) {
      this.channel.reset();
      this.secondChannel.reset();
    }
    const signal = this.channel.push(
      id === undefined || features === undefined
        ? undefined
        : signalBySide(id, features, undefined, footHeldUp),
      timestampMs,
    );
    if (remeasured && levelBefore !== undefined && signal !== undefined)
      this.gate.rebase(signal - levelBefore);
    const secondSignal = this.second(features, timestampMs, lastAtStart, footHeldUp);
    const wasOpen = this.gate.isOpen;
    const startPose = this.config.startPose;
    const inStartPose = signal !== undefined && startPose !== undefined && signal <= startPose.max;
    const status = this.gate.push(timestampMs, missing, signal, inStartPose);
    const frame: AnalyzedFrame | undefined =
      body === undefined || features === undefined
        ? undefined
        : {
            timestampMs,
            body,
            features,
            signal,
            ...(secondSignal === undefined ? {} : { secondSignal }),
            ...(footHeldUp === undefined ? {} : { footHeldUp }),
            ...(missing === 'no-person' || missing.length === 0 ? {} : { unseen: missing }),
          };
    if (!status.ready) {
      if (wasOpen) this.resetSignal();
      this.keepBeforeFirstOpen(timestampMs, status.issue, frame);
      return { ready: false, issue: status.issue, closed: wasOpen };
    }
    if (features !== undefined) {
      const view = viewOfFrame(features);
      this.views.push(view, features.facing);
      this.recentView.push(timestampMs, view, features.facing);
      this.latest = features;
    }
    if (status.openedAt === undefined) return { ready: true, frame };
    const before = this.beforeFirstOpen ?? [];
    this.beforeFirstOpen = undefined;
    return { ready: true, openedAt: { restLevel: status.openedAt.restLevel, before }, frame };
  }

  /** Keeps a frame seen before the gate first opened, or forgets them all when the person is lost. */
  private keepBeforeFirstOpen(
    timestampMs: number,
    issue: GateIssue | undefined,
    frame: AnalyzedFrame | undefined,
  ): void {
    const kept = this.beforeFirstOpen;
    const keepMs = this.config.keepBeforeSetUpMs;
    if (kept === undefined || keepMs === undefined) return;
    if (issue?.kind === 'no-person' || issue?.kind === 'missing') kept.length = 0;
    else if (frame?.signal !== undefined) kept.push(frame);
    const first = kept[0];
    if (first !== undefined && timestampMs - first.timestampMs > keepMs)
      this.beforeFirstOpen = undefined;
  }

  /** Close the gate (a pause, a gap in the frames): the person sets up again before anything counts. */
  close(): void {
    if (this.gate.isOpen) this.resetSignal();
    this.gate.close();
  }

  private resetSignal(): void {
    this.channel.reset();
    this.secondChannel.reset();
    this.shankRuler.reset();
    this.heldUp.reset();
  }

  private second(
    f: FrameFeatures | undefined,
    timestampMs: number,
    lastAtStart: boolean,
    footHeldUp: Side | undefined,
  ): number | undefined {
    const id = this.config.signal;
    if (id === undefined || !hasSecondSignal(id)) return undefined;
    const restShank = this.shankRuler.push(
      f === undefined ? undefined : rulerShank(id, f),
      timestampMs,
      lastAtStart,
    );
    return this.secondChannel.push(
      f === undefined ? undefined : secondSignalBySide(id, f, restShank, footHeldUp),
      timestampMs,
    );
  }
}
