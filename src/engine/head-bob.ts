import { median, msToSec, round2 } from '../geometry/stats.ts';
import { confidenceOf, LIMITS, type Strictness } from './checks/thresholds.ts';
import { cannotJudge, pass, type Verdict } from './checks/verdict.ts';
import type { Body } from './body.ts';
import type { Fault } from './faults.ts';

/** A fraction of stature as the percentage reported (hundredths). */
const percent = (fraction: number): number => round2(fraction * 100);

/**
 * Head bob during circles: the head's vertical range about its trend over each completed circle,
 * as a fraction of the person's standing height, measured in the first second after set-up (nose
 * to the ankle stood on ≈ 0.875 of stature, Winter's anthropometry). The head's height is that of
 * the nose and both ears together (`headHeight`). Only what happens while circling counts: the
 * window is the circle itself (as the circle counter times it: a pause before it is left out), so
 * getting into position or putting the foot down after the last circle does not.
 * Design note: checks/form-checks.md.
 */
export const HEAD_BOB = {
  /** Standing height is measured over the first second after the person is set up. */
  calibrateMs: 1000,
  /** A circle longer than this is judged on its last this-much (a pause mid-circle is not a bob). */
  maxWindowMs: 4000,
  /** At most one spoken fault per this much time. */
  coolDownMs: 4000,
  /** The nose's height above the ankle stood on, over stature. */
  noseToAnkleOfStature: 0.875,
} as const;

/**
 * Each head height is first the median of those within this of it (ms), or of its neighbours when
 * frames are further apart: a range takes the two most extreme frames, and the keypoint's frame to
 * frame jitter is what the live picture adds. Seen: the real ankle-circle clip (still head, 1.9 %
 * of stature from the clip's own track) read 2.6-2.9 % on one circle of each play with the clip
 * as a 640-px webcam analysed at ~15 frames/s, past the 2.5 % limit ("Head still." each time). A
 * bob tied to the circling (one a circle, ≥ 0.5 s) keeps 90 % or more of its range through it.
 */
const DESPIKE_HALF_WIDTH_MS = 80;

function despiked(samples: readonly { t: number; y: number }[]): { t: number; y: number }[] {
  const gaps = samples.slice(1).map((s, i) => s.t - (samples[i]?.t ?? s.t));
  const half = Math.max(DESPIKE_HALF_WIDTH_MS, 1.1 * (median(gaps) ?? 0));
  return samples.map((s) => ({
    t: s.t,
    y: median(samples.filter((q) => Math.abs(q.t - s.t) <= half).map((q) => q.y)) ?? s.y,
  }));
}

/**
 * The range of y about its straight-line trend over the window: the bob, without the slow drift of
 * someone sinking into the standing leg or settling their posture.
 */
