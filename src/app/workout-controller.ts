import type { Strictness } from '../engine/checks/thresholds.ts';
import type { ExerciseDef, Prescription } from '../engine/exercise-def.ts';
import type { FormCheckLine } from '../engine/form-check.ts';
import type { Report } from '../engine/report.ts';
import { Body } from '../engine/body.ts';
import { cutShortNote } from '../engine/cut-short-note.ts';
import { personSeen } from '../engine/requirements.ts';
import { historyToJson } from '../storage/export.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import type { SetRecord } from '../storage/set-record.ts';
import { errorMessage, type Alerts } from './alerts.ts';
import { CameraFeed } from './camera-feed.ts';
import { cameraError } from './camera.ts';
import { download } from './dom.ts';
import {
  frameRateNeed,
  FrameRateWatch,
  sameSlowFrames,
  slowFramesCue,
  slowFramesMessage,
  type SlowFrames,
} from './frame-rate-watch.ts';
import { LightMeter, lightOf } from './light-meter.ts';
import { LiveLoop, type LiveResult } from './live-loop.ts';
import type { LiveStats } from './live-stats.ts';
import type { OverlayRenderer } from './overlay-renderer.ts';
import type { Loaded, PoseRuntime } from './pose-runtime.ts';
import { analyseVideoFile } from './video-file.ts';
import type { Voice } from './voice.ts';
import { WorkoutSession, type FormCheckSoFar, type SessionOutputs } from './workout-session.ts';

/** How a camera workout or form check ended. */
export type RunEnd =
  | { readonly kind: 'done'; readonly records: readonly SetRecord[] }
  | {
      readonly kind: 'form-check';
      readonly session: WorkoutSession;
      readonly report: Report;
      readonly lines: readonly FormCheckLine[];
      /** What the card says about the check as a whole (every part's notes). */
      readonly notes: readonly string[];
    }
  | { readonly kind: 'left' };

export interface WorkoutView {
  showGate(text: string, ok: boolean): void;
  showPlacement(text: string): void;
  showRep(text: string): void;
  showSetDone(record: SetRecord, final: boolean, saved: boolean): void;
  showPaused(paused: boolean): void;
  /** The camera's controls (its menu, pause, end set) for a camera; none for a recorded video. */
  showSource(source: 'camera' | 'video'): void;
  /**
   * The break between sets (or a form check's parts) is on: a button to start the next one now
   * (the N key), with these words, in place of End set; undefined once it is over.
   */
  showBreak(nextNow: string | undefined): void;
  /** The run is over (done, or a form check's card up): nothing is left to pause or end. */
  showOver(): void;
  /** The camera was turned off because the workout is over (false: a run opened it again). */
  showCameraOff(off: boolean): void;
  setStatus(text: string): void;
  announce(text: string): void;
}

export interface RunOptions {
  readonly mode: 'workout' | 'form-check';
  readonly routine?: string;
  readonly sessionId?: string;
  /** A form check's parts already done (its last part is done again). */
  readonly formCheckSoFar?: FormCheckSoFar;
}

/** The set-up line while the detector is down or restarting (the alert says why). */
const WAITING_FOR_POSES = 'Waiting for the pose detector…';
/** The set-up line when the camera cannot be opened (the alert says why, with "Try again"). */
const NO_CAMERA = 'No camera.';
/** The set-up line while the pose model cannot load (the alert says why, and offers a retry). */
export const MODEL_NOT_LOADED = 'The pose model did not load: see the message above.';

/**
 * Runs one exercise at a time: the camera (or a recorded video) → the detector → the session →
 * the overlay, voice and history; pauses on a hidden tab or a lost camera and resumes on "Try
 * again"; tells the person when the pose worker had to be restarted.
 */
