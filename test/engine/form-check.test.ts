import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { EXERCISES, findExercise } from '../../src/engine/catalog.ts';
import { formCheckLines, stillMoment } from '../../src/engine/form-check.ts';
import { formCheckPlan } from '../../src/engine/form-check-plan.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';
import { played } from '../support/transform-track.ts';

/** The verdict card `formcheck` would show for a committed pose track of a labelled clip. */
function card(clip: string, exerciseId: string) {
  return formCheckLines(findExercise(exerciseId), analyzeTrack(fixtureTrack(clip), exerciseId));
}
const status = (lines: ReturnType<typeof card>, check: string) =>
  lines.find((l) => l.check === check)?.status;

describe('formCheckLines (the verdict card)', () => {
  it('has a line per check of the squat: depth, valgus, lean, heel lift', () => {
    const squat = findExercise('squat');
    if (squat.kind !== 'reps') throw new Error('squat counts reps');
    expect(card('squat_front_band_woman_3reps', 'squat').map((l) => l.check)).toEqual(
      squat.checks.filter((c) => c !== 'knees-over-toes'),
    );
  });

  it('passes a clean front squat, and says heel lift is hidden from the front', () => {
    const lines = card('squat_front_band_woman_3reps', 'squat');
    expect(status(lines, 'depth')).toBe('pass');
    expect(status(lines, 'knee-valgus')).toBe('pass');
    const heel = lines.find((l) => l.check === 'heel-lift');
    expect(heel?.status).toBe('cannot-judge');
    expect(heel?.text).toMatch(/turn side-on/);
  });

  it('marks the labelled knee valgus "fix", naming the knee, with value and target', () => {
    const valgus = card('squat_front_knee_valgus_WRONG_3reps', 'squat').find(
      (l) => l.check === 'knee-valgus',
    );
    expect(valgus?.status).toBe('fix');
    expect(valgus?.text).toMatch(/knee caving in.*× the ankles' width apart; keep them at least/);
    expect(valgus?.value).toBeLessThan(valgus?.threshold ?? 0);
    expect(valgus?.atSec).toBeDefined();
  });

  it('marks the labelled forward lean "fix", with both measures and both limits (side on)', () => {
    const lean = card('squat_side_office_forward_lean_1rep', 'squat').find(
      (l) => l.check === 'forward-lean',
    );
    expect(lean?.status).toBe('fix');
    expect(lean?.text).toMatch(
      /^Chest up: trunk \d+° from vertical, \d+° more than the shins; keep it within 30° of the shins and 60° of vertical\.$/,
    );
  });

  it('marks the labelled lean facing the camera "fix" by the trunk against vertical alone', () => {
    // Facing the camera the 3-D landmarks read the trunk far too upright against the shins
    // (forward-lean.ts): the folded trunk is judged by its own limit only.
    const lean = card('squat_front_FORWARD_LEAN_mlsac_1rep', 'squat').find(
      (l) => l.check === 'forward-lean',
    );
    expect(lean).toMatchObject({ status: 'fix', threshold: 60 });
    expect(lean?.text).toMatch(
      /^Chest up: trunk \d+° from vertical; keep it within 60° of vertical\.$/,
    );
  });

  it('says a trunk more upright than the shins as "less than the shins", not "-12° more"', () => {
    // The office squat with the knees far forward: the trunk 27° more upright than the shins,
    // which lean 52° (so the trunk's 60° from vertical binds first: at most 8° more).
    const lean = card('squat_side_office_knees_over_toes_1rep', 'squat').find(
      (l) => l.check === 'forward-lean',
    );
    expect(lean).toMatchObject({ status: 'pass', value: -27, threshold: 8 });
    expect(lean?.text).toBe('Good: trunk 27° less than the shins; at most 8° more.');
  });

  it('says facing the camera that only a deep fold shows, and where the lean is judged', () => {
    const lean = card('squat_front_goblet_kettlebell_2reps', 'squat').find(
      (l) => l.check === 'forward-lean',
    );
    expect(lean).toMatchObject({ status: 'pass', threshold: 60 });
    expect(lean?.text).toMatch(
      /^Good: trunk \d+° from vertical; at most 60° from vertical \(from the front or behind only a deep fold shows: the lean against the shins is judged side on\)\.$/,
    );
  });

  it('says a pass by less than half the measure\'s error is borderline, not "Good"', () => {
    // Its one rep stops at the depth limit (15° above level), side on.
    const depth = card('squat_side_whitebg_woman_1rep', 'squat').find((l) => l.check === 'depth');
    expect(depth).toMatchObject({ status: 'pass', value: 15, threshold: 15 });
    expect(depth?.text).toMatch(/^Borderline: thighs 15° above level; aim for level/);
    // The labelled lean of the dumbbell squat reads 29° past the shins against 30°: a close pass.
    const lean = card('squat_to_calfraise_side_dumbbells_3reps_heels_up_at_top', 'squat').find(
      (l) => l.check === 'forward-lean',
    );
    expect(lean).toMatchObject({ status: 'pass', value: 29, threshold: 30 });
    expect(lean?.text).toMatch(/^Borderline: trunk 29° more than the shins; at most 30° more\.$/);
  });

  it('says when no rep was seen instead of passing anything', () => {
    // Half-squat pulses out of a hold, never standing up: no rep to judge.
    const lines = card('squat_pulses_34front_medball_partial_15pulses', 'squat');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.status).toBe('cannot-judge');
    expect(lines[0]?.text).toMatch(/^No rep was counted\. Small quick dips are not counted/);
  });

  it('marks the front-view quarter squat "fix" for depth (counted on the resting shank)', () => {
    const lines = card('squat_front_SHALLOW_nodepth_mlsac_1rep', 'squat');
    expect(status(lines, 'depth')).toBe('fix');
  });

  it('marks the tempo "fix" for calf raises with bouncing between the counted reps', () => {
    const lines = card('calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct', 'calf-raise');
    expect(status(lines, 'tempo')).toBe('fix');
    expect(lines.find((l) => l.check === 'tempo')?.text).toMatch(/^Bouncing: small quick lifts/);
  });

  it('judges a hold by the seconds in position, and whether the hips stayed where it settled', () => {
    const lines = card('chair_pose_hold_side', 'squat-hold');
    expect(lines.map((l) => l.check)).toEqual(['hold', 'hold-position']);
    expect(lines[0]?.unit).toBe('s');
    // Its 3 s hold is too short to tell a drift from where it settled.
    expect(lines[1]).toMatchObject({ status: 'cannot-judge', text: /4 s or more/ });
    const wallSit = card('wallsit_hold_34side_then_front_fitbod', 'squat-hold');
    expect(wallSit[1]).toMatchObject({ check: 'hold-position', status: 'pass', unit: 'shank' });
    // The triangle's legs are straight: there is no low to keep.
    const triangle = card('triangle_pose_front_hold_then_return_yogaandyou', 'triangle');
    expect(triangle.map((l) => l.check)).toEqual(['hold']);
  });

  it('shows a hold at its middle, or at the moment it broke', () => {
    // The downward dog is held 3.5-8.9 s; warrior I 7.0-10.5 s, until the arms come down.
    const [dog] = card('downdog_side_heels_down', 'downward-dog');
    const [warrior] = card('warrior_1_hold_34front', 'warrior-1');
    if (dog === undefined || warrior === undefined) throw new Error('no hold line');
    expect(dog).toMatchObject({ status: 'pass', atSec: 6.2 });
    expect(stillMoment(dog, findExercise('downward-dog'))).toBe('in the pose');
    expect(warrior).toMatchObject({
      status: 'fix',
      text: expect.stringMatching(/^Arms up overhead/),
      atSec: 10.45,
    });
    expect(stillMoment(warrior, findExercise('warrior-1'))).toBe('when the hold broke');
  });

  it('passes a hold kept 5 s unbroken, not short holds that add up to it', () => {
    // Warrior I on a camera that plays the clip three times: the arms come down after 3.5 s each
    // time, 10 s in the pose in all (a workout's hold counts that; a form check asks for one hold).
    const warrior = findExercise('warrior-1');
    const report = analyzeTrack(
      played(fixtureTrack('warrior_1_hold_34front'), 3).track,
      'warrior-1',
    );
    expect(report.holds?.length).toBe(3);
    expect(report.heldSeconds).toBeGreaterThan(9);
    const [line] = formCheckLines(warrior, report);
    expect(line).toMatchObject({ check: 'hold', status: 'fix' });
    expect(line?.text).toMatch(
      /^Arms up overhead: the pose broke after 3\.\d s at the longest \(1\d\.\d s in 3 holds\); keep it 5 s or more\.$/,
    );
    // The downward dog, held 5.4 s unbroken, twice: a pass that says both.
    const [dog] = formCheckLines(
      findExercise('downward-dog'),
      analyzeTrack(played(fixtureTrack('downdog_side_heels_down'), 2).track, 'downward-dog'),
    );
    expect(dog).toMatchObject({ status: 'pass' });
    expect(dog?.text).toMatch(/^In position for 1\d\.\d s in 2 holds, the longest 5\.\d s\.$/);
  });

  it('says what cut a short hold short: the pose left, or the end', () => {
    const [warrior] = card('warrior_1_hold_34front', 'warrior-1');
    expect(warrior?.text).toBe('Arms up overhead: only 3.5 s in the pose; keep it 5 s or more.');
    // The chair pose is held 3 s up to the end of the clip: nothing broke it.
    const [chair] = card('chair_pose_hold_side', 'squat-hold');
    expect(chair?.status).toBe('fix');
    expect(chair?.atSec).toBeUndefined();
    expect(chair?.text).toBe('Only 3.0 s in the pose before the end; keep it 5 s or more.');
  });

  it('asks for a few slow reps, a 10-second hold, or a few circles', () => {
    expect(formCheckPlan(findExercise('squat')).reps).toBe(3);
    expect(formCheckPlan(findExercise('squat-hold')).holdSec).toBe(10);
    expect(formCheckPlan(findExercise('knee-circles')).seconds).toBeGreaterThan(0);
  });
});

