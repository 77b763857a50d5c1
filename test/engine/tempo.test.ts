import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { tempoCheck } from '../../src/engine/checks/tempo.ts';
import type { RepsExercise } from '../../src/engine/exercise-def.ts';
import { phasesInWords, phasesLine } from '../../src/engine/phases.ts';
import type { CountedRep, PhaseTimes } from '../../src/engine/rep-events.ts';
import type { FrameView } from '../../src/engine/view.ts';
import { topsAgainstLabels } from '../../src/eval/labelled-tops.ts';
import { resampleTrack } from '../../src/pose/resample-track.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack, mirroredTrack } from '../support/tracks.ts';

const calfRaise = findExercise('calf-raise') as RepsExercise;

/**
 * How far a real raise's top, as timed, may be from the labelled one (s). The top is the time
 * within 15 % of the height held, so it takes in the slow end of the rise and the start of the
 * lowering, about a quarter of each way (rep-counter.md, "Tempo as timed"): 0.1-0.2 s next to the
 * labelled clips' ways of 0.3-0.9 s, where a labeller marks the heels at the top; and the labels
 * are given to 0.1 s.
 */
const TOP_TOLERANCE_SEC = 0.3;

/**
 * The tempo check alone on one rep with these phase times (seconds), after a rep with `previous`
 * (undefined: the first of the set); a calf raise unless another exercise is given.
 */
function tempoNotes(
  phases: PhaseTimes,
  previous?: PhaseTimes,
  exercise: RepsExercise = calfRaise,
  previousView: FrameView = 'side',
) {
  return tempoCheck.judge({
    exercise,
    rep: { phases } as CountedRep,
    frames: [],
    standing: undefined,
    view: 'side',
    bestAmplitude: 1,
    tempo: calfRaise.prescription.tempo,
    strictness: 'standard',
    ...(previous === undefined ? {} : { previous: { phases: previous, view: previousView } }),
  });
}