export class WorkoutController {
  private session: WorkoutSession | undefined;
  private readonly feed: CameraFeed;
  private readonly loop: LiveLoop;
  private readonly light = new LightMeter();
  private readonly frameRate = new FrameRateWatch();
  private slowFramesShown: SlowFrames | undefined;
  /** Causes already said aloud in this run: said once, then left to the alert on screen. */
  private readonly slowFramesSaid = new Set<SlowFrames['cause']>();
  /** A detector failure was said aloud in this run. */
  private detectorFailureSaid = false;
  /** "Could not be saved" was said, and the download not yet taken. */
  private unsavedSaid = false;
  /** The alert offering unsaved sets for download is up. */
  private unsavedOffered = false;
  private video: AbortController | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private finish: ((end: RunEnd) => void) | undefined;
  /** Runs begun: a run that waited for the model tells from it whether it was left meanwhile. */
  private runs = 0;
  private mirrored = true;
  private pausedByCamera = false;
  /** Paused with the space bar or the button: only they resume it (not the tab shown again). */
  private pausedByPerson = false;
  /** The camera was turned off because the workout is over (`cameraOff`), until the next run. */
  private cameraTurnedOff = false;

  constructor(
    private readonly videoEl: HTMLVideoElement,
    private readonly runtime: PoseRuntime,
    private readonly store: HistoryStore,
    private readonly voice: Voice,
    private readonly alerts: Alerts,
    private readonly stats: LiveStats,
    private readonly renderer: OverlayRenderer,
    private readonly view: WorkoutView,
    private readonly strictness: () => Strictness,
  ) {
    this.feed = new CameraFeed(videoEl, {
      onLost: (why) => this.cameraLost(why),
      onResumed: () => this.cameraBack(),
      onFrame: () => {
        this.stats.cameraFrames += 1;
        this.frameRate.cameraFrame(performance.now());
      },
    });
    this.loop = new LiveLoop(
      this.feed,
      (r) => this.onResult(r),
      (e) => this.poseDetectionFailed(e),
    );
  }

  get current(): WorkoutSession | undefined {
    return this.session;
  }

  get cameraDevice(): string | undefined {
    return this.feed.device;
  }

  private outputs(): SessionOutputs {
    return {
      voice: this.voice,
      announce: (t) => this.view.announce(t),
      showGate: (t, ok) => this.view.showGate(t, ok),
      showPlacement: (t) => this.view.showPlacement(t),
      showRep: (t) => this.view.showRep(t),
      setDone: (record, final, saved) => {
        this.view.showSetDone(record, final, saved);
        if (!saved) this.offerUnsaved();
        if (final) this.complete({ kind: 'done', records: this.session?.records ?? [record] });
      },
      formCheckDone: (report, lines, notes) => {
        const session = this.session;
        if (session !== undefined)
          this.complete({ kind: 'form-check', session, report, lines, notes });
      },
    };
  }

  /**
   * Sets the browser could not store: a button to download them, and said aloud (the person is
   * 2 m away and about to walk off) once until the download is taken.
   */
  private offerUnsaved(): void {
    if (!this.unsavedSaid)
      this.voice.say({
        text: 'This set could not be saved in this browser. Download it from the screen.',
        priority: 'cue',
      });
    this.unsavedSaid = true;
    this.unsavedOffered = true;
    this.alerts.set(
      'storage',
      'Some sets could not be saved in this browser. Download them so nothing is lost: "Import JSON" in History takes them back.',
      {
        label: 'Download sets',
        run: () => {
          this.downloadUnsaved();
          this.unsavedSaid = false;
        },
      },
    );
  }

  /**
   * After an import: once every set this tab could not store is stored (taken back from its
   * download), the alert offering them goes. A "history is off" alert is not this one and stays.
   */
  unsavedMayBeStored(): void {
    if (!this.unsavedOffered || this.store.unsaved().length > 0) return;
    this.alerts.clear('storage');
    this.unsavedOffered = false;
    this.unsavedSaid = false;
  }

  /** The sets the browser could not store, as the history export's JSON. */
  downloadUnsaved(): void {
    download(
      'formcheck-unsaved-sets.json',
      historyToJson(this.store.unsaved()),
      'application/json',
    );
  }

