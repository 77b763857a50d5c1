import type { ExerciseKind } from '../engine/exercise-def.ts';
import { CAMERA_STALL_MS } from './camera-feed.ts';

/**
 * Are enough frames analysed for the exercise under way, and if not, is the camera or the computer
 * short of them? Pure: the shell passes the times (page clock, ms) of the camera's frames and of
 * the frames analysed, and asks for a verdict a few times a second.
 */

/** How many frames a second an exercise needs, and what they are for, in the person's words. */
export interface FrameRateNeed {
  /** Warned under this many frames analysed a second. */
  readonly minFps: number;
  /** Once warned, the warning goes when the rate is back to this (no flicker at the limit). */
  readonly recoveredFps: number;
  /** What the frames are for, with the lowest rate the engine is checked at for this kind. */
  readonly purpose: string;
  /** What the person can do besides closing other apps ("slow your reps down"), if anything. */
  readonly slowDown: string | undefined;
  /** What too slow a camera or computer cannot do, said aloud: "count quick reps". */
  readonly cannot: string;
}

/**
 * Reps, circles and walks: the engine is specified at 10 frames/s (`frame-rate.test.ts` analyses
 * every labelled clip at 30, 15 and 10) and at a slow laptop's uneven 8-12 (80-130 ms apart, 9.5 on
 * average: `invariance.test.ts`). Measured live (README, "Known limits"), at 8.3 a second on
 * average (80-160 ms apart), quick split squats with 0.15 s standing between reps lost one rep in
 * fifteen. So the warning comes under 9 frames/s, and goes when the rate is back to 11, so that a
 * rate hovering at the limit does not make it flicker; a 10 frames/s webcam that the detector keeps
 * up with gets none.
 */
const MOVING = { minFps: 9, recoveredFps: 11 } as const;
const MOVING_SPECIFIED_FPS = 10;

/**
 * A hold is timed from the frame the pose is reached and still to the frame it is left, so each
 * end can land up to a frame late: at 5 frames/s the two together are under 0.4 s, inside the 0.5 s
 * a hold is timed to. Measured on every labelled real hold (downward dogs, the wall sit, the chair
 * pose, Warrior I and II, the triangle), each timed within 0.5 s of its time at 30 frames/s at 5
 * (`frame-rate.test.ts`); at 4 the chair pose lost 0.7 s of its label's 3.5 s. A hold at 6-8
 * frames/s, which a slow laptop gives, is no reason to tell the person to close other apps.
 */
const HOLD: FrameRateNeed = {
  minFps: 5,
  recoveredFps: 6,
  purpose: 'a hold is timed to half a second with 5 or more.',
  slowDown: undefined,
  cannot: 'time the hold',
};

const NEEDS: Readonly<Record<ExerciseKind, FrameRateNeed>> = {
  reps: {
    ...MOVING,
    purpose: `quick reps need ${MOVING_SPECIFIED_FPS} or more to be told apart.`,
    slowDown: 'slow your reps down',
    cannot: 'count quick reps',
  },
  circles: {
    ...MOVING,
    purpose: `circles need ${MOVING_SPECIFIED_FPS} or more to be followed.`,
    slowDown: 'circle more slowly',
    cannot: 'follow the circles',
  },
  walk: {
    ...MOVING,
    purpose: `quick steps need ${MOVING_SPECIFIED_FPS} or more to be told apart.`,
    slowDown: 'walk more slowly',
    cannot: 'count quick steps',
  },
  hold: HOLD,
};

/** What an exercise of this kind needs of the frame rate. */
export const frameRateNeed = (kind: ExerciseKind): FrameRateNeed => NEEDS[kind];

/** The rate is judged over this much time, and only this long after the first analysed frame. */
export const RATE_WINDOW_MS = 5000;
/**
 * The detector keeps up with the camera when it analyses at least this share of the camera's
 * frames: then the camera is what is slow (in dim light a webcam lengthens its exposure and sends
 * fewer frames). Below it, frames are dropped waiting for the detector: the computer.
 */
