import { median } from '../geometry/stats.ts';
import {
  farLevel,
  heldTop,
  HELD_MS,
  PULSE_FRACTION,
  startLevel,
  type Excursion,
} from './excursion.ts';
import { timeShareAt } from './movement-profile.ts';
import type { RepCounterParams } from './rep-counter-params.ts';
import type { CountedRep, PartialReason, RepEvent, RepPhase, Sample } from './rep-events.ts';
import { phaseTimes, wayBackTimed } from './rep-phase-times.ts';
import { heldOver, lastInBand, riseRate, type Crossing } from './signal-samples.ts';

/**
 * The far end is also reached where the way there slows to under this share of its fastest,
 * over {@link RISE_WINDOW_MS}: a smooth movement (half a cosine) is that slow only in its last
 * 8 % of the time, within 2 % of the way from its end, however long it takes; a rise that ends in
 * a creep (a quick rise, then the heels edging up for half a second) slows at once. Only the live
 * phase (the tempo bar) uses it.
 */
const SLOWED_SHARE = 0.25;
/** The rise's speed is read over this much time: two frames at 10 frames/s. */
const RISE_WINDOW_MS = 200;

/**
 * How much of the time at rest before an excursion it keeps, to find where the person began to
 * move (ms): the slowest prescribed phase (a lowering over 3 s) moves the smallest countable rep
 * through the start band in less.
 */
const LEAD_MS = 3000;
/**
 * Where the heels stood between raises is read from a rest of at least this long at its lowest
 * (ms): a few frames at any rate (6 at 30 frames/s, 2 at 10), where one frame is no floor.
 */
const STOOD_MS = 200;
/** After a turn, the rest level is taken where the signal is after this long at the latest (ms). */
const SETTLE_MAX_MS = 1000;

/** Time constant with which the rest level follows a signal below it. */
const REST_FOLLOW_DOWN_MS = 150;

/**
 * Still this long part-way through an excursion (not at its far end), within `startDelta`: the
 * person has stopped, not slowed down. The slowest prescribed phase (lowering over 3 s) moves the
 * smallest countable rep further than `startDelta` in this time.
 */
const SETTLED_MS = 3000;
/** The pause before a rep is timed over at most this long before it (ms): longer is no bounce. */
const BETWEEN_REPS_MS = 10_000;

/**
 * Counts reps on one scalar movement signal (0 near the start position, growing as the person
 * moves away from it: hip drop for a squat, heel rise for a calf raise). Design: rep-counter.md.
 */
export class RepCounter {
  private restLevel: number | undefined;
  /** The start position the setup gate saw (undefined until calibrated). */
  private startPosition: number | undefined;
  private lastSample: Sample | undefined;
  /**
   * The samples since the last rep was counted (the last BETWEEN_REPS_MS of them), for the pause
   * before the next; undefined before the first rep after the counter started or was interrupted.
   */
  private sinceLastRep: Sample[] | undefined;
  private lastRepEnd: Crossing | undefined;
  /** The samples at rest since the last excursion (the last {@link LEAD_MS} of them). */
  private atRest: Sample[] = [];
  private excursion: Excursion | undefined;
  /** Lowest signal since the last excursion closed: a new one must rise from here (re-arming). */
  private floor: number | undefined;
  private readonly amplitudes: number[] = [];
  private reps = 0;
  /**
   * After a turn, since when the rest level is being learnt again and the last readings within the
   * start band of each other, until they span {@link STOOD_MS}: the rest level in the new view
   * (undefined: not settling).
   */
  private settling: { readonly sinceMs: number; readonly kept: Sample[] } | undefined;

  /**
   * `startPose`: signal values that can only mean the start position (standing tall, for a
   * squat): a person who settles there has changed stance, wherever the excursion's far end was.
   */
  constructor(
    private readonly params: RepCounterParams,
    private readonly startPose?: { readonly max: number },
  ) {}