  /**
   * A workout or form check with the camera; resolves when it is done or left. The camera stays
   * on from one run to the next (a routine, a form check then its set), until `cameraOff`.
   */
  async runCamera(
    exercise: ExerciseDef,
    prescription: Prescription,
    options: RunOptions,
  ): Promise<RunEnd> {
    this.endRun();
    this.stopVideo();
    const run = this.runs;
    const ended = new Promise<RunEnd>((resolve) => (this.finish = resolve));
    this.mirrored = true;
    this.videoEl.classList.add('mirrored');
    // The camera first: while a model that did not load is tried again, the person sees themselves.
    const cameraOpen = this.feed.active || (await this.openCamera(this.feed.device));
    const loaded = await this.detector();
    if (run !== this.runs) return ended;
    this.session = this.newSession(exercise, prescription, 'camera', options, loaded);
    this.view.showSource('camera');
    if (!cameraOpen) this.view.showGate(NO_CAMERA, false);
    else if (!this.loop.running) await this.streamToDetector();
    else this.loop.setCountPeople(this.session.watchesForOthers);
    this.frameRate.restart();
    this.ticker = setInterval(() => this.tick(), 250);
    return ended;
  }

  private newSession(
    exercise: ExerciseDef,
    prescription: Prescription,
    source: 'camera' | 'video',
    options: RunOptions,
    { hasFeet, model }: Pick<Loaded, 'hasFeet' | 'model'>,
  ): WorkoutSession {
    this.showFeetNeeded(exercise, hasFeet);
    return new WorkoutSession(
      exercise,
      prescription,
      {
        source,
        mode: options.mode,
        modelHasFeet: hasFeet,
        poseModel: model,
        strictness: this.strictness(),
        store: this.store,
        ...(options.routine === undefined ? {} : { routine: options.routine }),
        ...(options.sessionId === undefined ? {} : { sessionId: options.sessionId }),
        ...(options.formCheckSoFar === undefined ? {} : { formCheckSoFar: options.formCheckSoFar }),
      },
      this.outputs(),
    );
  }

  /**
   * The pose detector, once loaded. While its model cannot load, the set-up line says so and it is
   * said aloud once (the alert on screen says why and offers to try again); this waits for a load
   * that succeeds: a retry, or another model picked in Settings.
   */
  private async detector(): Promise<Loaded> {
    try {
      return await this.runtime.ready();
    } catch {
      this.view.showGate(MODEL_NOT_LOADED, false);
      if (!this.detectorFailureSaid) {
        this.detectorFailureSaid = true;
        this.voice.say({
          text: 'The pose model could not load. The screen says why.',
          priority: 'cue',
        });
      }
      return this.runtime.whenLoaded();
    }
  }

  /**
   * Another model loaded (picked in Settings): a camera that is on streams to it, without being
   * reopened. One that is off stays off (the home screen).
   */
  async detectorChanged(): Promise<void> {
    if (this.feed.active) await this.streamToDetector();
    // The workout under way is judged for the new model from its next set (a recorded video's
    // poses came from the model it was analysed with).
    const session = this.session;
    if (session === undefined || session.source === 'video') return;
    const { model, hasFeet } = await this.runtime.whenLoaded();
    session.setPoseModel(model, hasFeet);
    this.showFeetNeeded(session.exercise, hasFeet);
  }

  /** An exercise that needs the feet with a model that has none (MoveNet): says so. */
  private showFeetNeeded(exercise: ExerciseDef, hasFeet: boolean): void {
    if (exercise.needsFeet && !hasFeet)
      this.alerts.set(
        'model',
        `${exercise.name} needs heel and toe points: choose a BlazePose model.`,
      );
    else this.alerts.clear('model');
  }

  /** Opens (or reopens) the camera and streams it to the detector. */
  async startCamera(deviceId?: string): Promise<void> {
    this.loop.stop();
    if (await this.openCamera(deviceId)) await this.streamToDetector();
  }

  /** Opens the camera and shows it; when it cannot, says why with "Try again" (false). */
  private async openCamera(deviceId: string | undefined): Promise<boolean> {
    try {
      await this.feed.open(deviceId);
    } catch (error) {
      this.alerts.set('camera', errorMessage(error), {
        label: 'Try again',
        run: () => void this.retryCamera(),
      });
      this.view.showGate(NO_CAMERA, false);
      return false;
    }
    this.alerts.clear('camera');
    return true;
  }

  /**
   * The open camera's frames to the detector, once it is loaded; not while a pause rests it (a
   * pause pressed while this waited stops what it started).
   */
  private async streamToDetector(): Promise<void> {
    const loaded = await this.detector();
    if (!this.feed.active || this.restingDetector) return;
    await loaded.source.reset();
    await this.loop.start(loaded.source, this.runtime.client);
    if (this.restingDetector) this.loop.stop();
    else this.loop.setCountPeople(this.session?.watchesForOthers ?? false);
  }