describe('the heel-lift line, in words a person can picture', () => {
  const heel = (clip: string) => card(clip, 'squat').find((l) => l.check === 'heel-lift')?.text;

  it("gives the heel's rise as a share of the shin, not in model units", () => {
    // The dowel squat's heel reads lower at the bottom than standing; the deep demo's higher, with
    // its shins 44° forward, where a flat heel reads higher too and the limit with it (heel-lift.ts).
    expect(heel('squat_side_gym_dowel_2reps')).toMatch(
      /^Good: heel no higher than standing; a lift reads over 20 % of a shin length \(/,
    );
    expect(heel('squat_side_knees_far_past_toes_demo')).toMatch(
      /^Good: heel \d+ % of a shin length above standing; a lift reads over 24 % \(/,
    );
  });

  it('says with a pass that a small lift does not show (a 4 cm lift reads like flat feet)', () => {
    expect(heel('squat_side_gym_dowel_2reps')).toMatch(
      /\(a lift of a few centimetres does not show to the pose model\)\.$/,
    );
  });
});

describe('a form check in two parts, when the checks need two views', () => {
  const views = (id: string) => formCheckPlan(findExercise(id)).parts.map((p) => p.view);

  it('asks for no view for a check that cannot judge the exercise from any', () => {
    // Knee valgus is judged from the front only, and not in a split stance at all: a lunge is
    // checked side on, where its depth is exact, in one part.
    expect(views('lunge')).toEqual(['side']);
    const card = formCheckLines(
      findExercise('lunge'),
      analyzeTrack(fixtureTrack('lunge_forward_side_whitebg_8reps'), 'lunge'),
    );
    expect(card.find((l) => l.check === 'knee-valgus')).toMatchObject({
      status: 'cannot-judge',
      text: expect.stringMatching(/not measured in a split stance/),
    });
    expect(card.find((l) => l.check === 'lunge-depth')?.status).toBe('pass');
  });

  it('judges each check from the part filmed from its view', () => {
    const squat = findExercise('squat');
    const front = analyzeTrack(fixtureTrack('squat_front_band_woman_3reps'), 'squat');
    const side = analyzeTrack(fixtureTrack('squat_side_gym_dowel_2reps'), 'squat');
    const both = formCheckLines(squat, [front, side]);
    const line = (lines: typeof both, check: string) => lines.find((l) => l.check === check);
    // Valgus from the front part only, heel lift from the side part only.
    expect(line(formCheckLines(squat, side), 'knee-valgus')?.status).toBe('cannot-judge');
    expect(line(formCheckLines(squat, front), 'heel-lift')?.status).toBe('cannot-judge');
    expect(line(both, 'knee-valgus')).toEqual(line(formCheckLines(squat, front), 'knee-valgus'));
    expect(line(both, 'heel-lift')).toEqual(line(formCheckLines(squat, side), 'heel-lift'));
    // Depth and lean, judged from both, are read where they are exact: side on.
    expect(line(both, 'depth')).toEqual(line(formCheckLines(squat, side), 'depth'));
    expect(line(both, 'forward-lean')).toEqual(line(formCheckLines(squat, side), 'forward-lean'));
  });
});

describe('a check that cannot judge', () => {
  it('says what it needs and what to do, on every labelled clip', () => {
    const unclear = new Set<string>();
    let seen = 0;
    for (const label of LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise))) {
      const report = analyzeTrack(fixtureTrack(label.file), label.exercise);
      for (const v of [
        ...(report.reps ?? []).flatMap((r) => r.verdicts),
        ...(report.verdicts ?? []),
      ])
        if (v.status === 'cannot-judge') {
          seen += 1;
          // "Heel lift is hidden from the front: turn side-on."
          if (!/^[A-Z][^:]+: [a-z][^:]*\.$/.test(v.message))
            unclear.add(`${v.check}: ${v.message}`);
        }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...unclear]).toEqual([]);
  });

  it('asks a side-on squat with no standing moment to stand still, not to turn side-on', () => {
    // The office clip starts just before its one rep: no standing long enough for a shin ruler.
    const rep = analyzeTrack(fixtureTrack('squat_side_office_correct_1rep'), 'squat').reps?.[0];
    const knees = rep?.verdicts.find((v) => v.check === 'knees-over-toes');
    expect(knees?.status).toBe('cannot-judge');
    expect(knees?.message).toMatch(/stand still a moment before the rep/);
  });
});

