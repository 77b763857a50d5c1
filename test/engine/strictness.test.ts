import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { EXERCISES } from '../../src/engine/catalog.ts';
import { STRICTNESS_LEVELS, type Strictness } from '../../src/engine/checks/thresholds.ts';
import { scoreClip, summarize, type ClipScore } from '../../src/eval/score.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';

// Gentle, standard and strict move each limit within its documented range (thresholds.ts): the
// real labelled clips judged at each, side by side, as the eval's last table shows them.

const clips = LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise)).map((label) => ({
  label,
  track: fixtureTrack(label.file),
}));
const at = new Map<Strictness, ClipScore[]>(
  STRICTNESS_LEVELS.map((level) => [
    level,
    clips.map(({ label, track }) =>
      scoreClip(label, analyzeTrack(track, label.exercise, { strictness: level })),
    ),
  ]),
);
const scores = (level: Strictness) => at.get(level) ?? [];
const found = (level: Strictness, file: string) =>
  scores(level).find((s) => s.clip === file)?.foundFaults ?? [];

describe('the real clips judged gentle, standard and strict', () => {
  it('a stricter level keeps every fault a gentler one found, on every clip', () => {
    for (const [gentler, stricter] of [
      ['gentle', 'standard'],
      ['standard', 'strict'],
    ] as const)
      for (const { label } of clips)
        expect(found(stricter, label.file), `${label.file}, ${gentler} → ${stricter}`).toEqual(
          expect.arrayContaining([...found(gentler, label.file)]),
        );
  });

  it('standard flags a fault on at most 10 % of the clean clips (the issue’s target)', () => {
    const s = summarize(scores('standard'));
    expect(s.cleanClips).toBeGreaterThan(30);
    expect(s.cleanClipsWithFaults / s.cleanClips).toBeLessThanOrEqual(0.1);
  });

  it('no level finds every labelled fault and keeps clean clips to 10 %: the dumbbell squat’s lean is clean squats’ lean', () => {
    for (const level of STRICTNESS_LEVELS) {
      const s = summarize(scores(level));
      const all = s.faults.falseNegatives === 0;
      const clean = s.cleanClipsWithFaults / s.cleanClips <= 0.1;
      expect(all && clean, level).toBe(false);
    }
    // Strict (trunk at most 20° past the shins) finds the labelled lean at 21-29°, and with it
    // flags clean squats whose trunk reads 25-26° past the shins, side on.
    const dumbbells = 'squat_to_calfraise_side_dumbbells_3reps_heels_up_at_top.mp4';
    expect(found('standard', dumbbells)).not.toContain('forward-lean');
    expect(found('strict', dumbbells)).toContain('forward-lean');
    for (const clean of ['squat_side_studio_man_1rep.mp4', 'squat_side_whitebg_woman_1rep.mp4']) {
      expect(found('standard', clean), clean).not.toContain('forward-lean');
      expect(found('strict', clean), clean).toContain('forward-lean');
    }
    // Facing the camera strict holds the trunk to 50° from vertical alone: the home air squats'
    // trunks read up to 44° there (flagged at strict by their lean past the shins until that was
    // no longer judged facing the camera).
    expect(found('strict', 'squat_front_home_airsquats_12reps.mp4')).not.toContain('forward-lean');
  });
});