  private async retryCamera(): Promise<void> {
    await this.startCamera(this.feed.device);
    if (this.feed.active) this.cameraBack();
  }

  private cameraLost(why: 'ended' | 'stalled'): void {
    if (this.session !== undefined && !this.session.isPaused && !this.runOver) {
      this.session.setPaused(true, 'Paused: the camera stopped.');
      this.pausedByCamera = true;
      // Said too: two metres away, a still picture is easy to miss.
      this.voice.say({ text: 'The camera stopped. Your set is paused and kept.', priority: 'cue' });
    }
    this.view.showPaused(true);
    const message =
      why === 'ended'
        ? cameraError('unplugged').message
        : 'The camera stopped sending pictures. Check it is connected and not used by another app, then press “Try again”. Your set so far is kept.';
    this.alerts.set('camera', message, { label: 'Try again', run: () => void this.retryCamera() });
  }

  /** Frames flow again: the alert goes, and a set the camera paused goes on. */
  private cameraBack(): void {
    this.alerts.clear('camera');
    if (this.pausedByCamera && this.session?.isPaused === true) {
      this.session.setPaused(false);
      this.view.showPaused(false);
    }
    this.pausedByCamera = false;
  }

  /** A frame's pose: into the session, onto the overlay, into the live stats. */
  private onResult(r: LiveResult): void {
    const session = this.session;
    // A pose in flight when the camera was turned off lands on nothing: the picture is gone.
    if (session === undefined || this.cameraTurnedOff) return;
    // Poses are back: whatever stopped them is over.
    if (this.alerts.has('restart')) this.alerts.clear('restart');
    if (this.alerts.has('detector')) this.alerts.clear('detector');
    if (r.personCount !== undefined) session.setPeopleCount(r.personCount);
    const t0 = performance.now();
    session.onPose(r.pose, r.timestampMs);
    const t1 = performance.now();
    this.renderer.draw(session.overlay(this.mirrored, r.timestampMs));
    const t2 = performance.now();
    this.loop.setCountPeople(session.watchesForOthers);
    if (r.tensors !== undefined) this.stats.tensors = r.tensors;
    this.frameRate.analysedFrame(
      r.receivedMs,
      personSeen(r.pose === null ? undefined : new Body(r.pose)),
    );
    this.stats.skipped += r.skipped ?? 0;
    this.stats.record({
      receivedMs: r.receivedMs,
      queuedMs: r.queuedMs ?? 0,
      bitmapMs: r.bitmapMs ?? 0,
      inferenceMs: r.inferenceMs,
      peopleMs: r.peopleMs ?? 0,
      toResultMs: t0 - r.receivedMs,
      engineMs: t1 - t0,
      overlayMs: t2 - t1,
      latencyMs: t2 - r.receivedMs,
    });
  }

  /**
   * Four times a second: timers and countdown move between frames, the light and the frame rate
   * are checked.
   */
  private tick(): void {
    const session = this.session;
    if (session === undefined) return;
    const now = performance.now();
    const luma = this.light.luma(this.videoEl);
    if (luma !== undefined) session.setLight(lightOf(luma), now);
    this.judgeFrameRate(session, now);
    const shown = session.overlay(this.mirrored, now);
    // With the camera off there is no picture to draw over (the panel beside it has the summary).
    if (!this.cameraTurnedOff) this.renderer.draw(shown);
    this.view.showBreak(
      shown.flow.phase !== 'rest'
        ? undefined
        : session.isFormCheck
          ? 'Next part now (N)'
          : 'Next set now (N)',
    );
    const state = this.runOver
      ? this.cameraTurnedOff
        ? 'done: camera off'
        : 'done: not analysing'
      : session.isPaused
        ? 'paused'
        : `${this.stats.fps(now)} frames/s analysed`;
    this.view.setStatus(
      // Paused or done, no frame is analysed (the detector rests): no rate to show.
      `${this.runtime.label} · ${state}` +
        (this.stats.restarts > 0 ? ` · worker restarted ${this.stats.restarts}×` : ''),
    );
  }