  get count(): number {
    return this.reps;
  }

  /** When the excursion in progress began (undefined at rest). */
  get excursionStartMs(): number | undefined {
    return this.excursion?.samples[0]?.timestampMs;
  }

  /** Where the person is in the rep now, for the live tempo bar. */
  get phase(): RepPhase {
    const e = this.excursion;
    if (e === undefined || this.lastSample === undefined) return 'rest';
    if (e.peak === this.lastSample && e.reachedFar === undefined) return 'away';
    return this.lastSample.value >= farLevel(e, this.params.farFraction) ? 'far' : 'return';
  }

  /**
   * Seconds of the whole movement for each second of the current phase (`phase`) as the counter
   * sees it, so that a clock run at this rate from the phase's start reads, at the count, the time
   * the rep's phases will give (rep-counter.md, "Phases: whole movements"). The way there is seen
   * from the excursion opening, `startDelta` above the lowest point, to the top; the way back from
   * leaving the far band to the count, at the level this rep will be closed at. 1 at either end,
   * and on a way back too near the far end to be timed.
   */
  get phaseClock(): number {
    const p = this.params;
    switch (this.phase) {
      case 'away': {
        const opened = Math.min(0.5, p.startDelta / this.typicalAmplitude());
        return 1 / (1 - timeShareAt(opened));
      }
      case 'return': {
        // The level this excursion will be closed at (as `closeExcursion` times it).
        const e = this.excursion;
        const amp = e === undefined ? 0 : heldTop(e) - e.restLevel;
        const closedShare =
          e === undefined || amp <= 0
            ? 1 - p.returnFraction
            : 1 - (this.returnLevel(e, amp) - e.restLevel) / amp;
        return wayBackTimed(closedShare, p.farFraction)
          ? 1 / (timeShareAt(closedShare) - timeShareAt(p.farFraction))
          : 1;
      }
      default:
        return 1;
    }
  }

  /**
   * The last sample is in the start position: no excursion in progress, and within the start band
   * of the rest level (as a rep's start is found: `startLevel`, with this person's typical rep).
   * False when the counter closed a rep part-way back and the signal has not come further.
   */
  get atStart(): boolean {
    if (this.excursion !== undefined || this.lastSample === undefined) return false;
    if (this.restLevel === undefined) return true;
    const margin = Math.max(this.params.startDelta * 0.5, 0.1 * this.typicalAmplitude());
    return this.lastSample.value <= this.restLevel + margin;
  }

  /** 0 at rest, 1 at the typical depth of this person's reps so far (for the range bar). */
  progress(): number {
    if (this.restLevel === undefined || this.lastSample === undefined) return 0;
    return Math.max(0, (this.lastSample.value - this.restLevel) / this.typicalAmplitude());
  }

  private typicalAmplitude(): number {
    const sorted = [...this.amplitudes].sort((a, b) => a - b);
    return sorted.length === 0
      ? this.params.minAmplitude * 2
      : (sorted[Math.floor(sorted.length / 2)] ?? 1);
  }

  /** The person is out of position or out of sight: drop any rep in progress. */
  interrupt(): void {
    this.excursion = undefined;
    this.lastSample = undefined;
    this.sinceLastRep = undefined;
    this.lastRepEnd = undefined;
    this.atRest = [];
    this.floor = undefined;
  }

  /**
   * The person turned by a view's width (turn-watch.ts) and the signal is read by the view: its
   * level moved with the turn. A lift in progress began with it, not with a rep, and is dropped;
   * the rest level is learnt again where the signal next stands still (rep-counter.md, "A turn is
   * no lift").
   */
  turned(): void {
    this.excursion = undefined;
    this.restLevel = undefined;
    this.settling = { sinceMs: this.lastSample?.timestampMs ?? -Infinity, kept: [] };
    this.atRest = [];
    this.floor = undefined;
  }

