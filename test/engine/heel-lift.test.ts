import { describe, expect, it } from 'vitest';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import type { ModelId } from '../../src/pose/model-catalog.ts';
import type { FrameView } from '../../src/engine/view.ts';
import type { Verdict } from '../../src/engine/checks/verdict.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack, mirroredTrack, otherModelTrack } from '../support/tracks.ts';
import { heelsRaised } from '../support/transform-track.ts';

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

// BlazePose's heel point reads higher above the toe the further the shin leans forward, on a flat
// foot: roughly 0.6 × (1 − cos shin) shank on real side-on squats with the heels down
// (form-checks.md). The fixed limits allow for that bias at a shin about 38° forward; past it, side
// on, the limit rises with the bias.
describe('heel lift in a deep squat with the knees far forward', () => {
  const heelVerdicts = (track: PoseTrack) =>
    (analyzeTrack(track, 'squat').reps ?? []).flatMap((r) =>
      r.verdicts.filter((v) => v.check === 'heel-lift'),
    );
  const office = 'squat_side_office_knees_over_toes_1rep';

  it('passes the office squat, shins 50° forward and no heel lift labelled, as filmed and mirrored', () => {
    // Mirrored it read 0.24 against the fixed 0.20: a fault made of the model's bias.
    for (const [track, value] of [
      [fixtureTrack(office), 0.18],
      [mirroredTrack(office), 0.24],
    ] as const) {
      const [v] = heelVerdicts(track);
      expect(v).toMatchObject({ status: 'pass', value });
      expect(v?.threshold).toBeGreaterThanOrEqual(0.28);
    }
  });

  it('keeps the fixed limit where the shins lean less: the rendered flat-footed squat (about 35°)', () => {
    const verdicts = heelVerdicts(fixtureTrack('michelle_squat_side'));
    expect(verdicts).toHaveLength(3);
    for (const v of verdicts) expect(v).toMatchObject({ status: 'pass', threshold: 0.2 });
  });

  it('still finds a lift of 0.15 shank (about 6 cm) drawn into the office squat at its bottom', () => {
    const [v] = heelVerdicts(heelsRaised(fixtureTrack(office), 1400, 2000, 0.15));
    expect(v?.status).toBe('fault');
    expect(v?.value).toBeGreaterThan(v?.threshold ?? Infinity);
  });
});

// Each model reads the foot its own way: on the rendered flat-footed squat side on (heels flat by
// construction) the heel reads 0.10-0.11 shank above standing with full, 0.25-0.28 with lite and
// 0.01-0.03 with heavy (model-catalog.ts). The limits are full's reading plus twice a still heel's
// jitter, so another model's higher reading is added to them; a lower one changes nothing.
describe('heel lift with another pose model', () => {
  const heelVerdicts = (track: PoseTrack, poseModel?: ModelId) => {
    const analyzer = new ExerciseAnalyzer(findExercise('squat'), undefined, {
      ...(poseModel === undefined ? {} : { poseModel }),
    });
    for (const f of track.frames) analyzer.push(f.pose, f.timestampMs);
    return (analyzer.finish().reps ?? []).flatMap((r) =>
      r.verdicts.filter((v) => v.check === 'heel-lift'),
    );
  };
  const lite = (clip: string) => otherModelTrack('blazepose-lite', clip);

  it.each(['squat_side_whitebg_wahoo_3reps', 'michelle_squat_side'])(
    "%s with lite: the heels flat, read 0.21-0.28 shank up, pass against lite's own limit",
    (clip) => {
      // Lite's flat heel reads 0.17 higher than full's: 0.20 + 0.17.
      const verdicts = (analyzeTrack(lite(clip), 'squat').reps ?? []).flatMap((r) =>
        r.verdicts.filter((v) => v.check === 'heel-lift'),
      );
      expect(verdicts).toHaveLength(3);
      for (const v of verdicts) {
        expect(v).toMatchObject({ status: 'pass', threshold: 0.37 });
        expect(v.value).toBeGreaterThanOrEqual(0.21);
      }
      // Held to full's limit, the same readings were heel lifts on every rep but one.
      const asFull = heelVerdicts(lite(clip), 'blazepose-full');
      expect(asFull.filter((v) => v.status === 'fault').length).toBeGreaterThanOrEqual(2);
      for (const v of asFull) expect(v.threshold).toBe(0.2);
    },
  );

  it('reads the model from the track: the same poses said to come from full are held to 0.20', () => {
    const track = lite('michelle_squat_side');
    const saidFull = { ...track, model: 'blazepose-full' };
    const verdicts = (analyzeTrack(saidFull, 'squat').reps ?? []).flatMap((r) =>
      r.verdicts.filter((v) => v.check === 'heel-lift'),
    );
    expect(verdicts.map((v) => v.status)).toEqual(['fault', 'fault', 'fault']);
  });

  it("keeps full's limit for a model reading flat heels lower (heavy) and for poses of no known model", () => {
    const track = fixtureTrack('michelle_squat_side');
    for (const v of heelVerdicts(track, 'blazepose-heavy')) expect(v.threshold).toBe(0.2);
    for (const v of heelVerdicts(track)) expect(v.threshold).toBe(0.2);
    const unknown = { ...track, model: 'mediapipe-dataset' };
    for (const r of analyzeTrack(unknown, 'squat').reps ?? [])
      expect(r.verdicts.find((v) => v.check === 'heel-lift')?.threshold).toBe(0.2);
  });
});
