import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { EXERCISES } from '../../src/engine/catalog.ts';
import type { Report } from '../../src/engine/report.ts';
import { HOLD_TOLERANCE_SEC, pinnedResult, type PinnedResult } from '../../src/eval/pinned.ts';
import type { PoseTrack } from '../../src/pose/pose-track.ts';
import { LABELS } from '../fixtures/labels.ts';
import { fixtureTrack } from '../support/tracks.ts';
import {
  analysedLive,
  approaching,
  autoFramed,
  blinking,
  inLargerFrame,
  jittered,
  later,
  legsNamedTheOtherWay,
  mirrored,
  played,
  sharper,
  smaller,
  swaying,
  tilted,
  withKeypointJitter,
} from '../support/transform-track.ts';

// What the engine says about a movement does not depend on things that do not change the
// movement: the side of the body that faces the camera (or the foot that circles), the clock time
// the session started at, how far back the person stands, the frame's shape or its resolution.
// Every labelled real clip of the routine, seen each of those ways, gives the same count, the same
// faults, the same hold time and the same circles.

const VARIANTS: readonly (readonly [string, (t: PoseTrack) => PoseTrack])[] = [
  ['mirrored (the other side of the body)', mirrored],
  ['a minute later on the clock', later],
  ['standing further back (0.6 the size)', smaller],
  ['in a frame half as wide again', (t) => inLargerFrame(t, 1.5, 1)],
  ['in an upright frame (a phone held upright)', (t) => inLargerFrame(t, 1, 2)],
  ['at twice the resolution', sharper],
];

const scored = LABELS.filter((l) => EXERCISES.some((e) => e.id === l.exercise));

/** Each clip's result as filmed, worked out once. */
const asFilmed = new Map<string, string>();
function resultAsFilmed(label: (typeof scored)[number]): string {
  const known = asFilmed.get(label.file);
  if (known !== undefined) return known;
  const result = JSON.stringify(pinnedResult(label, fixtureTrack(label.file)));
  asFilmed.set(label.file, result);
  return result;
}

describe('a clip seen another way gives the same result', () => {
  it.each(VARIANTS.map(([name, f]) => [name, f] as const))('%s', (_name, variant) => {
    const changed = scored.flatMap((label) => {
      const as = resultAsFilmed(label);
      const seen = JSON.stringify(pinnedResult(label, variant(fixtureTrack(label.file))));
      return seen === as ? [] : [`${label.file}: ${as} → ${seen}`];
    });
    expect(changed).toEqual([]);
  });
});

/**
 * A camera or detector that is not perfect, and the clips whose result it does change, with why
 * (every other clip must give the same counts, faults and circles, and holds within 0.5 s).
 */
interface Imperfection {
  readonly name: string;
  /** One or more draws of it: a clip changed by any of them is changed. */
  readonly variants: readonly ((t: PoseTrack) => PoseTrack)[];
  readonly known: Readonly<Record<string, string>>;
}

