import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/analyzer.ts';
import { CueSelector, issueText } from '../../src/engine/cues.ts';
import type { Fault } from '../../src/engine/faults.ts';
import type { RepReport } from '../../src/engine/report.ts';

const fault = (
  code: Fault['code'],
  message: string,
  severity: Fault['severity'] = 'warn',
): Fault => ({ code, severity, atSec: 1, value: 1, unit: 'x', message });
const rep = (index: number, faults: Fault[] = []): EngineEvent => ({
  type: 'rep',
  rep: {
    index,
    startSec: 0,
    bottomSec: 1,
    endSec: 2,
    phases: { downSec: 1, bottomSec: 0, upSec: 1, topSec: 0 },
    amplitude: 1,
    faults,
    verdicts: [],
  } satisfies RepReport,
});

describe('spoken cues', () => {
  it('always says the count, and one form cue at a time', () => {
    const cues = new CueSelector();
    const said = cues.select(
      [
        rep(1, [fault('knee-valgus', 'Knees out.'), fault('shallow-depth', 'Go deeper.')]),
        { type: 'fault', fault: fault('knee-valgus', 'Knees out.') },
      ],
      0,
    );
    expect(said).toEqual([
      { text: '1', priority: 'count' },
      { text: 'Knees out.', priority: 'cue' },
    ]);
  });

  it('waits between cues and does not nag with the same one', () => {
    const cues = new CueSelector({ gapMs: 2000, repeatAfterMs: 10_000 });
    const f = (t: number, m: string) =>
      cues.select([{ type: 'fault', fault: fault('knee-valgus', m) }], t).map((u) => u.text);
    expect(f(0, 'Knees out.')).toEqual(['Knees out.']);
    expect(f(1000, 'Chest up.')).toEqual([]);
    expect(f(3000, 'Knees out.')).toEqual([]);
    expect(f(3100, 'Chest up.')).toEqual(['Chest up.']);
    expect(f(12_000, 'Knees out.')).toEqual(['Knees out.']);
  });

  it('says why a movement meant as a rep was not counted, and lets a lone wobble be', () => {
    const said = (reason: Extract<EngineEvent, { type: 'partial' }>['reason']) =>
      new CueSelector().select([{ type: 'partial', atSec: 1, reason }], 0).map((u) => u.text);
    expect(said('much smaller than your other reps')).toEqual([
      'Not counted: that one was much smaller than your other reps.',
    ]);
    expect(said('pulses without standing up between them')).toEqual([]);
    expect(said('too small')).toEqual([]);
    expect(said('too quick')).toEqual([]);
  });

  it('tells the person what the set-up gate is missing, in words', () => {
    expect(issueText({ kind: 'missing', keypoints: ['left_knee', 'left_ankle'] })).toBe(
      "I can't see your knee, ankle. Step back so your whole body is in view.",
    );
    expect(issueText({ kind: 'no-person' })).toBe('Step into view.');
  });
});
