import { median, msToSec } from '../../geometry/stats.ts';
import { SIDES, type Body } from '../body.ts';
import { CircleCounter, DEFAULT_CIRCLES, type CircleDirection } from '../circle-counter.ts';
import type { EngineEvent } from '../engine-event.ts';
import type { Fault } from '../faults.ts';
import type { CirclesExercise } from '../exercise-def.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import type { Strictness } from '../checks/thresholds.ts';
import { FOOT_OFF_FLOOR_M, footLiftM } from '../foot-off-floor.ts';
import { HEAD_BOB, HeadBobMonitor } from '../head-bob.ts';
import { LegIdentity } from '../leg-identity.ts';
import { WatchedTime } from '../watched-time.ts';
import { IDLE_LIVE, type KindAnalyzer, type KindLive, type KindReport } from './kind-analyzer.ts';

/** Ankle circles: the toe that travelled further sideways over this window is the circling one. */
const TOE_TRAVEL_WINDOW_MS = 2000;

/**
 * An ankle circle is drawn with the foot off the floor (foot-off-floor.ts), judged over the circle:
 * the median of the circling foot's lift. Without 3-D every circle counts.
 */
/** The foot is judged over at most the last this of a circle (ms), as the head (head-bob.ts). */
const FOOT_LIFT_WINDOW_MS = HEAD_BOB.maxWindowMs;

/** A set watched at least this long (ms) with no circle in it says why (`notes`). */
const NO_CIRCLE_NOTE_AFTER_MS = 3000;
/** A standing shank is about 42 cm (Winter's segment table: 0.246 of stature at 1.7 m). */
const SHANK_CM = 42;

/** Counts circles in the direction the person was asked for, and watches the head. */
export class CircleAnalyzer implements KindAnalyzer {
  private readonly circles = new CircleCounter();
  private readonly headBob: HeadBobMonitor;
  private readonly toes: { t: number; left?: number; right?: number }[] = [];
  /**
   * The circling foot: the one whose toe travelled further sideways, kept until the other travels
   * further by a circle's smallest swing (`minSwing`). Both feet standing still jitter alike, and
   * the further of the two flipped between them: each flip moved the point a stance's width, as
   * a swing out and back (a still person counted 2 circles in 8 s before the first, with the clip's
   * first frame held as a webcam shows someone waiting).
   */
  private circlingFoot: 'left' | 'right' = 'left';
  /** Which foot is which, followed (leg-identity.ts): a swap of their names moved the circle. */
  private readonly legs = new LegIdentity();
  private direction: CircleDirection = 'clockwise';
  /** The circles credited: for ankle circles, those drawn with the foot lifted. */
  private readonly credited: Record<CircleDirection, number> = { clockwise: 0, anticlockwise: 0 };
  /**
   * How far one foot was off the floor (m, foot-off-floor.ts) in each frame since the last circle, where measured; the
   * last FOOT_LIFT_WINDOW_MS of a long one.
   */
  private footLifts: { t: number; m: number }[] = [];
  /** For the note on a set with no circle: time watched, and whether the point ever swung out. */
  private readonly watched = new WatchedTime();
  private everSwung = false;
  private footDowns = 0;

  constructor(
    private readonly exercise: CirclesExercise,
    strictness: Strictness,
  ) {
    this.headBob = new HeadBobMonitor(
      strictness,
      exercise.circleJoint === 'toe' ? 'foot' : 'knees',
    );
  }

  /** The direction the person is asked to circle in now (the app switches it halfway). */
  setDirection(direction: CircleDirection): void {
    this.direction = direction;
  }

  onReady(): void {
    this.headBob.reset();
  }

  onInterrupt(): void {
    this.watched.interrupt();
    this.circles.reset();
    this.footLifts = [];
    this.legs.reset();
  }

  onFrame(frame: AnalyzedFrame, events: EngineEvent[]): void {
    const f = frame.features;
    const shank = f.shankLength;
    const x = this.circlingX(frame.body, shank, frame.timestampMs);
    if (x === undefined || shank === undefined || !(shank > 0)) return;
    const lift = this.exercise.circleJoint === 'toe' ? footLiftM(frame.body) : undefined;
    if (lift !== undefined) this.footLifts.push({ t: frame.timestampMs, m: lift });
    while (frame.timestampMs - (this.footLifts[0]?.t ?? frame.timestampMs) > FOOT_LIFT_WINDOW_MS)
      this.footLifts.shift();
    const counted = this.circles.push(
      { timestampMs: frame.timestampMs, x: x / shank },
      this.direction,
    );
    this.watched.push(frame.timestampMs);
    this.everSwung ||= this.circles.circling;
    // A toe swinging with the foot on the floor (setting up, shifting weight) is not a circle.
    const span = counted ? this.circles.lastCircle : undefined;
    const lifted = span === undefined ? undefined : this.footLiftOver(span.startMs);
    const credited = counted && !(lifted !== undefined && lifted < FOOT_OFF_FLOOR_M);
    if (counted && !credited) {
      this.footDowns += 1;
      events.push({ type: 'fault', fault: footDown(frame.timestampMs, lifted ?? 0) });
      this.circles.takeBack(this.direction);
    }
    if (credited) {
      this.credited[this.direction] += 1;
      events.push({
        type: 'circle',
        direction: this.direction,
        count: this.credited[this.direction],
      });
    }
    if (!this.exercise.headStill) return;
    // The head is judged over each circle, not while getting into position or after the last.
    if (this.circles.circling || counted) this.headBob.push(frame.body, frame.timestampMs);
    if (!counted) return;
    if (!credited) {
      this.headBob.circleDiscarded();
      return;
    }
    const bob = this.headBob.circleCompleted(frame.timestampMs, span?.startMs, span?.endMs);
    if (bob !== undefined) events.push({ type: 'fault', fault: bob });
  }