const IMPERFECTIONS: readonly Imperfection[] = [
  // Which frame of ten is lost matters on other clips too (measured over all ten: a clean barbell
  // squat gains a rep when a lost frame drops the last turn of its set-up shuffle, a squat clip
  // cut off mid-rep loses that rep, and the borderline clips below change at other phases).
  {
    name: 'a detector that loses the person in one frame of ten',
    variants: [blinking],
    known: {
      'calfraise_on_stair_rear34_cdc_1rep_hold.mp4':
        'stepping down off the stair after the rep is a lift just under the shortest rep (500 ms) with every frame, and just over it with a frame lost at its start',
    },
  },
  {
    name: 'a camera that sways (hand-held)',
    variants: [swaying],
    known: {
      'ankle_circles_front_standing_home_4circles.mp4':
        "head bob is the head's range in the frame (nose and ears): a camera moving up and down moves it too (measured against the feet instead, their keypoints' own jitter adds to a still head's reading)",
    },
  },
  // Automatic framing (Windows' automatic framing, Center Stage through a phone) zooms as the
  // person moves. The counter's second ruler, the shank measured standing, is what lets a
  // front-view half squat be counted (the shin's image shortens as the hips drop); it does not
  // follow a zoom during the rep. Measured beyond this spec: ±15 % every 4 s adds 1-3 reps to 5
  // squat clips (read 26-86° above level) and cuts four holds by 0.6-6.3 s (README, known limits).
  {
    name: 'a camera that zooms in and out by 10 % every 6 s (automatic framing)',
    variants: [(t) => autoFramed(t, 0.1, 6)],
    known: {
      'squat_side_barbell_voltathletics_3reps.mp4':
        "its first rep, seen at 3/4 while the lifter turns behind the plates, reads 39° above level over the span one counter gives it and 15° (a pass) over the other's: the zoom decides which counts it first",
      'squat_front_SHALLOW_nodepth_mlsac_1rep.mp4':
        'a front-view quarter squat, counted only against the shank measured standing (rep-counter.md, "Two rulers"), and only just: its hips drop 0.23 of that shank, the smallest rep 0.20; a zoom of a few percent between standing and its bottom decides it (1 → 0)',
    },
  },
  // The real tracks carry the model's own swaps already; more of them, as a worse detector or a
  // harder view would give. The ankle circles followed the toe by its name (4 circles became 3 and
  // 0) and a lunge's front knee was chosen once per rep by name (a clean front lunge read 109°, a
  // fault): both follow the legs themselves now.
  {
    name: 'a detector that names the legs the other way round in 1 frame of 13, or 2 of 10',
    variants: [(t) => legsNamedTheOtherWay(t, 13, 1), (t) => legsNamedTheOtherWay(t, 10, 2)],
    known: {
      'squat_side_barbell_quarter_SHALLOW.mp4':
        'the person is found in half its frames and their points jump: with 2 frames in 10 named the other way a third rep counts (2 → 3; 4 labelled), decided by which few frames the resting shank is learnt from',
      'squat_34_handheld_bw_goblet.mp4':
        "at 3/4 each thigh's drop is read against its own standing length, and legs named the other way round mix the near thigh with the far one: its reps read 13-19° against the 15° limit, close calls either way (2 frames in 10: the clean rep read shallow at 16° reads 15°, a pass)",
    },
  },
  // A smaller or darker picture, a cheaper webcam: the keypoints wander more from frame to frame
  // than BlazePose's own jitter on these clips. Each picture keypoint moved at random by σ 0.2 % of
  // the frame's height (about 1 px at 480; the 3-D landmarks as the model gave them). What
  // changes is each a count or a verdict already on its knife edge (README, where a target is
  // missed); no hold moves by more than 0.2 s.
  {
    name: 'a noisier detector (every keypoint moved at random by σ 0.2 % of the frame, two draws)',
    variants: [1, 2].map((seed) => (t: PoseTrack) => withKeypointJitter(t, 0.002, seed)),
    known: {
      'squat_side_barbell_voltathletics_3reps.mp4':
        "its first rep, seen at 3/4 while the lifter turns behind the plates, reads 39° above level over the span one counter gives it and 15° (a pass) over the other's: noise decides which counts it first",
      'squat_front_FORWARD_LEAN_mlsac_1rep.mp4':
        'its deep squat reads 15° above level, at the limit (the folded torso hides the hips): noise tips it shallow',
      'squat_pulses_34front_medball_partial_15pulses.mp4':
        "the pulses come back to 0.87-0.89 of standing, at the counter's return level: noise closes one as a rep (0 → 1, read shallow), as 10 frames/s does",
      'calfraise_on_stair_rear34_cdc_1rep_hold.mp4':
        'stepping down off the stair is a lift just under the shortest rep (467 ms): noise makes it one (1 → 2)',
      'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4':
        'lower legs only: its bounces are lifts of 0.02-0.05 shank, three of them a run by a few tenths of a second; on one draw of two the noise moves them enough that they are no run (bouncing missed)',
    },
  },
  // A camera tilted sideways a little, as a phone propped by hand or a laptop on an uneven seat is
  // (the app tells a tilt from 6°, read facing the camera: camera-tilt.ts). Side on, depth is the
  // thigh's angle against the picture's level and moves with the tilt, so a rep within a degree or
  // two of the 15° limit flips; nothing else may change but the lower-legs-only clips.
  {
    name: 'a camera tilted 2° sideways, either way',
    variants: [2, -2].map((deg) => (t: PoseTrack) => tilted(t, deg)),
    known: {
      'squat_side_studio_man_1rep.mp4':
        'its rep reads 14° above level against the 15° limit, side on: 2° of tilt tips it shallow',
      'squat_side_whitebg_woman_1rep.mp4':
        'its rep reads 15° above level, at the limit, side on: 1° of tilt tips it shallow',
      'squat_side_schoolgirl_1rep.mp4':
        'its labelled shallow rep reads 16° above level, side on: 1° of tilt the other way passes it',
      'squat_34_handheld_bw_goblet.mp4':
        "its shallow-read rep (16°, limit 15°; the label's slightly above parallel) passes with 1° of tilt",
      'squat_side_barbell_voltathletics_3reps.mp4':
        "its first rep, seen at 3/4 while the lifter turns behind the plates, reads 39° above level over the span one counter gives it and 15° over the other's: 1° of tilt decides which counts it first",
      'squat_front_FORWARD_LEAN_mlsac_1rep.mp4':
        'its deep squat reads 15° above level, at the limit (the folded torso hides the hips): 2° of tilt tips it shallow',
      'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4':
        'lower legs only: its run of bounces is three lifts of 0.02-0.05 shank, and 2° of tilt moves a heel over its toe by 0.02 (a foot of 0.6 shank × sin 2°): the run is missed, and bouncing with it',
    },
  },
  {
    name: 'a camera brought closer all through the set (3 % larger each second)',
    variants: [(t) => approaching(t, 0.03)],
    known: {},
  },
  {
    name: "a webcam's uneven frame timing (each frame up to 4 ms early or late, three draws)",
    variants: [1, 2, 3].map((seed) => (t: PoseTrack) => jittered(t, 4, seed)),
    // Counts on a knife edge that a few milliseconds of timing tip.
    known: {
      'calfraise_on_stair_rear34_cdc_1rep_hold.mp4':
        'stepping down off the stair is a lift of 467 ms, just under the shortest rep; jittered, another frame becomes its start (530 ms)',

      'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4':
        'lower legs only: its run of bounces is three lifts of 0.02-0.05 shank, the first half the start delta (a still heel jitters as much): a few milliseconds merge it into the next, and two lifts are no run (bouncing missed, two draws of three)',
    },
  },
  // The live app on a slow laptop: the detector takes 80-130 ms a frame, so of a webcam's 30
  // frames a second it analyses 8-12, dropping one, two or three in a row (the frame-rate spec
  // drops them evenly). The front-view split squats, with one standing frame between reps, counted
  // 4, 3 and 4 of their 5 on these draws: the rep leaving from the frame the last one was counted on
  // was taken for a dip inside it, and the resting shank was learnt from the frames that leave the
  // start (now: both only from frames the counters placed at the start; split-stance-count.test.ts).
  // The spike filter's window holds two frames at this rate; their upper one, as its median, also
  // cost the fifth rep on one draw, a false bounce on two calf-raise clips and a ghost rep in the
  // half-squat pulses (now their mean: median-filter.ts).
  {
    name: 'analysed as a slow laptop does live (80-130 ms a frame, three draws)',
    variants: [1, 2, 3].map((seed) => (t: PoseTrack) => analysedLive(t, 80, 130, seed)),
    known: {
      'squat_to_calfraise_side_dumbbells_3reps_heels_up_at_top.mp4':
        'its labelled forward lean is found on one draw, for the wrong reason: its deepest frames misread the shins (3-9° from vertical between frames reading 22-28°: the dumbbells hang by the knees), and with fewer frames they weigh more in the bottom window (two reps read 38° and 31° past the shins, limit 30°; form-checks.md)',
      'partial_body/calfraise_rear_LOWER_LEGS_ONLY_wrong_bouncing_then_correct.mp4':
        'lower legs only: half the frames have nobody or a body read upside down (no person either: requirements.ts); its one counted lift (0.3 s up, 0.2 s at the top) keeps too few frames to count on two draws, and the bounces too few to be seen apart on all three, as at 15 and 10 frames/s',
      'squat_side_barbell_quarter_SHALLOW.mp4':
        'the person is found in half its frames and their points jump: its second counted rep keeps too few frames (2 → 1; 4 labelled), and on one draw the forward lean read on that rep goes with it',
      'squat_front_wide_stance_bw.mp4':
        'the 10th rep, cut off three quarters of the way up, is not counted with fewer frames, as at 10 frames/s (the label counts 9)',
      'squat_front_FORWARD_LEAN_mlsac_1rep.mp4':
        'its deep squat reads 15° above level, at the limit (the folded torso hides the hips): fewer frames tip it shallow',
    },
  },
];