  /**
   * Another counter on the same movement counted a rep, ending at `endMs`, that this one has not:
   * the rest and the pause before this counter's next rep are timed from there, not from its own
   * last rep, which may be reps ago (rep-counter.md, "The rep before is the set's"). If this
   * counter counts the same movement after all, its own end replaces this one.
   */
  countedElsewhere(endMs: number): void {
    if (this.lastRepEnd !== undefined && this.lastRepEnd.atMs >= endMs) return;
    this.lastRepEnd = { atMs: endMs, gapMs: 0 };
    this.sinceLastRep =
      this.excursion === undefined ? this.atRest.filter((s) => s.timestampMs >= endMs) : [];
  }

  /** Sets the rest level from a still start pose (the setup gate). */
  calibrate(restLevel: number): void {
    this.restLevel = restLevel;
    this.startPosition = restLevel;
  }

  push(sample: Sample): RepEvent[] {
    if (!Number.isFinite(sample.value)) return [];
    if (this.lastSample !== undefined && !(sample.timestampMs > this.lastSample.timestampMs))
      return [];
    const previous = this.lastSample;
    this.lastSample = sample;
    if (this.settling !== undefined) {
      this.settleAfterTurn(this.settling, sample);
      return [];
    }
    if (this.restLevel === undefined) {
      this.restLevel = sample.value;
      return [];
    }
    const p = this.params;
    const e = this.excursion;
    if (e === undefined) {
      this.noteBetweenReps(sample);
      this.atRest.push(sample);
      while (sample.timestampMs - (this.atRest[0]?.timestampMs ?? Infinity) > LEAD_MS)
        this.atRest.shift();
      this.trackRest(sample, previous);
      this.floor = Math.min(this.floor ?? sample.value, sample.value);
      if (sample.value - this.floor > p.startDelta) {
        // The excursion is measured from the top the person actually reached before it (their
        // own range, not the first standing pose): bouncy sets that never lock out still count.
        const reference = Math.max(this.floor, this.restLevel);
        this.floor = undefined;
        const lead = this.atRest;
        this.settleStartPosition(lead);
        this.atRest = [];
        this.excursion = {
          restLevel: reference,
          lead,
          samples: previous ? [previous, sample] : [sample],
          peak: sample,
          held: previous ? Math.min(previous.value, sample.value) : sample.value,
          extreme: sample.value,
          heading: 'away',
          bottoms: 0,
          reachedFar: undefined,
          fastestRise: 0,
        };
      }
      return [];
    }
    e.samples.push(sample);
    e.held = Math.max(e.held, heldOver(e.samples, HELD_MS));
    const rise = riseRate(e.samples, sample, RISE_WINDOW_MS);
    e.fastestRise = Math.max(e.fastestRise, rise);
    if (sample.value > e.peak.value) e.peak = sample;
    else if (e.reachedFar === undefined) e.reachedFar = e.peak.value;
    // The way there has slowed to a creep: the far end, as a frame under the peak would say.
    if (e.reachedFar === undefined && e.peak === sample && rise < SLOWED_SHARE * e.fastestRise)
      e.reachedFar = e.peak.value;
    // Well past where the far end was reached: a new way there, not the far end creeping on.
    if (e.reachedFar !== undefined) {
      const reached = e.reachedFar - e.restLevel;
      if (sample.value - e.reachedFar > Math.max(p.farFraction * reached, p.startDelta * 0.5))
        e.reachedFar = undefined;
    }
    const amp = e.peak.value - e.restLevel;
    this.trackTurns(e, sample.value, amp);
    const events: RepEvent[] = [];
    if (sample.timestampMs - (e.samples[0]?.timestampMs ?? sample.timestampMs) > p.maxRepMs)
      // Stayed away too long (sat down, a hold, not a rep).
      return [this.letGo(e, sample, amp, 'too long to be a rep')];
    if (this.settledPartWay(e, sample))
      // Stopped part-way and stayed (a new stance, a camera that moved): not a rep in progress.
      return [this.letGo(e, sample, amp, 'stopped part-way')];
    if (
      sample.value - e.restLevel <= p.returnFraction * amp ||
      sample.value - e.restLevel <= p.startDelta * 0.5 ||
      this.backAtStartPosition(e, sample)
    ) {
      this.excursion = undefined;
      this.floor = sample.value;
      // One that never rose above the level it was measured from was no lift at all: the signal
      // climbing back to rest from below it (a keypoint lost and found, the rest level just moved).
      if (e.peak.value > e.restLevel) events.push(this.closeExcursion(e, sample));
    }
    return events;
  }