  /**
   * Too few frames analysed for the exercise under way (to keep quick reps apart, or to time a
   * hold to half a second): say so, and whether camera or computer.
   * Judged on the frames of the set itself: setting up is not a set (the detector's first frames
   * after a model loads are slow), and nor is a pause. While the detector is down or restarting no
   * frame is analysed, and that has its own alert: "close other apps" would send the person the
   * wrong way. The window starts again with the first pose after it.
   */
  private judgeFrameRate(session: WorkoutSession, nowMs: number): void {
    const detectorDown = this.alerts.has('restart') || this.alerts.has('detector');
    // Once the run is over the detector rests (`complete`): no frames is no slow computer.
    if (session.settingUp || session.isPaused || detectorDown || this.runOver)
      this.frameRate.restart();
    const slow = this.frameRate.judge(nowMs, frameRateNeed(session.exercise.kind));
    if (sameSlowFrames(this.slowFramesShown, slow)) return;
    this.slowFramesShown = slow;
    if (slow === undefined) {
      this.alerts.clear('frames');
      return;
    }
    this.alerts.set('frames', slowFramesMessage(slow));
    if (!this.slowFramesSaid.has(slow.cause)) {
      this.slowFramesSaid.add(slow.cause);
      this.voice.say({ text: slowFramesCue(slow), priority: 'cue' });
    }
  }

  /**
   * A frame, or a restart of the worker, failed: on screen until poses come back (the watchdog
   * keeps trying), and said aloud once per run, as nothing moves on screen.
   */
  poseDetectionFailed(error: unknown): void {
    if (this.session !== undefined) this.view.showGate(WAITING_FOR_POSES, false);
    if (this.session !== undefined && !this.detectorFailureSaid) {
      this.detectorFailureSaid = true;
      this.voice.say({
        text: 'Pose detection failed and is retrying. Your set is kept.',
        priority: 'cue',
      });
    }
    this.alerts.set('detector', `Pose detection failed: ${errorMessage(error)}`);
  }

  /**
   * A worker restart: say so, on screen and (during a run, when it is not already shown) aloud:
   * the count stops moving for a few seconds. Cleared when poses come back.
   */
  workerRestarted(reason: string): void {
    this.stats.restarts += 1;
    // Not "Tracking" while nothing is: the next pose puts the set-up line back.
    if (this.session !== undefined) this.view.showGate(WAITING_FOR_POSES, false);
    if (this.session !== undefined && !this.alerts.has('restart'))
      this.voice.say({
        text: 'The pose detector is restarting. Your set is kept.',
        priority: 'cue',
      });
    this.alerts.set(
      'restart',
      `The pose detector stopped (${reason}) and is restarting; your set is kept.`,
    );
  }

  /** Analyses a recorded video through the same worker and engine; resolves with its report. */
  async runVideo(
    file: File,
    exercise: ExerciseDef,
    prescription: Prescription,
    options: RunOptions,
    onProgress: (fraction: number) => void,
  ): Promise<Report | undefined> {
    this.end();
    const run = this.runs;
    const loaded = await this.detector();
    if (run !== this.runs) return undefined;
    const session = this.newSession(exercise, prescription, 'video', options, loaded);
    this.session = session;
    this.view.showSource('video');
    this.mirrored = false;
    this.videoEl.classList.remove('mirrored');
    const abort = new AbortController();
    this.video = abort;
    const read = await analyseVideoFile(
      file,
      this.videoEl,
      loaded.source,
      (result, progress) => {
        if (result.personCount !== undefined) session.setPeopleCount(result.personCount);
        session.onPose(result.pose, result.timestampMs);
        this.renderer.draw(session.overlay(false, result.timestampMs));
        onProgress(progress);
      },
      abort.signal,
    );
    if (abort.signal.aborted || this.session !== session) return undefined;
    if (!read.complete) {
      const note = cutShortNote(read.readSec, read.durationSec);
      session.noteVideo(note);
      this.alerts.set('video', note);
    }
    return session.finishVideo();
  }