describe('the tempo check of a calf raise (lower over 3 s, hold the top 1 s)', () => {
  it('passes a rep lowered over 3 s with a 1 s top', () => {
    const notes = tempoNotes({ awaySec: 0.5, farSec: 1.1, returnSec: 3.1, restSec: 1 });
    expect(notes).toMatchObject([{ status: 'pass' }]);
  });

  it('says how long the lowering and the top took, with the time to aim for', () => {
    const notes = tempoNotes({ awaySec: 0.5, farSec: 0.4, returnSec: 0.8, restSec: 1 });
    expect(notes.map((n) => n.message)).toEqual([
      'Lowered in 0.8 s, aim for 3 s.',
      'Held the top 0.4 s, aim for 1 s.',
    ]);
    expect(notes.every((n) => n.severity === 'info')).toBe(true);
  });

  it('reads the same time as the rep line shown beside it', () => {
    // Seen in Chromium: "Rep 3: up 0.4 s, top 1.2 s, down 0.7 s. Lowered in 0.6 s, aim for 3 s.":
    // the rep line shows the 10 ms the report keeps (0.649 s kept as 0.65, read 0.7), the note
    // rounded the raw time. One rep, one time.
    const phases: PhaseTimes = { awaySec: 0.4, farSec: 0.349, returnSec: 0.649, restSec: 1 };
    const line = phasesLine(phasesInWords(phases, 'up'), 'up');
    expect(line).toBe('up 0.4 s, top 0.3 s, down 0.7 s');
    const notes = tempoNotes(phases).map((n) => n.message);
    expect(notes).toEqual(['Lowered in 0.7 s, aim for 3 s.', 'Held the top 0.3 s, aim for 1 s.']);
  });

  it('calls dropping to the bottom and going straight back up bouncing, a warning', () => {
    // The calf stretches at the bottom, between one raise and the next: there the bounce is.
    const dropped: PhaseTimes = { awaySec: 0.3, farSec: 1, returnSec: 0.3, restSec: 1 };
    const [bounce, ...rest] = tempoNotes(
      { awaySec: 0.3, farSec: 1, returnSec: 3, restSec: 0.3, pauseSec: 0.1 },
      dropped,
    );
    expect(bounce).toMatchObject({
      status: 'fault',
      severity: 'warn',
      value: 0.1,
      cue: 'Control it: no bouncing.',
    });
    expect(bounce?.message).toBe(
      'Bouncing: down in 0.3 s and straight back up. Pause at the bottom.',
    );
    expect(rest).toEqual([]);
  });

  it('does not call a quick drop bouncing when the heels rest at the bottom: it is off tempo', () => {
    // A single-leg set lowered in 0.1-0.3 s after 0.2-0.3 s at the top, with about a second at the
    // bottom before each raise: the stretch has let go (half of it in 0.85 s).
    const dropped: PhaseTimes = { awaySec: 0.2, farSec: 0.2, returnSec: 0.2, restSec: 1.2 };
    const notes = tempoNotes(
      { awaySec: 0.2, farSec: 0.2, returnSec: 0.2, restSec: 1.1, pauseSec: 1 },
      dropped,
    );
    expect(notes.map((n) => n.severity)).toEqual(['info', 'info']);
    expect(notes.map((n) => n.message)).toEqual([
      'Lowered in 0.2 s, aim for 3 s.',
      'Held the top 0.2 s, aim for 1 s.',
    ]);
  });

  it("cannot tell a bounce before a set's first raise: there was no lowering before it", () => {
    const notes = tempoNotes({ awaySec: 0.3, farSec: 1, returnSec: 3 });
    expect(notes).toMatchObject([{ status: 'pass' }]);
  });

  it('calls a rep neither on tempo nor off it when a phase it judges was out of sight', () => {
    // The lowering began or ended while the person was not found: it has no time (rep-counter.ts).
    const notes = tempoNotes({ awaySec: 0.5, farSec: 1.1, restSec: 1 });
    expect(notes).toMatchObject([
      { status: 'cannot-judge', message: expect.stringMatching(/whole rep seen/) },
    ]);
    // What was seen off tempo is still said.
    const short = tempoNotes({ awaySec: 0.5, farSec: 0.3, restSec: 1 });
    expect(short.map((n) => n.message)).toEqual(['Held the top 0.3 s, aim for 1 s.']);
  });

  it('says why when a rep was counted too near the top to time the way down', () => {
    const notes = tempoNotes({ awaySec: 0.5, farSec: 1.1, restSec: 1, countedNearTheFarEnd: true });
    expect(notes).toMatchObject([
      { status: 'cannot-judge', message: expect.stringMatching(/counted near the top/) },
    ]);
  });

  it('times the real raises done after turning side-on where the heels now stand, none "0.0 s"', () => {
    // The 3/4-then-side clip, set up at 3/4, its last three raises side on, where the flat heels
    // read 0.06-0.08 shank lower. Counted back where the set-up saw them stand, each was counted
    // just under the top: "lowered in 0.0 s", "0.2 s", "0.1 s" extrapolated from so little, then
    // not timed at all. Counted where the heels rest between raises, each lowering is timed as the
    // others (the clip's velocity: 0.6-1.3 s, quicker than the 3 s asked for).
    for (const track of [
      fixtureTrack('calfraise_34front_then_side_fitbod_man_6reps'),
      mirroredTrack('calfraise_34front_then_side_fitbod_man_6reps.mp4'),
    ]) {
      const reps = analyzeTrack(track, 'calf-raise').reps ?? [];
      expect(reps).toHaveLength(6);
      for (const rep of reps) {
        expect(rep.phases.downSec).toBeGreaterThan(0.3);
        expect(rep.phases.downSec).toBeLessThan(1.5);
        const tempo = rep.verdicts.find((v) => v.check === 'tempo');
        expect(tempo?.status).toBe('fault');
      }
    }
  });

  it('cannot tell a bounce across a turn: the heel reads by the view', () => {
    // The raise before was seen from the front, this one side on: the person turned at the bottom,
    // and the heel signal's level moved with the view, so the time near its lowest reading is the
    // turn's. The same phases from one view are a bounce (above).
    const dropped: PhaseTimes = { awaySec: 0.3, farSec: 1, returnSec: 0.3, restSec: 1 };
    const phases = { awaySec: 0.3, farSec: 1, returnSec: 3, restSec: 1.2, pauseSec: 0.2 };
    expect(tempoNotes(phases, dropped, calfRaise, 'front')).toMatchObject([{ status: 'pass' }]);
    expect(tempoNotes(phases, dropped)).toMatchObject([{ severity: 'warn' }]);
    // The real single-leg set, mirrored and tracked again: its first raise side on, after the turn,
    // read 0.2 s near the lowest heel reading of a 1.2 s rest and was called bouncing.
    const reps = analyzeTrack(
      mirroredTrack('calfraise_singleleg_34front_then_side_fitbod_man_6reps.mp4'),
      'calf-raise',
    ).reps;
    expect(reps).toHaveLength(6);
    expect(reps?.flatMap((r) => r.faults.filter((f) => f.severity === 'warn'))).toEqual([]);
  });

  it('cannot tell a bounce from a lowering out of sight', () => {
    const unseen: PhaseTimes = { awaySec: 0.3, farSec: 1 };
    const notes = tempoNotes({ awaySec: 0.3, farSec: 1, returnSec: 3, pauseSec: 0.1 }, unseen);
    expect(notes).toMatchObject([{ status: 'pass' }]);
  });

  it('for a squat, looks for the bounce at the bottom of the rep itself', () => {
    const squat = findExercise('squat') as RepsExercise;
    const [bounce] = tempoNotes(
      { awaySec: 0.3, farSec: 0.1, returnSec: 3, restSec: 1 },
      undefined,
      squat,
    );
    expect(bounce).toMatchObject({ severity: 'warn', value: 0.1 });
    const paused = tempoNotes(
      { awaySec: 0.3, farSec: 0.6, returnSec: 3, restSec: 1 },
      undefined,
      squat,
    );
    expect(paused.some((n) => n.severity === 'warn')).toBe(false);
  });
});