  /**
   * Where the heels stood between the last rep and this one, when lower than the start position
   * so far ("Back where the heels stood", rep-counter.md): the median of the rest samples within
   * half the start band of their lowest, if they span {@link STOOD_MS}. Only after a rep (before
   * the first, a look down at the feet dips the reading), only lower (a raise that does not come
   * all the way down is no new floor), and by no more than a typical raise (heels flat a whole
   * raise below where they stood are a misread or a step, not the floor).
   */
  private settleStartPosition(lead: readonly Sample[]): void {
    const start = this.startPosition;
    if (this.params.backAtTheStartPosition !== true || start === undefined) return;
    if (this.sinceLastRep === undefined || lead.length === 0) return;
    const lowest = Math.min(...lead.map((s) => s.value));
    const flat = lead.filter((s) => s.value <= lowest + this.params.startDelta * 0.5);
    const span = (flat.at(-1)?.timestampMs ?? 0) - (flat[0]?.timestampMs ?? 0);
    if (span < STOOD_MS) return;
    const stood = median(flat.map((s) => s.value));
    if (stood !== undefined && stood < start && start - stood <= this.typicalAmplitude())
      this.startPosition = stood;
  }

  /**
   * With `backAtTheStartPosition`: within `returnFraction` of the peak's height above the start
   * position the setup gate saw, wherever lower the excursion began.
   */
  private backAtStartPosition(e: Excursion, now: Sample): boolean {
    const level = this.startPositionReturnLevel(e);
    return level !== undefined && now.value <= level;
  }

  /** The level `backAtStartPosition` closes a rep at (undefined where it does not apply). */
  private startPositionReturnLevel(e: Excursion): number | undefined {
    const start = this.startPosition;
    if (this.params.backAtTheStartPosition !== true || start === undefined) return undefined;
    const lift = e.peak.value - start;
    return lift > 0 ? start + this.params.returnFraction * lift : undefined;
  }

  /**
   * The level the signal crossed on its way back when the rep was closed: the first of the closing
   * levels it came down through, the highest. Timed at a lower one it had not reached yet, the
   * way back ended before the far end did: a calf raise closed at its start position read
   * "lowered in -0.1 s" (-0.01 to -0.24 s) on two real clips and the rendered side-on raises.
   */
  private returnLevel(e: Excursion, amp: number): number {
    const p = this.params;
    const fromRest = e.restLevel + Math.max(p.returnFraction * amp, p.startDelta * 0.5);
    return Math.max(fromRest, this.startPositionReturnLevel(e) ?? -Infinity);
  }

  /**
   * The peak's height above where the heels stood (`CountedRep.aboveTheStart`), where that is known
   * and consistent with the count: a floor that puts a counted raise under the smallest countable
   * rep is not this raise's floor (the single-leg clip's foot held up changes the heel signal's
   * level from the set-up's, and its last raise's peak read 0.02 shank under it).
   */
  private aboveTheStart(e: Excursion): { aboveTheStart?: number } {
    const start = this.startPosition;
    const knowsTheStart =
      this.params.backAtTheStartPosition === true || this.params.pastTheStartPosition === true;
    if (!knowsTheStart || start === undefined) return {};
    const height = e.peak.value - start;
    return height >= this.params.minAmplitude ? { aboveTheStart: height } : {};
  }

