import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import type { FrameView } from '../../src/engine/view.ts';
import type { Verdict } from '../../src/engine/checks/verdict.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';

// Heel lift is the heel's height above the toe at the bottom against standing: a vertical
// distance, seen at full length from the side and at 3/4 by a level camera. From the front the
// heel is behind the foot. No real clip here is labelled with heel lift, so on real footage the
// spec is that every clean rep is judged where the view allows and passes.

interface HeelVerdict {
  readonly clip: string;
  readonly rep: number;
  readonly view: FrameView | undefined;
  readonly verdict: Verdict;
}

const squatClips = LABELS.filter(
  (l) => l.exercise === 'squat' && !(l.faults ?? []).includes('heel-lift'),
);

const verdicts: HeelVerdict[] = squatClips.flatMap((label) =>
  (analyzeTrack(fixtureTrack(label.file), 'squat').reps ?? []).flatMap((rep) =>
    rep.verdicts
      .filter((v) => v.check === 'heel-lift')
      .map((verdict) => ({ clip: label.file, rep: rep.index, view: rep.view, verdict })),
  ),
);

describe('heel lift on the labelled squats (none has it)', () => {
  it('is judged side-on and at 3/4, and passes every rep', () => {
    const judged = verdicts.filter((v) => v.verdict.status !== 'cannot-judge');
    expect(judged.filter((v) => v.view === 'side').length).toBeGreaterThanOrEqual(30);
    expect(judged.filter((v) => v.view === 'three-quarter').length).toBeGreaterThanOrEqual(10);
    expect(
      judged
        .filter((v) => v.verdict.status !== 'pass')
        .map((v) => `${v.clip} rep ${v.rep}: ${v.verdict.value}`),
    ).toEqual([]);
  });

  it('says from the front that the heel is hidden and how to turn', () => {
    const front = verdicts.filter((v) => v.view === 'front');
    expect(front.length).toBeGreaterThanOrEqual(20);
    for (const v of front) {
      expect(v.verdict.status).toBe('cannot-judge');
      expect(v.verdict.message).toBe('Heel lift is hidden from the front: turn side-on.');
    }
  });
});