  /** How far the circling foot was off the floor over the circle just completed (m; median). */
  private footLiftOver(sinceMs: number): number | undefined {
    const lifts = this.footLifts.filter((s) => s.t >= sinceMs).map((s) => s.m);
    this.footLifts = [];
    return median(lifts);
  }

  /**
   * Knee circles: both knees move together (their midpoint), measured from the ankles' midpoint:
   * the feet stay put, and a sway of the body or the camera moves both. Measured from the picture's
   * edge, the knees sat 4.5 shanks away on the rendered clips, and each frame's shank (the shins
   * foreshorten by up to 10 % as the knees come forward) swung that position by more than the
   * circle's own ±0.13 shank: mirrored, those clips counted 5 and, at 10 frames/s, 10 of 6.
   * Ankle circles: the toe of the foot that moves more, measured from the other foot's ankle
   * (`circlingFoot`), each foot followed as itself whatever the model names it.
   */
  private circlingX(
    body: Body,
    shank: number | undefined,
    timestampMs: number,
  ): number | undefined {
    if (this.exercise.circleJoint !== 'toe') {
      // Both of each, or the frame is left out: one side alone moves a midpoint by half the stance.
      const xs = (['knee', 'ankle'] as const).flatMap((joint) =>
        SIDES.map((side) => body.joint(side, joint)?.x),
      );
      const [lk, rk, la, ra] = xs;
      if (lk === undefined || rk === undefined || la === undefined || ra === undefined)
        return undefined;
      return (lk + rk) / 2 - (la + ra) / 2;
    }
    const swapped = this.legs.push(body, shank, timestampMs);
    const named = (side: 'left' | 'right', joint: 'toe' | 'ankle') =>
      body.joint(swapped ? (side === 'left' ? 'right' : 'left') : side, joint)?.x;
    const left = named('left', 'toe');
    const right = named('right', 'toe');
    this.toes.push({
      t: timestampMs,
      ...(left === undefined ? {} : { left }),
      ...(right === undefined ? {} : { right }),
    });
    while (timestampMs - (this.toes[0]?.t ?? timestampMs) > TOE_TRAVEL_WINDOW_MS) this.toes.shift();
    const spread = (side: 'left' | 'right') => {
      const xs = this.toes.map((s) => s[side]).filter((v): v is number => v !== undefined);
      return xs.length < 2 ? 0 : Math.max(...xs) - Math.min(...xs);
    };
    const foot = this.circlingFoot;
    const other = foot === 'left' ? 'right' : 'left';
    if (shank !== undefined && spread(other) - spread(foot) > DEFAULT_CIRCLES.minSwing * shank) {
      this.circlingFoot = other;
      // The other toe is another point, a stance's width away: no swing leads from one to it.
      this.circles.reset();
    }
    // From the standing foot's ankle, which stays put: the toe's place in the picture, in each
    // frame's shanks, moved with the shank's own jitter times the toe's distance from the picture's
    // edge (3.75 shanks on the real clip: a 2 % shank is 0.075, past a circle's smallest swing).
    const toe = this.circlingFoot === 'left' ? left : right;
    const standing = named(this.circlingFoot === 'left' ? 'right' : 'left', 'ankle');
    return toe === undefined || standing === undefined ? undefined : toe - standing;
  }

  live(): KindLive {
    return { ...IDLE_LIVE, circles: { ...this.credited } };
  }

  /**
   * A set watched for a few seconds with no circle in it says why, as the counter sees it: the
   * circling point never swung out to a side, or it swung but not side to side at a circle's pace.
   * Circles drawn with the foot down are said on their own (`footDown`).
   */
  notes(): readonly string[] {
    const circles = this.credited.clockwise + this.credited.anticlockwise;
    if (circles > 0 || this.footDowns > 0 || this.watched.ms < NO_CIRCLE_NOTE_AFTER_MS) return [];
    const what = this.exercise.circleJoint === 'toe' ? 'the foot' : 'the knees';
    const { minSwing, minCircleMs, maxCircleMs } = DEFAULT_CIRCLES;
    return [
      this.everSwung
        ? `No circle was counted: ${what} swung, but not out to one side and over to the other at a circle's pace (one circle every ${minCircleMs / 1000}-${maxCircleMs / 1000} s).`
        : `No circle was counted: ${what} never swung out to either side (about ${Math.round(minSwing * SHANK_CM * 2) / 2} cm from the middle is enough).`,
    ];
  }

  finish(): KindReport {
    const circles = { ...this.credited };
    return this.exercise.headStill ? { circles, verdicts: [this.headBob.verdict()] } : { circles };
  }
}

/** A circle drawn with the foot down: not counted, and said (a note, not a form fault). */
function footDown(timestampMs: number, liftM: number): Fault {
  return {
    code: 'foot-down',
    severity: 'info',
    atSec: msToSec(timestampMs),
    value: Math.round(liftM * 100),
    threshold: Math.round(FOOT_OFF_FLOOR_M * 100),
    confidence: 1,
    unit: 'cm',
    message: 'Not counted: lift the foot off the floor and circle it in the air.',
    cue: 'Foot off the floor.',
  };
}