  /** Drops the excursion and starts over from where the person is now. */
  private letGo(e: Excursion, now: Sample, amp: number, reason: PartialReason): RepEvent {
    this.excursion = undefined;
    this.restLevel = now.value;
    return {
      type: 'partial',
      startMs: e.samples[0]?.timestampMs ?? now.timestampMs,
      atMs: now.timestampMs,
      amplitude: amp,
      reason,
    };
  }

  /**
   * Still (within `startDelta`) for {@link SETTLED_MS}, and not at the far end (a paused bottom)
   * unless that is the start pose: standing tall is not the bottom of a rep, so an excursion that
   * ends there is a new stance (stepping back from a rack with the bar and standing a little
   * lower, say).
   */
  private settledPartWay(e: Excursion, now: Sample): boolean {
    const first = e.samples[0];
    if (first === undefined || now.timestampMs - first.timestampMs < SETTLED_MS) return false;
    const standingTall = this.startPose !== undefined && now.value <= this.startPose.max;
    // The far end: within `farFraction` of the excursion from the level held there, or within
    // `startDelta` (the jitter) of it, whichever is wider: a small calf raise's top (0.15 of 0.1
    // shank is 0.015) sags by more than that while it is held.
    const top = heldTop(e);
    const farEnd =
      top - Math.max(this.params.farFraction * (top - e.restLevel), this.params.startDelta);
    let lo = now.value;
    let hi = now.value;
    for (let i = e.samples.length - 1; i >= 0; i--) {
      const s = e.samples[i];
      if (s === undefined || now.timestampMs - s.timestampMs > SETTLED_MS) break;
      // Any of the time spent at the far end: a held top (or bottom) that the person is now leaving,
      // slowly, is a rep going on, not a stop part-way.
      if (!standingTall && s.value >= farEnd) return false;
      lo = Math.min(lo, s.value);
      hi = Math.max(hi, s.value);
      if (hi - lo > this.params.startDelta) return false;
    }
    return true;
  }

  private trackTurns(e: Excursion, value: number, amp: number): void {
    const turn = PULSE_FRACTION * amp;
    if (e.heading === 'away') {
      if (value > e.extreme) e.extreme = value;
      else if (value < e.extreme - turn) {
        e.bottoms += 1;
        e.heading = 'back';
        e.extreme = value;
      }
    } else if (value < e.extreme) {
      e.extreme = value;
    } else if (value > e.extreme + turn) {
      e.heading = 'away';
      e.extreme = value;
    }
  }

  private trackRest(sample: Sample, previous: Sample | undefined): void {
    if (this.restLevel === undefined) return;
    // Below the rest level: the start position is further than thought, follow fast (but not on
    // one sample); above it: drift, follow slowly.
    const dt = previous === undefined ? 0 : sample.timestampMs - previous.timestampMs;
    const tau = sample.value < this.restLevel ? REST_FOLLOW_DOWN_MS : this.params.restTrackingMs;
    const a = dt / (tau + dt);
    this.restLevel += a * (sample.value - this.restLevel);
  }

  private closeExcursion(e: Excursion, end: Sample): RepEvent {
    const amp = e.peak.value - e.restLevel;
    const start = e.samples[this.startIndex(e, amp)]?.timestampMs ?? e.peak.timestampMs;
    const reason = this.notARep(e, amp, end.timestampMs - start);
    if (reason !== undefined)
      return { type: 'partial', startMs: start, atMs: end.timestampMs, amplitude: amp, reason };
    this.amplitudes.push(amp);
    this.reps += 1;
    const { phases, back } = phaseTimes(e, amp, this.params, {
      closedAt: this.returnLevel(e, amp),
      lastRepEnd: this.lastRepEnd,
      sinceLastRep: this.sinceLastRep,
    });
    const rep: CountedRep = {
      index: this.reps,
      startMs: start,
      peakMs: e.peak.timestampMs,
      endMs: end.timestampMs,
      restLevel: e.restLevel,
      peakValue: e.peak.value,
      amplitude: amp,
      ...this.aboveTheStart(e),
      phases,
    };
    this.lastRepEnd = back;
    this.sinceLastRep = e.samples.slice(-1);
    return { type: 'rep', rep };
  }

