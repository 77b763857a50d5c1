import type { EngineEvent } from './analyzer.ts';
import { isBorderline } from './checks/verdict.ts';
import type { Fault } from './faults.ts';
import { jointsInWords } from './joint-words.ts';
import type { PartialReason } from './rep-events.ts';
import type { GateIssue } from './setup-gate.ts';

/**
 * What to say aloud, from engine events. The count is always spoken; form cues are one at a time,
 * the same cue at most once per `repeatAfterMs`, and none within `gapMs` of another, so a person
 * two metres away hears short, spaced instructions rather than a stream.
 */
export interface CueParams {
  readonly gapMs: number;
  readonly repeatAfterMs: number;
}

export const DEFAULT_CUES: CueParams = { gapMs: 2500, repeatAfterMs: 12000 };

export interface Utterance {
  readonly text: string;
  /** Counts interrupt whatever is being said; cues wait their turn. */
  readonly priority: 'count' | 'cue';
}

export function issueText(issue: GateIssue): string {
  switch (issue.kind) {
    case 'no-person':
      // BlazePose finds a person by the whole body, head included: with the lower legs only in
      // the picture it found nobody in 74 % of a real clip's frames, and nobody on either photo of
      // feet alone (test/fixtures/stills). A person who framed just the legs is in view, so say
      // what the picture needs.
      return 'Step into view, head to feet.';
    case 'not-still':
      return 'Stand still in the start position.';
    case 'missing':
      return `I can't see your ${jointsInWords(issue.keypoints).text}. Step back so your whole body is in view.`;
  }
}

/**
 * What to say about a movement that was not counted, when it was plainly meant as a rep: one at
 * least the size of a small rep but much smaller than the person's own reps so far. The other
 * reasons stay unsaid: a lone "too small" or "too quick" excursion may be a wobble (a run of them
 * is named by quick-lifts.ts), and "pulses" is also what settling a barbell on the back while
 * standing looks like (`squat_front_barbell_gym_3reps` at 4.1 s, standing still by its label).
 */
export function uncountedText(reason: PartialReason): string | undefined {
  return reason === 'much smaller than your other reps'
    ? 'Not counted: smaller than your other reps.'
    : undefined;
}

/**
 * Depth is range, pursued only as far as the form holds: the coaching rule is to squat as low as
 * the spine stays neutral, the knees over the feet and the heels down, and no lower. Of two faults
 * as sure as each other, a form fault is said before "go deeper", which would push the person
 * further into the lean or the caving that stopped them (seen: the side-on office squat, trunk 61°
 * past the shins and thighs 21° above level, was told only "Go deeper.").
 */
export const RANGE_FAULTS: ReadonlySet<Fault['code']> = new Set(['shallow-depth']);

/**
 * The one fault worth saying (and showing) of several: a warning beats advice, a sure warning a
 * close call (a clear lean before a borderline depth), form before depth (`RANGE_FAULTS`), and
 * then the surer.
 */
export function firstToFix(faults: readonly Fault[]): Fault | undefined {
  const rank = (f: Fault) => [
    f.severity === 'warn' ? 0 : 1,
    isBorderline(f) ? 1 : 0,
    RANGE_FAULTS.has(f.code) ? 1 : 0,
    -(f.confidence ?? 1),
  ];
  const before = (a: Fault, b: Fault) => {
    const [ra, rb] = [rank(a), rank(b)];
    const i = ra.findIndex((v, k) => v !== rb[k]);
    return i >= 0 && (ra[i] ?? 0) < (rb[i] ?? 0);
  };
  return faults.reduce<Fault | undefined>(
    (best, f) => (best === undefined || before(f, best) ? f : best),
    undefined,
  );
}

export class CueSelector {
  private lastSpokenMs = -Infinity;
  private readonly lastByText = new Map<string, number>();

  constructor(private readonly params: CueParams = DEFAULT_CUES) {}

  select(events: readonly EngineEvent[], nowMs: number): Utterance[] {
    const out: Utterance[] = [];
    for (const e of events) {
      if (e.type === 'rep') out.push({ text: String(e.rep.index), priority: 'count' });
      if (e.type === 'circle') out.push({ text: String(e.count), priority: 'count' });
      if (e.type === 'hold-end' && e.hold.endedBecause !== undefined)
        this.offer(out, `${e.hold.endedBecause}. Hold it.`, nowMs);
    }
    const best = firstToFix(events.flatMap((e) => (e.type === 'fault' ? [e.fault] : [])));
    // Said in a few words (the numbers are on the screen): heard whole before the next count.
    if (best !== undefined) this.offer(out, best.cue ?? best.message, nowMs);
    for (const e of events) {
      const text = e.type === 'partial' ? uncountedText(e.reason) : undefined;
      if (text !== undefined) this.offer(out, text, nowMs);
    }
    const setup = events.find((e) => e.type === 'setup');
    if (setup?.type === 'setup') this.offer(out, issueText(setup.issue), nowMs);
    return out;
  }

  /** A cue of the caller's own (hold cues, the flow's prompts), under the same spacing rules. */
  offer(out: Utterance[], text: string, nowMs: number): void {
    if (nowMs - this.lastSpokenMs < this.params.gapMs) return;
    if (nowMs - (this.lastByText.get(text) ?? -Infinity) < this.params.repeatAfterMs) return;
    this.lastSpokenMs = nowMs;
    this.lastByText.set(text, nowMs);
    out.push({ text, priority: 'cue' });
  }
}
