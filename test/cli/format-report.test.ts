import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/cli/format-report.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { fixtureTrack } from '../support/tracks.ts';

describe('the report as printed', () => {
  it('names the view the camera had', () => {
    const report = analyzeTrack(fixtureTrack('squat_side_gym_dowel_2reps'), 'squat');
    expect(formatReport(report).split('\n')[0]).toMatch(/, filmed from the side \(form judged/);
  });

  it('says so in words when neither the front nor the side view held most of the frames', () => {
    // The banded lunges are filmed with the person turned about 45° towards the camera: their hips
    // and shoulders read 50-60° turned (view.ts), a 3/4 view in most frames.
    const report = analyzeTrack(fixtureTrack('lunge_34_banded'), 'lunge');
    expect(report.view).toBe('unknown');
    const first = formatReport(report).split('\n')[0];
    expect(first).toMatch(/, filmed neither from the front nor from the side \(form judged/);
    expect(first).not.toMatch(/the unknown/);
  });

  it('names the view of reps seen otherwise than the set, and how many reps a check skipped', () => {
    // Filmed from the front, then side-on for four reps, then from the front again.
    const report = analyzeTrack(fixtureTrack('squat_front_side_front_crossfit_air'), 'squat');
    const lines = formatReport(report).split('\n');
    expect(lines[0]).toMatch(/filmed from the front/);
    const reps = lines.filter((l) => /^ {2}rep \d/.test(l));
    expect(reps).toHaveLength(9);
    expect(reps.filter((l) => l.includes(', seen side-on:'))).toHaveLength(4);
    expect(reps.filter((l) => l.includes(', seen'))).toHaveLength(4);
    expect(lines).toContain(
      '  knee-valgus not judged on 4 of 9 reps: Knee valgus needs the front view: face the camera.',
    );
    expect(lines).toContain(
      '  heel-lift not judged on 5 of 9 reps: Heel lift is hidden from the front: turn side-on.',
    );
    // Knees past the toes is a note only (form-checks.md): no call to turn side-on for it.
    expect(lines.filter((l) => l.includes('knees-over-toes'))).toEqual([]);
  });

  it('prints under a rep the checks it passed only just, with the value against the limit', () => {
    // Its one rep stops 15° above level: at the depth limit, a pass by a whisker.
    const lines = formatReport(
      analyzeTrack(fixtureTrack('squat_side_whitebg_woman_1rep'), 'squat'),
    ).split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {4}~ depth: passed only just \(15° against 15°, confidence \d+ %\)$/,
      ),
    );
    // A deep rep passes plainly.
    const deep = formatReport(analyzeTrack(fixtureTrack('squat_side_gym_dowel_2reps'), 'squat'));
    expect(deep).not.toMatch(/depth: passed only just/);
  });

  it("prints the set's own checks as a rep's: a fault with its measure, a check not judged and why", () => {
    // The rendered knee circles with the head bobbing: each circle's bob against the limit.
    const bobbing = formatReport(
      analyzeTrack(fixtureTrack('michelle_knee_circles_headbob_front'), 'knee-circles'),
    ).split('\n');
    expect(bobbing.filter((l) => l.startsWith('  ! head-bob at '))).toHaveLength(3);
    expect(bobbing).toContainEqual(
      expect.stringMatching(
        /^ {2}! head-bob at 4\.7 s: Keep your head still: only the knees move\. \(3\.76 % of height against 2\.5 % of height, confidence \d+ %\)$/,
      ),
    );
    // A Warrior I held 3.5 s: too short to judge whether the hips stay put, and said so.
    const short = formatReport(analyzeTrack(fixtureTrack('warrior_1_hold_34front'), 'warrior-1'));
    expect(short.split('\n')).toContainEqual(
      expect.stringMatching(/^ {2}hold-position not judged: .*judged on holds of 4 s or more/),
    );
  });

  it('prints each hold as its start and its length, which add up as printed', () => {
    const report = analyzeTrack(fixtureTrack('chair_pose_hold_side'), 'squat-hold');
    const [hold] = report.holds ?? [];
    expect(hold?.startSec).toBeCloseTo(4.42, 1);
    expect(hold?.endSec).toBeCloseTo(7.46, 1);
    const lines = formatReport(report).split('\n');
    expect(lines).toContain('held: 3.0 s in 1 hold');
    expect(lines).toContain('  from 4.4 s: held 3.0 s');
    const two = formatReport(
      analyzeTrack(
        fixtureTrack('downdog_from_plank_34front_then_side_fitbod_2holds'),
        'downward-dog',
      ),
    );
    expect(two.split('\n')).toContain('held: 8.3 s in 2 holds');
  });
});
