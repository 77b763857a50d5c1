import { describe, expect, it } from 'vitest';
import type { RepReport } from '../../src/engine/report.ts';
import { describeTop, topsAgainstLabels } from '../../src/eval/labelled-tops.ts';

/** A counted raise whose top (the far end) was at `topAtSec`, timed `topSec` there. */
function raise(index: number, topAtSec: number, topSec?: number): RepReport {
  return {
    index,
    startSec: topAtSec - 1,
    bottomSec: topAtSec,
    endSec: topAtSec + 1,
    phases: topSec === undefined ? {} : { topSec },
    amplitude: 0.2,
    faults: [],
    verdicts: [],
  };
}

describe('labelled tops against the timed ones (labelled-tops.ts)', () => {
  it('matches each labelled top with the counted raise whose top lies in it', () => {
    const tops = topsAgainstLabels(
      [
        [1.1, 1.7],
        [3.8, 4.5],
      ],
      [raise(1, 1.5, 0.7), raise(2, 4.4, 0.9)],
    );
    expect(tops).toEqual([
      { labelled: [1.1, 1.7], rep: 1, timedSec: 0.7 },
      { labelled: [3.8, 4.5], rep: 2, timedSec: 0.9 },
    ]);
    expect(tops.map(describeTop)).toEqual(['0.7 / 0.6 s', '0.9 / 0.7 s']);
  });

  it('takes the nearest raise within a second, and each raise for one labelled top only', () => {
    const tops = topsAgainstLabels(
      [
        [2.0, 2.5],
        [2.6, 3.0],
      ],
      [raise(1, 2.55, 0.4)],
    );
    expect(tops[0]).toMatchObject({ rep: 1 });
    expect(tops[1]).toEqual({ labelled: [2.6, 3.0] });
  });

  it('leaves a labelled top with no raise near it, or one whose top was not timed, untimed', () => {
    const tops = topsAgainstLabels(
      [
        [1, 2],
        [6, 7],
      ],
      [raise(1, 1.5), raise(2, 9, 1)],
    );
    expect(tops).toEqual([{ labelled: [1, 2], rep: 1 }, { labelled: [6, 7] }]);
    expect(tops.map(describeTop)).toEqual(['– / 1.0 s', '– / 1.0 s']);
  });
});