describe('the top of a real calf raise, against its label', () => {
  // The clips whose labels mark each top as the heels held up (labels.json `topsSec`). Not
  // `calf_raise_rear34_wall_supported`, whose labels mark the heels off the floor (each window
  // opens 0.2 s before the heel signal moves; timed 1.5 s of "about 2 s"), nor the 360×270 stair
  // clip, whose heel reading wanders between 0.07 and 0.12 shank through its 3.3 s hold and leaves
  // the top band 1.5 s early (3.4 s mirrored): both are in `npm run eval`'s table of tops.
  const clips = [
    'calfraise_34front_home_bodyweight_3reps.mp4',
    'calfraise_34front_then_side_fitbod_man_6reps.mp4',
    'calfraise_singleleg_34front_then_side_fitbod_man_6reps.mp4',
  ];
  const readings = [
    ['as filmed', fixtureTrack],
    ['mirrored', mirroredTrack],
  ] as const;
  const rates = [
    ['', undefined],
    [' at 15 frames/s', 15],
    [' at 10 frames/s', 10],
  ] as const;
  /** Labelled tops (by index) a reading times off by more, and why. */
  const known: Readonly<
    Record<string, { readonly tops: readonly number[]; readonly why: string }>
  > = {
    'calfraise_34front_home_bodyweight_3reps.mp4 mirrored': {
      tops: [2],
      why: 'mirrored, the heel reading creeps up by a third of the raise through the third top, so the band within 15 % of its highest level is reached 0.4 s into the labelled 0.8 s (0.4 s timed)',
    },
  };
  const cases = clips.flatMap((clip) =>
    readings.flatMap(([reading, track]) =>
      rates.map(([rate, fps]) => [clip, `${reading}${rate}`, reading, track, fps] as const),
    ),
  );
  it.each(cases)(
    '%s %s: every labelled top timed within the tolerance',
    (clip, _name, reading, trackOf, fps) => {
      const tops = LABELS.find((l) => l.file === clip)?.topsSec ?? [];
      expect(tops.length).toBeGreaterThan(0);
      const track = trackOf(clip);
      const reps = analyzeTrack(
        fps === undefined ? track : resampleTrack(track, fps),
        'calf-raise',
      ).reps;
      const off = topsAgainstLabels(tops, reps ?? []).flatMap((t, i) =>
        t.timedSec !== undefined &&
        Math.abs(t.timedSec - (t.labelled[1] - t.labelled[0])) <= TOP_TOLERANCE_SEC
          ? []
          : [i],
      );
      const expected = known[`${clip} ${reading}`];
      expect(off, expected?.why).toEqual(expected?.tops ?? []);
    },
  );
});

describe("a rep's phases in words", () => {
  it("leaves out the pause before a set's first rep: it was setting up, not a pause between reps", () => {
    // It read "top 0.0 s" on every squat set's first rep (the command line, the history table,
    // the CSV), as if the person had gone straight down.
    const reps =
      analyzeTrack(fixtureTrack('squat_front_home_airsquats_12reps.mp4'), 'squat').reps ?? [];
    expect(reps[0]?.phases.topSec).toBeUndefined();
    expect(reps[0]?.phases.bottomSec).toBeGreaterThan(0);
    for (const rep of reps.slice(1)) expect(rep.phases.topSec).toBeGreaterThan(0.5);
    expect(phasesLine(reps[0]!.phases, 'down', true)).toMatch(/^top –, down [\d.]+ s, bottom /);
  });

  it('shows a phase out of sight as a dash, never as a time', () => {
    // A real calf-raise set with the person lost for most of the second raise's lowering (nobody
    // found from 5.4 to 6.2 s, as a detector that loses someone gives). Lost so across a phase, the
    // lowering had read "0.0 s" with a tempo note saying so, on a rep lowered over a second.
    const track = fixtureTrack('calfraise_rear_wall_hands.mp4');
    const lost = {
      ...track,
      frames: track.frames.map((f) =>
        f.timestampMs > 5400 && f.timestampMs < 6200 ? { ...f, pose: null } : f,
      ),
    };
    const asFilmed = analyzeTrack(track, 'calf-raise').reps?.[1];
    expect(asFilmed?.phases.downSec).toBeCloseTo(1, 0);
    const second = analyzeTrack(lost, 'calf-raise').reps?.[1];
    expect(second?.phases.upSec).toBeGreaterThan(1);
    expect(second?.phases.downSec).toBeUndefined();
    expect(phasesLine(second!.phases, 'up')).toMatch(/down –$/);
    expect(second?.verdicts.find((v) => v.check === 'tempo')?.status).toBe('cannot-judge');
  });

  it('for a raise, the pause at the bottom, in the order the person moves', () => {
    const raise = phasesInWords({ awaySec: 0.4, farSec: 1, returnSec: 3, restSec: 0.5 }, 'up');
    expect(phasesLine(raise, 'up', true)).toBe('bottom 0.5 s, up 0.4 s, top 1.0 s, down 3.0 s');
    const first = phasesInWords({ awaySec: 0.4, farSec: 1, returnSec: 3 }, 'up');
    expect(first.bottomSec).toBeUndefined();
    expect(phasesLine(first, 'up', true)).toBe('bottom –, up 0.4 s, top 1.0 s, down 3.0 s');
  });
});