describe('an imperfect camera or detector gives the same results but for the clips named with why', () => {
  it.each(IMPERFECTIONS.map((i) => [i.name, i] as const))('%s', (_name, imperfection) => {
    const changed = [...new Set(imperfection.variants.flatMap(changedClips))].sort();
    expect(changed).toEqual(Object.keys(imperfection.known).sort());
  });
});

/**
 * The clips whose result seen `variant`'s way differs from their result as filmed: a count, a fault
 * or the circles, or a hold more than 0.5 s off (sorted).
 */
function changedClips(variant: (t: PoseTrack) => PoseTrack): string[] {
  return scored
    .filter((label) => {
      const as = JSON.parse(resultAsFilmed(label)) as PinnedResult;
      const seen = pinnedResult(label, variant(fixtureTrack(label.file)));
      const heldOff = Math.abs((seen.heldSec ?? 0) - (as.heldSec ?? 0));
      return !(
        JSON.stringify({ ...seen, heldSec: 0 }) === JSON.stringify({ ...as, heldSec: 0 }) &&
        heldOff <= HOLD_TOLERANCE_SEC + 1e-9
      );
    })
    .map((label) => label.file)
    .sort();
}

/** What one play of a clip inside a longer session gave: its reps' faults, its seconds held. */
function playResult(report: Report, fromMs: number, toMs: number) {
  const inPlay = (sec: number) => sec * 1000 >= fromMs && sec * 1000 < toMs;
  const reps = (report.reps ?? []).filter((r) => inPlay(r.bottomSec));
  const held = (report.holds ?? []).reduce(
    (s, h) =>
      s + Math.max(0, Math.min(h.endSec * 1000, toMs) - Math.max(h.startSec * 1000, fromMs)),
    0,
  );
  return {
    reps: reps.map((r) =>
      r.faults
        .filter((f) => f.severity === 'warn')
        .map((f) => f.code)
        .sort()
        .join('+'),
    ),
    heldMs: held,
  };
}