export function detrendedRange(samples: readonly { t: number; y: number }[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const my = samples.reduce((a, s) => a + s.y, 0) / n;
  const stt = samples.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  const slope = stt > 0 ? samples.reduce((a, s) => a + (s.t - mt) * (s.y - my), 0) / stt : 0;
  const residuals = samples.map((s) => s.y - my - slope * (s.t - mt));
  return Math.max(...residuals) - Math.min(...residuals);
}

/** One frame's head: the nose's height, and the head's (nose and ears) when both ears are seen. */
interface HeadSample {
  readonly t: number;
  readonly nose: number;
  readonly head: number | undefined;
}

/**
 * The head's height in the picture: the mean of the nose and both ears. A bob moves the whole head
 * and all three with it; each point's own jitter is the model's, and the mean of three has about
 * 1/√3 of it. The ears also sit near the axis a nod turns about, so a nod moves the mean a third as
 * much as the nose. On the rendered knee circles (exact truth: the ±2.5 cm bob is 3.1-3.4 % of
 * stature a circle, the still head 0.1 %) the nose alone read the bob 2.8-3.6 % and the still head
 * up to 1.5 %; the head 3.1-3.8 % and 1.4 %; the real ankle-circle clip's still head, read as
 * filmed and mirrored, 1.9 % (nose) and 1.4 % (head). Undefined when an ear is not seen.
 */
export function headHeight(body: Body): number | undefined {
  const points = [body.point('nose'), body.point('left_ear'), body.point('right_ear')];
  let sum = 0;
  for (const p of points) {
    if (p === undefined) return undefined;
    sum += p.y;
  }
  return sum / points.length;
}

/**
 * The heights a circle is judged on: the head's when every frame of it saw both ears, else the
 * nose's (one series throughout, so an ear lost part-way does not read as the head moving).
 */
function heights(samples: readonly HeadSample[]): { t: number; y: number }[] {
  const whole = samples.every((s) => s.head !== undefined);
  return samples.map((s) => ({ t: s.t, y: whole ? (s.head ?? s.nose) : s.nose }));
}

/**
 * The height of the ankle the person stands on: the lower of the two in the picture. An ankle
 * circle is drawn on one leg, the other foot held up, and the mean of the two ankles sits half its
 * lift above the floor: on the real ankle-circle clip, with the circling foot up, the nose's height
 * above that mean reads up to 11 % short of its height above the standing ankle, so a set-up that
 * opened with the foot already up would read the person that much shorter and a bob as much larger.
 * With both feet down the two differ by under 1 %.
 */
function standingAnkleY(body: Body): number | undefined {
  const l = body.joint('left', 'ankle');
  const r = body.joint('right', 'ankle');
  if (l === undefined || r === undefined) return l?.y ?? r?.y;
  return Math.max(l.y, r.y);
}

export class HeadBobMonitor {
  private startMs: number | undefined;
  private stature: number | undefined;
  private readonly standHeights: number[] = [];
  /** Head heights since the last completed circle (or since circling started). */
  private circle: HeadSample[] = [];
  private lastFaultMs = -Infinity;
  private worst = 0;
  private seen = false;
  private lastScore = 0;

  /** What to say: only the part that circles moves (the knees, or the foot). */
  private readonly cue: string;

  constructor(
    private readonly strictness: Strictness,
    circling: 'knees' | 'foot' = 'knees',
  ) {
    this.cue = `Keep your head still: only the ${circling} ${circling === 'knees' ? 'move' : 'moves'}.`;
  }

  reset(): void {
    this.startMs = undefined;
    this.stature = undefined;
    this.standHeights.length = 0;
    this.circle = [];
  }

  private get limit(): number {
    return LIMITS.headBobHeights[this.strictness];
  }

  /** Calibrates standing height first, then records the head while the person circles. */
  push(body: Body, timestampMs: number): void {
    const nose = body.point('nose');
    const floor = standingAnkleY(body);
    if (nose === undefined) return;
    this.startMs ??= timestampMs;
    if (this.stature === undefined) {
      if (floor !== undefined) this.standHeights.push(floor - nose.y);
      if (timestampMs - this.startMs < HEAD_BOB.calibrateMs) return;
      const tallest = Math.max(...this.standHeights);
      if (!(tallest > 0)) return;
      this.stature = tallest / HEAD_BOB.noseToAnkleOfStature;
    }
    const head = headHeight(body);
    this.circle.push({ t: timestampMs, nose: nose.y, head });
    // Only the last stretch of a long circle is judged: older samples are dropped as they age.
    while (timestampMs - (this.circle[0]?.t ?? timestampMs) > HEAD_BOB.maxWindowMs)
      this.circle.shift();
    this.lastScore =
      head === undefined
        ? body.score('nose')
        : (body.score('nose') + body.score('left_ear') + body.score('right_ear')) / 3;
  }

  /** What looked like a circle was not one (ankle circles with the foot down): not judged. */
  circleDiscarded(): void {
    this.circle = [];
  }

  /**
   * A circle was completed, said at `timestampMs` and drawn from `sinceMs` to `untilMs` where the
   * counter knows: judges the head over it (what came after it is kept for the next circle).
   * Returns a head-bob fault when the head moved more than the limit (at most one per cool-down).
   */
  circleCompleted(timestampMs: number, sinceMs = -Infinity, untilMs = Infinity): Fault | undefined {
    const samples = this.circle.filter((s) => s.t >= sinceMs && s.t <= untilMs);
    this.circle = this.circle.filter((s) => s.t > untilMs);
    if (this.stature === undefined || samples.length < 2) return undefined;
    const bob = detrendedRange(despiked(heights(samples))) / this.stature;
    this.seen = true;
    this.worst = Math.max(this.worst, bob);
    // Judged on the percentages reported, so a fault never reads as at its limit.
    if (percent(bob) <= percent(this.limit) || timestampMs - this.lastFaultMs < HEAD_BOB.coolDownMs)
      return undefined;
    this.lastFaultMs = timestampMs;
    return {
      code: 'head-bob',
      severity: 'warn',
      atSec: msToSec(timestampMs),
      value: percent(bob),
      threshold: percent(this.limit),
      confidence: confidenceOf(bob, this.limit, LIMITS.headBobHeights.error, this.lastScore),
      unit: '% of height',
      message: this.cue,
      cue: 'Head still.',
    };
  }

  /** The verdict over the whole set: the largest bob over a circle against the limit. */
  verdict(): Verdict {
    if (!this.seen)
      return cannotJudge(
        'head-bob',
        'Head bob needs the face and feet in view for a whole circle: step back.',
      );
    const common = {
      value: percent(this.worst),
      threshold: percent(this.limit),
      confidence: confidenceOf(this.worst, this.limit, LIMITS.headBobHeights.error, 1),
    };
    if (common.value <= common.threshold)
      return pass('head-bob', '% of height', 'Head stayed still.', common);
    return {
      check: 'head-bob',
      status: 'fault',
      severity: 'warn',
      unit: '% of height',
      ...common,
      message: this.cue,
    };
  }
}