  togglePause(): void {
    const s = this.session;
    // A video is analysed frame by frame: pausing it would only drop frames from its report.
    // Nor a run that is over: nothing is judged any more.
    if (s === undefined || s.source === 'video' || this.runOver) return;
    s.setPaused(!s.isPaused);
    // The person's word is the last: a set they pause stays paused when the camera comes back.
    this.pausedByPerson = s.isPaused;
    this.pausedByCamera = false;
    this.view.showPaused(s.isPaused);
    this.detectorRests(s.isPaused);
  }

  /**
   * The tab was hidden or shown: nothing in between counts. A set the person paused stays paused
   * when the tab is shown again.
   */
  setHidden(hidden: boolean): void {
    const s = this.session;
    if (s === undefined || !this.feed.active || this.pausedByPerson || this.runOver) return;
    s.setPaused(hidden, 'Paused while the tab was hidden.');
    this.view.showPaused(hidden);
    this.detectorRests(hidden);
  }

  /**
   * Paused by the person (or a hidden tab), nothing is judged, so no frame is analysed either: the
   * detector is a laptop's whole core at 12-15 frames a second (its fan, its battery). The camera
   * stays on and shown; the overlay drops the skeleton once its pose is stale (`overlay`). On
   * resume the detector starts afresh (it searches for the person again: they may have moved).
   * A pause the camera caused keeps the loop as it is, to notice the frames coming back.
   */
  private detectorRests(paused: boolean): void {
    if (paused) this.loop.stop();
    else if (this.feed.active && !this.loop.running) void this.streamToDetector();
  }

  /**
   * The detector rests: the run is over (`complete`), or paused by the person or a hidden tab (not
   * the camera, whose frames coming back are watched for).
   */
  private get restingDetector(): boolean {
    const session = this.session;
    if (session === undefined) return false;
    return this.runOver || (session.isPaused && !this.pausedByCamera);
  }

  /**
   * The run on screen is over (its last set done, or a form check's card up): nothing is judged,
   * so nothing pauses it, no frame rate is judged and the line under the picture stays as it ended.
   */
  private get runOver(): boolean {
    return this.session !== undefined && this.finish === undefined;
  }

  /**
   * The run is over (its last set done, or a form check's card to read): nothing more is judged,
   * so the detector rests until the next run starts it (the camera stays on and shown: a routine's
   * next exercise or a form check's next part follows; `cameraOff` when nothing does).
   */
  private complete(end: RunEnd): void {
    const finish = this.finish;
    this.finish = undefined;
    if (end.kind !== 'left' && this.session?.source === 'camera') {
      this.loop.stop();
      this.view.showOver();
    }
    finish?.(end);
  }

  /**
   * The workout on screen is over and nothing follows it here (its last set done, a routine's
   * summary up, its last exercise skipped, a form check left from its card): the camera goes off,
   * its light with it, and the detector with it, so a person reading the summary or stretching is
   * not left filmed for nothing. A run under way keeps both; the next run (Back, then Start) opens
   * the camera again.
   */
  cameraOff(): void {
    if (this.finish !== undefined || !this.feed.active) return;
    this.loop.stop();
    this.feed.stop();
    // A camera that stopped or was lost before now needs no "Try again": nothing needs it.
    this.alerts.clear('camera');
    this.cameraTurnedOff = true;
    this.renderer.erase();
    this.view.showCameraOff(true);
  }

  /** Ends the current run (it resolves as left); the camera stays on. */
  endRun(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    // The run's frame rate goes with it (it stayed on the history and report screens, fading).
    if (this.session !== undefined) this.view.setStatus(this.runtime.label);
    this.session = undefined;
    this.pausedByPerson = false;
    this.renderer.clear();
    this.cameraTurnedOff = false;
    this.view.showCameraOff(false);
    this.alerts.clear('frames');
    this.slowFramesShown = undefined;
    this.slowFramesSaid.clear();
    this.detectorFailureSaid = false;
    this.runs += 1;
    this.complete({ kind: 'left' });
  }

  private stopVideo(): void {
    this.video?.abort();
    this.video = undefined;
    this.videoEl.removeAttribute('src');
  }

  /** Stops everything: the run, the camera, the detector loop, any video analysis. */
  end(): void {
    this.endRun();
    this.loop.stop();
    this.feed.stop();
    this.stopVideo();
    this.alerts.clear('camera');
  }
}