const ONE_FRAME_MS = 34;

const circlesOf = (r: Report) => (r.circles?.clockwise ?? 0) + (r.circles?.anticlockwise ?? 0);

// A set of 20, three sets, a minute's hold: a session runs far longer than any clip. The engine
// keeps what it needs from earlier reps (the best height so far, the resting ruler, the last
// standing baseline), and none of it may drift: played over and over, a clip gives each play the
// same result once the first play has set the scene (the first play starts cold, and where a clip
// is cut mid-rep the loop's seam joins the cut rep to the next play's start).
describe('a long session (the clip played again and again, as a looping camera does)', () => {
  it('gives the second and third of four plays the same reps, faults and time held', () => {
    const drifting = scored.flatMap((label) => {
      const { track, playMs } = played(fixtureTrack(label.file), 4);
      const report = analyzeTrack(track, label.exercise);
      const second = playResult(report, playMs, 2 * playMs);
      const third = playResult(report, 2 * playMs, 3 * playMs);
      // Timestamps are fractions of a ms (33.33…): a hold may start a frame apart, no more.
      const sameHold = Math.abs(second.heldMs - third.heldMs) <= ONE_FRAME_MS;
      return JSON.stringify(second.reps) === JSON.stringify(third.reps) && sameHold
        ? []
        : [`${label.file}: ${JSON.stringify(second)} then ${JSON.stringify(third)}`];
    });
    expect(drifting).toEqual([]);
  });

  it('counts as many circles in each play after the first', () => {
    for (const label of scored.filter((l) => l.circles !== undefined)) {
      const track = fixtureTrack(label.file);
      const [two, three, four] = [2, 3, 4].map((n) =>
        circlesOf(analyzeTrack(played(track, n).track, label.exercise)),
      );
      expect((four ?? 0) - (three ?? 0), label.file).toBe((three ?? 0) - (two ?? 0));
      expect((three ?? 0) - (two ?? 0), label.file).toBeGreaterThan(0);
    }
  });
});
