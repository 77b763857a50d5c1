import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/analyzer.ts';
import { CueSelector, firstToFix, issueText } from '../../src/engine/cues.ts';
import type { Fault } from '../../src/engine/faults.ts';
import type { RepReport } from '../../src/engine/report.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { ExerciseAnalyzer } from '../../src/engine/analyzer.ts';
import { EXERCISES, findExercise } from '../../src/engine/catalog.ts';
import { LABELS } from '../fixtures/labels.ts';
import { calfRaises } from '../support/kinematic.ts';
import { fixtureTrack, stillTrack } from '../support/tracks.ts';

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

  it("says a fault's few words, not its numbers (those are on the screen)", () => {
    const lean: Fault = {
      ...fault('forward-lean', 'Chest up: trunk 69° from vertical, 23° more than the shins.'),
      cue: 'Chest up.',
    };
    const said = new CueSelector().select([rep(1, [lean]), { type: 'fault', fault: lean }], 0);
    expect(said).toEqual([
      { text: '1', priority: 'count' },
      { text: 'Chest up.', priority: 'cue' },
    ]);
  });

  it('says every fault found on the real clips in at most six words, whole before the next count', () => {
    // A voice says about 3 words a second; a set's reps come 2-5 s apart and each count cuts off
    // whatever is being said (voice.ts). The message, with its numbers, is shown and reported.
    const clips = LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise)).map(
      (l) => [l.file, l.exercise] as const,
    );
    // No real clip has a head bob: the rendered knee circles with one (exact ground truth).
    clips.push(['michelle_knee_circles_headbob_front', 'knee-circles']);
    const faults = clips.flatMap(
      ([file, exercise]) => analyzeTrack(fixtureTrack(file), exercise).faults,
    );
    // Nor a raise under 70 % of the set's best from its view: two raises, then one half as high.
    const raises = calfRaises(2, 0.5, 1, 3, 0.6);
    const after = raises.at(-1)?.timestampMs ?? 0;
    const half = calfRaises(1, 0.5, 1, 3, 0.6, 0.025).map((p) => ({
      ...p,
      timestampMs: p.timestampMs + after + 33,
    }));
    const analyzer = new ExerciseAnalyzer(findExercise('calf-raise'));
    for (const p of [...raises, ...half]) analyzer.push(p, p.timestampMs);
    faults.push(...analyzer.finish().faults);
    const codes = new Set(faults.map((f) => f.code));
    for (const code of [
      'shallow-depth',
      'knee-valgus',
      'forward-lean',
      'head-bob',
      'tempo',
      'low-height',
    ])
      expect(codes, code).toContain(code);
    for (const f of faults) {
      const said = new CueSelector().select([{ type: 'fault', fault: f }], 0)[0]?.text ?? '';
      expect(
        said.split(/\s+/).length,
        `${f.code}: "${said}" for "${f.message}"`,
      ).toBeLessThanOrEqual(6);
    }
  });

  it('says the surer of two warnings: a clear lean before a close call on depth', () => {
    const depth: Fault = {
      ...fault('shallow-depth', 'Borderline. Go deeper: thighs stopped 16° above level.'),
      cue: 'Borderline. Go deeper.',
      confidence: 0.55,
    };
    const lean: Fault = {
      ...fault('forward-lean', 'Chest up: …'),
      cue: 'Chest up.',
      confidence: 0.9,
    };
    const said = new CueSelector().select(
      [
        { type: 'fault', fault: depth },
        { type: 'fault', fault: lean },
      ],
      0,
    );
    expect(said.map((u) => u.text)).toEqual(['Chest up.']);
  });

  it('says a sure form fault before "go deeper": depth only as far as the form holds', () => {
    // The side-on office squat: trunk 61° past the shins and thighs 21° above level, both sure.
    const depth: Fault = {
      ...fault('shallow-depth', 'Go deeper: thighs stopped 21° above level.'),
      cue: 'Go deeper.',
      confidence: 0.99,
    };
    const lean: Fault = {
      ...fault('forward-lean', 'Chest up: trunk 75° from vertical, 61° more than the shins.'),
      cue: 'Chest up.',
      confidence: 0.99,
    };
    for (const order of [
      [depth, lean],
      [lean, depth],
    ])
      expect(firstToFix(order)?.code).toBe('forward-lean');
    // Sure of the depth and not of the knees: the close call waits.
    const closeValgus: Fault = { ...fault('knee-valgus', 'Borderline. …'), confidence: 0.6 };
    expect(firstToFix([closeValgus, depth])?.code).toBe('shallow-depth');
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
      'Not counted: smaller than your other reps.',
    ]);
    expect(said('pulses without standing up between them')).toEqual([]);
    expect(said('too small')).toEqual([]);
    expect(said('too quick')).toEqual([]);
  });

  it('tells the person what the set-up gate is missing, in words', () => {
    expect(issueText({ kind: 'missing', keypoints: ['left_knee', 'left_ankle'] })).toBe(
      "I can't see your knee and ankle. Step back so your whole body is in view.",
    );
    // Both sides of a joint are one plural; a side-on view's one side is not named.
    expect(
      issueText({
        kind: 'missing',
        keypoints: ['left_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee'],
      }),
    ).toBe("I can't see your shoulder, hips and knees. Step back so your whole body is in view.");
    expect(issueText({ kind: 'missing', keypoints: ['left_toe'] })).toMatch(/see your toes\./);
    expect(issueText({ kind: 'missing', keypoints: ['left_knee', 'nose'] })).toMatch(
      /see your knee and face\./,
    );
    expect(issueText({ kind: 'no-person' })).toBe('Step into view, head to feet.');
  });

  it('says nothing of standing still to a person who starts a set standing still', () => {
    // The live app starts each set with a fresh analyzer at "Go!", the person standing still: each
    // real calf-raise clip that begins so, analysed from its first frame, opens without a word (a
    // calf raise waits 400 ms for stillness; "Stand still in the start position." had been said
    // after every "Go!", at 300 ms, once the joints were seen longer than a blink).
    for (const clip of [
      'calf_raise_rear34_wall_supported_2reps',
      'calfraise_34front_home_bodyweight_3reps',
      'calfraise_34front_then_side_fitbod_man_6reps',
      'calfraise_on_stair_rear34_cdc_1rep_hold',
      'calfraise_rear_wall_hands',
      'calfraise_singleleg_34front_then_side_fitbod_man_6reps',
    ]) {
      const a = new ExerciseAnalyzer(findExercise('calf-raise'));
      const cues = new CueSelector();
      const said: string[] = [];
      for (const f of fixtureTrack(clip).frames) {
        const events = a.push(f.pose, f.timestampMs);
        said.push(...cues.select(events, f.timestampMs).map((u) => u.text));
        if (events.some((e) => e.type === 'ready')) break;
      }
      expect(a.live().ready, clip).toBe(true);
      expect(said, clip).toEqual([]);
    }
    // A person who moves is still told (the legs-only clip, bouncing from its start).
    const bouncing = new ExerciseAnalyzer(findExercise('calf-raise'));
    const issues = fixtureTrack('calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct')
      .frames.slice(0, 30)
      .flatMap((f) => bouncing.push(f.pose, f.timestampMs))
      .flatMap((e) => (e.type === 'setup' ? [e.issue.kind] : []));
    expect(issues).toContain('not-still');
  });

  it('asks for the whole body when only the feet are in the picture: the model finds nobody', () => {
    // A person who framed only their feet (as "feet in view" had asked for ankle circles) is in
    // view, and "Step into view" alone did not tell them what was wrong.
    const a = new ExerciseAnalyzer(findExercise('ankle-circles'));
    const photo = stillTrack('ankle_circles_front_FEET_ONLY_fedb_0');
    for (let i = 0; i < 60; i++) a.push(photo.frames[0]?.pose ?? null, i * 33);
    expect(a.live().issue).toEqual({ kind: 'no-person' });
    expect(issueText({ kind: 'no-person' })).toMatch(/head to feet/);
    // And every exercise's set-up line asks for all of the person, head included.
    for (const e of EXERCISES) expect(e.placement, e.id).toMatch(/whole body|head to feet/i);
  });
});