  /** Why an excursion of `amp` lasting `durationMs` is no rep; undefined when it is one. */
  private notARep(e: Excursion, amp: number, durationMs: number): PartialReason | undefined {
    const p = this.params;
    const pastStart =
      p.pastTheStartPosition === true && this.startPosition !== undefined
        ? e.peak.value - this.startPosition
        : Infinity;
    if (amp < p.minAmplitude || pastStart < p.minAmplitude) return 'too small';
    if (e.bottoms + (e.heading === 'away' ? 1 : 0) > p.maxBottoms)
      return 'pulses without standing up between them';
    if (durationMs < p.minRepMs && !this.isQuickRep(amp, durationMs)) return 'too quick';
    const relative = this.amplitudes.length === 0 ? Infinity : amp / this.typicalAmplitude();
    if (relative < p.relativeMinAmplitude) return 'much smaller than your other reps';
    return undefined;
  }

  /** A sample at rest: kept for the pause before the next rep. */
  private noteBetweenReps(sample: Sample): void {
    const kept = this.sinceLastRep;
    if (kept === undefined) return;
    kept.push(sample);
    while (kept.length > 2 && sample.timestampMs - (kept[0]?.timestampMs ?? 0) > BETWEEN_REPS_MS)
      kept.shift();
  }

  /**
   * After a turn no lift starts until the signal stands still, within the start band
   * (`startDelta`, twice a still heel's jitter) for {@link STOOD_MS}: there the person stands in
   * the new view, the rest level and the floor the next lift is measured from. A person still
   * turning, or walking off, has none; a reading too noisy to stand that still is taken where it
   * is after {@link SETTLE_MAX_MS}, so that counting never stops for good.
   */
  private settleAfterTurn(
    settling: { readonly sinceMs: number; readonly kept: Sample[] },
    sample: Sample,
  ): void {
    const { kept } = settling;
    kept.push(sample);
    const still = this.params.startDelta;
    const spread = () =>
      Math.max(...kept.map((s) => s.value)) - Math.min(...kept.map((s) => s.value));
    const waited = sample.timestampMs - settling.sinceMs >= SETTLE_MAX_MS;
    if (waited)
      while (kept.length > 1 && sample.timestampMs - (kept[0]?.timestampMs ?? 0) > STOOD_MS)
        kept.shift();
    else while (kept.length > 1 && spread() > still) kept.shift();
    if (!waited && sample.timestampMs - (kept[0]?.timestampMs ?? Infinity) < STOOD_MS) return;
    // The person stood there: the next lift is measured from it, and it is the start position
    // the set-up saw, as the new view reads it.
    this.restLevel = median(kept.map((s) => s.value));
    if (this.startPosition !== undefined) this.startPosition = this.restLevel;
    this.floor = Math.min(...kept.map((s) => s.value));
    this.atRest = [...kept];
    this.settling = undefined;
  }

  /** A rep under the shortest rep's time that is large enough and not too brief to be a wobble. */
  private isQuickRep(amp: number, durationMs: number): boolean {
    const q = this.params.quickRep;
    if (q === undefined) return false;
    const largest = this.typicalAmplitude() / this.params.relativeMinAmplitude;
    return amp >= q.minAmplitude && amp <= largest && durationMs >= q.minMs;
  }

  /** The last sample in the rest band before the peak: the rep began just after it. */
  private startIndex(e: Excursion, amp: number): number {
    return lastInBand(e.samples, startLevel(e, amp, this.params.startDelta), e.peak.timestampMs);
  }
}
