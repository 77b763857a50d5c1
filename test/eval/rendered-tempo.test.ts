import { describe, expect, it } from 'vitest';
import { findExercise } from '../../src/engine/catalog.ts';
import type { RepsExercise } from '../../src/engine/exercise-def.ts';
import type { RepReport } from '../../src/engine/report.ts';
import { tempoAgainstTruth, truePhases } from '../../src/eval/rendered-tempo.ts';
import type { RenderedGroundTruth } from '../../src/eval/rendered-truth.ts';

// The eval holds the tempo read from the rendered raises' poses to the same counter run on the
// render's exact heel height: the phases as the engine defines them, measured without the model.

const calfRaise = findExercise('calf-raise') as RepsExercise;

/**
 * A rendered clip's truth at 30 frames/s: the shank 40 cm, the heels `heelAt(t)` cm off the floor.
 */
function rendered(heelAt: (t: number) => number, seconds: number): RenderedGroundTruth {
  const frames = Array.from({ length: Math.round(seconds * 30) }, (_, i) => {
    const t = i / 30;
    return {
      t,
      labels: {},
      kp: {
        left_knee: { world: [0.1, 0.5, 0] as const },
        left_ankle: { world: [0.1, 0.1, 0] as const },
        right_knee: { world: [-0.1, 0.5, 0] as const },
        right_ankle: { world: [-0.1, 0.1, 0] as const },
      },
      scalars: { leftHeelHeightCm: heelAt(t), rightHeelHeightCm: heelAt(t) },
    };
  });
  return { clip: 'x.mp4', motion: 'calf_raise', view: 'side', modelInfo: { heightM: 1.7 }, frames };
}

/** The share of a smooth movement's way gone at `x` of its time (half a cosine, as rendered). */
const smooth = (x: number) => (1 - Math.cos(Math.PI * x)) / 2;

/** Rest 1 s, then raises of 6 cm: up over 1 s, held 1 s, down over 2 s, rest 1 s; each smooth. */
const raises = (t: number) => {
  if (t < 1) return 0;
  const x = (t - 1) % 5;
  if (x < 1) return 6 * smooth(x);
  if (x < 2) return 6;
  if (x < 4) return 6 * (1 - smooth((x - 2) / 2));
  return 0;
};

describe('the tempo of rendered raises against their exact heel height', () => {
  it('times each raise on the exact heights as the engine defines its phases', () => {
    const truth = truePhases(rendered(raises, 1 + 3 * 5), calfRaise);
    expect(truth).toHaveLength(3);
    for (const { phases } of truth) {
      // The ways up and down are whole movements.
      expect(phases.upSec).toBeCloseTo(1, 1);
      expect(phases.downSec).toBeCloseTo(2, 1);
      // The top is the time near it: held 1 s, with the slow last 15 % of the way up and first
      // 15 % of the way down, a quarter of each's time.
      expect(phases.topSec).toBeCloseTo(1 + 0.25 * (1 + 2), 1);
    }
  });

  it('says each rep read from the poses against the truth, nearest peak first', () => {
    const rep = (index: number, bottomSec: number, downSec?: number) =>
      ({
        index,
        bottomSec,
        phases: { upSec: 0.8, topSec: 1.2, ...(downSec === undefined ? {} : { downSec }) },
      }) as RepReport;
    const truth = [
      { peakSec: 2.5, phases: { upSec: 0.8, topSec: 1.4, downSec: 1.7 } },
      { peakSec: 7.5, phases: { upSec: 0.8, topSec: 1.4, downSec: 1.7 } },
    ];
    expect(tempoAgainstTruth([rep(1, 2.4, 1.5), rep(2, 12)], truth)).toEqual([
      'rep 1 at 2.4 s: up 0.8 / 0.8 s, top 1.2 / 1.4 s, down 1.5 / 1.7 s',
      'rep 2 at 12.0 s: up 0.8 / – s, top 1.2 / – s, down – / – s',
    ]);
  });
});