describe('the moment each line shows', () => {
  it('names it as the person did it: the bottom of a squat, the top of a raise, the worst fault', () => {
    const depth = card('squat_side_gym_dowel_2reps', 'squat').find((l) => l.check === 'depth');
    const lean = card('squat_front_FORWARD_LEAN_mlsac_1rep', 'squat').find(
      (l) => l.check === 'forward-lean',
    );
    if (depth === undefined || lean === undefined) throw new Error('lines missing');
    expect(depth.status).toBe('pass');
    expect(stillMoment(depth, findExercise('squat'))).toBe('deepest moment');
    // A raise's far end is its top (a calf raise's tempo line shows the top of its rep).
    expect(stillMoment({ ...depth, check: 'tempo' }, findExercise('calf-raise'))).toBe(
      'top of the rep',
    );
    expect(lean.status).toBe('fix');
    expect(stillMoment(lean, findExercise('squat'))).toBe('worst moment');
  });

  it("shows a head that bobbed at the circle it bobbed in, and a still head's line without a still", () => {
    const bobbed = analyzeTrack(
      fixtureTrack('michelle_knee_circles_headbob_front'),
      'knee-circles',
    );
    const bobs = bobbed.faults.filter((f) => f.code === 'head-bob');
    const bobAt = [...bobs].sort((a, b) => b.value - a.value)[0]?.atSec;
    expect(bobAt).toBeGreaterThan(0);
    const line = (r: typeof bobbed) =>
      formCheckLines(findExercise('knee-circles'), r).find((l) => l.check === 'head-bob');
    expect(bobs.length).toBeGreaterThan(1);
    expect(line(bobbed)).toMatchObject({ status: 'fix', atSec: bobAt });
    // The worst circle, not the first fault said.
    expect(line({ ...bobbed, faults: [...bobbed.faults].reverse() })?.atSec).toBe(bobAt);
    const still = line(analyzeTrack(fixtureTrack('michelle_knee_circles_front'), 'knee-circles'));
    expect(still?.status).toBe('pass');
    expect(still?.atSec).toBeUndefined();
  });
});
