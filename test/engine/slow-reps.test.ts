import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { median } from '../../src/geometry/stats.ts';
import { LABELS } from '../fixtures/labels.ts';
import { expectSameUnlessKnown, type KnownChange } from '../support/known-changes.ts';
import { fixtureTrack } from '../support/tracks.ts';
import { slowedDown } from '../support/transform-track.ts';

// The same real reps done slower: the labelled clips' movement two and four times slower, seen at
// the same frame rate. Four times slower, the labelled calf raises (1-2 s a rep) take 4-8 s, the
// length of the prescribed tempo (up, hold the top 1 s, lower over 3 s). A slow rep is still one
// rep: a held top that sags a little, or a slow start back down, is not a stop part-way.

const SLOWDOWNS = [2, 4] as const;
type Slowdown = (typeof SLOWDOWNS)[number];

/** Clips whose count changes when done slower (by how many times), and why. */
const KNOWN_COUNT_CHANGES: Readonly<Record<string, KnownChange<Slowdown>>> = {
  'calfraise_34front_home_bodyweight_3reps.mp4': {
    at: [4],
    why: "walking out at the end lifts the heels for 0.3 s, too quick for a rep (500 ms); four times slower it lasts long enough, and the part of it that counts moves the feet less than a foot's length (3 → 4; twice as slow, the foot held up in the step is left out and it stays 3)",
  },
  'calfraise_on_stair_rear34_cdc_1rep_hold.mp4': {
    at: [2, 4],
    why: "its one rep holds the top 3.3 s and is lowered over 1.7 s with wobbles in it, then the person steps off the stair: slowed, those wobbles (0.07-0.12 of the rep's 0.38) last long enough to count (1 → 2 and 3)",
  },
  'squat_side_knees_far_past_toes_demo.mp4': {
    at: [4],
    why: 'its second rep holds the bottom 5 s and is cut to standing: 6.3 s at its own speed, 25 s four times slower, past the longest a squat may take (20 s)',
  },
  'squat_side_barbell_quarter_SHALLOW.mp4': {
    at: [4],
    why: 'the hips behind the plates jitter (the person found in half the frames, some misread as a front view): the smoothing (a 150 ms median, then One Euro) takes out those quick wobbles, but four times slower they pass it, and 8 dips of 0.14-0.49 s become reps of 0.6-2 s',
  },
};

const repClips = LABELS.filter(
  (l) =>
    ['squat', 'lunge', 'calf-raise'].includes(l.exercise) && !l.file.startsWith('partial_body/'),
);

/** Each clip analysed at its own speed and two and four times slower. */
const results = repClips.map((label) => {
  const track = fixtureTrack(label.file);
  const slow = (times: Slowdown) => analyzeTrack(slowedDown(track, times), label.exercise);
  return { label, own: analyzeTrack(track, label.exercise), slower: { 2: slow(2), 4: slow(4) } };
});

describe('the real reps done two and four times slower', () => {
  it.each(results.map((r) => [r.label.file, r] as const))('%s: the same count', (file, r) => {
    for (const times of SLOWDOWNS) {
      const known = KNOWN_COUNT_CHANGES[file];
      expectSameUnlessKnown(
        r.slower[times].repCount,
        r.own.repCount,
        known,
        times,
        `${times} times slower`,
      );
    }
  });

  it('times each phase in proportion: slower by k, each phase k times as long', () => {
    // Tempo is told in tenths of a second ("Lowered in 0.8 s, aim for 3 s"): each phase of the
    // matched reps, divided back by the slowdown, is within half of that of its own speed
    // (the median over the reps; a rep's bottom is found within 0.3 s of where it was).
    const PHASES = ['downSec', 'bottomSec', 'upSec', 'topSec'] as const;
    for (const times of SLOWDOWNS) {
      for (const phase of PHASES) {
        const shifts = results.flatMap(({ own, slower }) =>
          (own.reps ?? []).flatMap((rep) => {
            const same = slower[times].reps?.find(
              (s) => Math.abs(s.bottomSec / times - rep.bottomSec) < 0.3,
            );
            const [a, b] = [rep.phases[phase], same?.phases[phase]];
            return a === undefined || b === undefined ? [] : [b / times - a];
          }),
        );
        expect(shifts.length, `${phase} ${times} times slower`).toBeGreaterThan(90);
        expect(Math.abs(median(shifts) ?? Infinity), `${phase} ${times} times slower`).toBeLessThan(
          0.05,
        );
      }
    }
  });

  it('gives every form check but tempo the same verdict on at least 90 % of the reps', () => {
    // As at a lower frame rate (frame-rate.test.ts): each check is judged on the bottom of the
    // rep, defined in the signal as well as in time, so a slower rep is judged on the same part
    // of its movement.
    for (const times of SLOWDOWNS) {
      let [same, judged] = [0, 0];
      for (const { own, slower } of results)
        for (const rep of own.reps ?? []) {
          const slow = slower[times].reps?.find(
            (s) => Math.abs(s.bottomSec / times - rep.bottomSec) < 0.3,
          );
          if (slow === undefined) continue;
          // Tempo is the one check that must change: a slower rep is a slower tempo.
          for (const v of rep.verdicts.filter((x) => x.check !== 'tempo')) {
            judged += 1;
            if (slow.verdicts.find((w) => w.check === v.check)?.status === v.status) same += 1;
          }
        }
      expect(judged, `${times} times slower`).toBeGreaterThan(500);
      expect(same / judged, `${times} times slower`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
