import { expect, it } from 'vitest';
import { EXERCISES } from '../../src/engine/catalog.ts';
import { HOLD_TOLERANCE_SEC, pinnedResult, type PinnedResult } from '../../src/eval/pinned.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { LABELS } from '../fixtures/labels.ts';
import { expectSameUnlessKnown, type KnownChange } from './known-changes.ts';
import { fixtureTrack } from './tracks.ts';

/**
 * Every labelled clip of the routine read again (`npm run eval -- --handheld`, `--dim`: a new
 * video of the same movements, tracked afresh) gives its result as filmed: the counts, faults,
 * circles and hold times, at a webcam's 30 frames/s (each clip's own rate) and at the 15 and 10 of
 * a slower laptop.
 */

/** The clip's frames as filmed, and dropped to 15 and 10 frames/s. */
export type Rate = 'as filmed' | 15 | 10;
export const RATES: readonly Rate[] = ['as filmed', 15, 10];

const scored = LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise));
const fps = (rate: Rate) => (rate === 'as filmed' ? undefined : rate);

/** A result to compare: holds within the 0.5 s a hold is timed to are the same. */
function comparable(result: PinnedResult, reference: PinnedResult): PinnedResult {
  const held = result.heldSec;
  const near =
    held !== undefined &&
    reference.heldSec !== undefined &&
    Math.abs(held - reference.heldSec) <= HOLD_TOLERANCE_SEC + 1e-9;
  return near ? { ...result, heldSec: reference.heldSec } : result;
}

/**
 * The two specs of a reading (inside its `describe`): every clip gives its filmed result at each
 * rate but those `known` to change (which must change), and `known` names only labelled clips.
 */
export function itGivesTheFilmedResults(
  trackOf: (clip: string) => PoseTrack,
  known: Readonly<Record<string, KnownChange<Rate>>>,
): void {
  it.each(RATES.map((r) => [r] as const))(
    'gives every labelled clip its result as filmed, %s, but the ones named with why',
    (rate) => {
      for (const label of scored) {
        const filmed = pinnedResult(label, fixtureTrack(label.file), fps(rate));
        const again = pinnedResult(label, trackOf(label.file), fps(rate));
        expectSameUnlessKnown(
          comparable(again, filmed),
          filmed,
          known[label.file],
          rate,
          label.file,
        );
      }
    },
  );

  it('names only clips that are labelled', () => {
    const files = new Set(scored.map((l) => l.file));
    expect(Object.keys(known).filter((f) => !files.has(f))).toEqual([]);
  });
}