const KEEPS_UP_SHARE = 0.8;
/**
 * The detector is searching rather than the computer slow when it found nobody in a quarter or
 * more of the frames it analysed (and stays so until that is under a tenth, so that the message
 * does not flip as the share wobbles). BlazePose runs its person detector and then its landmark
 * model on a frame until it has someone to follow, and only the landmark model after that; a body
 * half in view is found and lost again and again, and each of those frames costs both. Measured on
 * the real legs-only tibialis clip (no pose in 74 % of its frames, and in all but 1 % of the rest a
 * body the model guessed upside down, which is nobody: `personSeen`): `formcheck poses` runs at
 * 14.9 frames/s on it against 33 on a whole person side on, and the live app analysed 6-8 frames/s
 * where it analyses 12-14 with a whole person in view or with nobody in the room. "Close other
 * apps" would not help; being seen would, and a person not found is not counted anyway.
 */
const SEARCHING_SHARE = 0.25;
const FOUND_AGAIN_SHARE = 0.1;

export interface SlowFrames {
  /**
   * What to fix: the camera sends few frames, the computer analyses few, or the detector keeps
   * searching for a person it does not find.
   */
  readonly cause: 'camera' | 'computer' | 'searching';
  readonly analysedFps: number;
  readonly cameraFps: number;
  /** What the exercise under way needs: the limit it is under, and the words for it. */
  readonly need: FrameRateNeed;
}

export class FrameRateWatch {
  private readonly camera: number[] = [];
  private readonly analysed: number[] = [];
  /** Of the frames analysed in the window (same order), whether a person was found. */
  private readonly found: boolean[] = [];
  private sinceMs: number | undefined;
  private slow: SlowFrames | undefined;

  /** Forget everything (a new run, the camera reopened): judged again after a full window. */
  restart(): void {
    this.camera.length = 0;
    this.analysed.length = 0;
    this.found.length = 0;
    this.sinceMs = undefined;
    this.slow = undefined;
  }

  /** Frame times held (camera and analysed): those of the last window only. */
  get framesHeld(): number {
    return this.camera.length + this.analysed.length;
  }

  cameraFrame(atMs: number): void {
    const last = this.camera[this.camera.length - 1];
    if (last !== undefined && atMs - last > CAMERA_STALL_MS) this.restart();
    this.camera.push(atMs);
    dropOlder(this.camera, atMs - RATE_WINDOW_MS);
  }

  /**
   * A frame analysed, and whether a person was found in it (`personSeen`: a pose the model guessed
   * is not a person, though it follows one as fast). The window starts at the first frame
   * analysed: loading and warming the model do not count.
   */
  analysedFrame(atMs: number, personFound = true): void {
    this.sinceMs ??= atMs;
    this.analysed.push(atMs);
    this.found.push(personFound);
    this.found.splice(0, dropOlder(this.analysed, atMs - RATE_WINDOW_MS));
  }

  /**
   * Slow for what the exercise needs (reps unless told), and why; undefined when fast enough, when
   * the camera has stalled (that is the camera's own alert, `camera-feed.ts`), or before a full
   * window has been watched.
   */
  judge(nowMs: number, need: FrameRateNeed = NEEDS.reps): SlowFrames | undefined {
    dropOlder(this.camera, nowMs - RATE_WINDOW_MS);
    this.found.splice(0, dropOlder(this.analysed, nowMs - RATE_WINDOW_MS));
    const lastCamera = this.camera[this.camera.length - 1];
    if (lastCamera === undefined || nowMs - lastCamera > CAMERA_STALL_MS) return undefined;
    if (this.sinceMs === undefined || nowMs - this.sinceMs < RATE_WINDOW_MS) return undefined;
    const analysedFps = rateFps(this.analysed);
    const cameraFps = rateFps(this.camera);
    const limit = this.slow === undefined ? need.minFps : need.recoveredFps;
    this.slow =
      analysedFps >= limit
        ? undefined
        : { cause: this.cause(analysedFps, cameraFps), analysedFps, cameraFps, need };
    return this.slow;
  }

