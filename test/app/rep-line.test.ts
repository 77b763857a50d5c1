import { describe, expect, it } from 'vitest';
import { repLine } from '../../src/app/rep-line.ts';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { fixtureTrack } from '../support/tracks.ts';

describe('the line shown for each rep', () => {
  const firstRep = (clip: string) => {
    const rep = analyzeTrack(fixtureTrack(clip), 'squat').reps?.[0];
    if (rep === undefined) throw new Error(`no rep in ${clip}`);
    return rep;
  };

  it('says good form, and names a check the rep passed only just (as the form-check card does)', () => {
    // Its one rep stops 15° above level, at the depth limit: a pass by a whisker.
    expect(repLine(firstRep('squat_side_whitebg_woman_1rep'), 'down')).toMatch(
      /^Rep 1: down .*\. Good form, borderline on depth\.$/,
    );
    // The dowel squat's first rep goes well below level: plain good form.
    expect(repLine(firstRep('squat_side_gym_dowel_2reps'), 'down')).toMatch(/\. Good form\.$/);
  });

  it("gives a rep's faults instead", () => {
    expect(repLine(firstRep('squat_front_FORWARD_LEAN_mlsac_1rep'), 'down')).toMatch(
      /\. Chest up: trunk \d+° from vertical/,
    );
  });
});