  private cause(analysedFps: number, cameraFps: number): SlowFrames['cause'] {
    if (analysedFps >= KEEPS_UP_SHARE * cameraFps) return 'camera';
    const notFound = this.found.filter((f) => !f).length / Math.max(1, this.found.length);
    const share = this.slow?.cause === 'searching' ? FOUND_AGAIN_SHARE : SEARCHING_SHARE;
    return notFound >= share ? 'searching' : 'computer';
  }
}

/**
 * Drops the times at or before `fromMs` (times come in order), so that a camera left on between
 * exercises, when nothing asks for a verdict, does not pile them up. Returns how many it dropped.
 */
function dropOlder(timesMs: number[], fromMs: number): number {
  let n = 0;
  while (n < timesMs.length && (timesMs[n] ?? Infinity) <= fromMs) n += 1;
  timesMs.splice(0, n);
  return n;
}

/**
 * Frames a second from the frames' times, to 0.1: intervals over the span they cover (0 under
 * two frames).
 */
function rateFps(timesMs: readonly number[]): number {
  const first = timesMs[0];
  const last = timesMs[timesMs.length - 1];
  if (first === undefined || last === undefined || last === first) return 0;
  return Math.round(((timesMs.length - 1) * 10_000) / (last - first)) / 10;
}

/**
 * Whether a new verdict says what the one on screen says: the same cause, and a rate within 2
 * frames/s, or one that has come back up to the limit while the warning waits to clear (the alert
 * is read out to screen readers each time it changes: not on every wobble, and never with a rate
 * that the message itself calls enough).
 */
export function sameSlowFrames(
  shown: SlowFrames | undefined,
  now: SlowFrames | undefined,
): boolean {
  if (shown === undefined || now === undefined) return shown === now;
  const rate = (s: SlowFrames) => (s.cause === 'camera' ? s.cameraFps : s.analysedFps);
  return (
    shown.cause === now.cause &&
    shown.need === now.need &&
    (Math.abs(rate(shown) - rate(now)) < 2 || rate(now) >= now.need.minFps)
  );
}

/**
 * What to tell the person, with what to do about it. Rates in whole frames, the analysed rate
 * never at the limit it is under (8.6 read "Only 9 frames a second", rounded).
 */
export function slowFramesMessage(slow: SlowFrames): string {
  const { need } = slow;
  const needed = need.purpose;
  const analysed = `Only ${Math.min(Math.round(slow.analysedFps), need.minFps - 1)} frames a second are analysed`;
  switch (slow.cause) {
    case 'camera':
      return (
        `The camera sends only ${Math.round(slow.cameraFps)} frames a second; ${needed} ` +
        'Webcams slow down in dim light: add light, or close other apps that use the camera.'
      );
    case 'computer':
      return (
        `${analysed}; ${needed} ` +
        (need.slowDown === undefined
          ? 'Close other apps and browser tabs, or plug the laptop in.'
          : `Close other apps and browser tabs, plug the laptop in, or ${need.slowDown}.`)
      );
    case 'searching':
      return (
        `${analysed}, and you are not found in most of them (searching for you takes longer ` +
        `than following you); ${needed} ` +
        'Step back until you are in view from head to feet, in good light.'
      );
  }
}

/**
 * What is said aloud, once per cause while an exercise runs (the person is two metres from the
 * screen): the cause and the one thing to do, the numbers left to the message on screen.
 */
export function slowFramesCue(slow: SlowFrames): string {
  switch (slow.cause) {
    case 'camera':
      return `The camera is too slow to ${slow.need.cannot}: add light.`;
    case 'computer':
      return `This computer is too slow to ${slow.need.cannot}: close other apps.`;
    case 'searching':
      return 'I keep losing you: step into view, head to feet.';
  }
}
