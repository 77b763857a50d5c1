import type {
  CameraView,
  ExerciseDef,
  HoldExercise,
  HoldPosition,
  RepsExercise,
  Tempo,
  WalkExercise,
} from './exercise-def.ts';
import { FOOT_FEATURES } from './features.ts';
import type { EnvelopeCondition } from './hold-envelope.ts';
import type { RepCounterParams } from './rep-counter-params.ts';
import { SPLIT_STANCE_SHANKS } from './stance-features.ts';
import type { Requirement } from './requirements.ts';

/**
 * The exercise catalogue: every exercise formcheck knows, as data (types in exercise-def.ts).
 * Counting thresholds live here with their sources; judging thresholds live in checks/.
 */

/** One side is enough everywhere: side on, the far leg is often hidden. Checks that need both sides skip themselves. */
const LEGS: Requirement = { joints: ['hip', 'knee', 'ankle'], sides: 1 };
const BODY: Requirement = { joints: ['shoulder', 'hip', 'knee', 'ankle'], sides: 1 };
const FEET: Requirement = { joints: ['knee', 'ankle', 'heel', 'toe'], sides: 1 };
const LEGS_AND_FEET: Requirement = { joints: ['hip', 'knee', 'ankle', 'heel', 'toe'], sides: 1 };

/**
 * Counting thresholds for hip drop (signal: minus the hip-above-knee gap in shank lengths, ~-1
 * standing, 0 with thighs level). Noise of a still standing person on the real clips: ±0.03.
 * - startDelta 0.12 = 4× that noise: leaving the start is not jitter.
 * - minAmplitude 0.2 counts the shallowest labelled rep (knee 136°, hip drop ~0.35) with margin.
 * - returnFraction 0.4: the rep is counted on the way up, 40 % of the excursion from the top
 *   ("back near standing", not fully locked out), so the person hears the count at once.
 * - farFraction 0.15: the bottom phase (for tempo) is the last 15 % of the excursion, 2-3× the
 *   noise of a held bottom on the labelled paused squats.
 * - relativeMinAmplitude 0.45: an excursion under 45 % of this person's median rep is a pulse or a
 *   fidget, not a rep (the labelled half-range pulses reach 40-50 % of a full rep).
 * - maxBottoms 2: three dips without standing up are pulses (the labelled pulse clip).
 */
const HIP_DROP_COUNTER: RepCounterParams = {
  startDelta: 0.12,
  minAmplitude: 0.2,
  farFraction: 0.15,
  returnFraction: 0.4,
  relativeMinAmplitude: 0.45,
  maxBottoms: 2,
  minRepMs: 400,
  maxRepMs: 20000,
  restTrackingMs: 2000,
};

/** Hips at least 0.85 shank above the knees: standing (thigh ≈ 1.0-1.1 shank; a hinge or a squat is lower). */
const STANDING = { max: -0.85 };
/**
 * The same for the hip's height above the ankles: the thigh 0.85 above the knee as above and the
 * shank within 25° of vertical (0.9), 1.75 shanks; a squat's or a lunge's bottom is 0.9-1.2.
 */
const STANDING_ON_LEGS = { max: -1.75 };

/**
 * Heel or toe rise in shank lengths: 0.1-0.25 at the top from 3/4 views (ENGINE-NOTES.md; measured
 * 0.10-0.23 on the labelled clips); still-standing noise ±0.02. The other fractions as for the
 * hip drop.
 * - minRepMs 500: the fastest cadence calf-raise tests use is 120 beats/min, up on one beat and
 *   down on the next, 1 s a rep (Hébert-Losier et al. 2025, cadences of 30-120 beats/min in the
 *   literature; 60 is the standard). Timed as the counter times a rep, from leaving the start
 *   (`startDelta` up) to 60 % of the way back down, a smooth 1 s rep (half a cosine up, half
 *   down) of the heights measured here (0.10-0.25 shank) lasts 0.56-0.65 s: a lift timed under
 *   0.5 s is quicker than any test cadence. It also keeps a wobble in a slow lowering from
 *   counting (the stair clip's 1.7 s lowering holds a 0.47 s bump of 0.06 shank).
 * - quickRep: people do raise faster than any test cadence (the real single-leg clip: 0.3 s up,
 *   0.3 s at the top, 0.3 s down, timed 0.37-0.52 s), and a rep not counted is a wrong count,
 *   where a rep counted is told its tempo. What the time limit keeps out are wobbles, which only
 *   just clear the smallest countable height, so a quicker lift counts when it rises twice that
 *   (0.12) and lasts at least 350 ms (a whole raise and drop takes about 0.6 s at the fastest, a
 *   rise as quick as a jump's push-off and the fall back, timed at about 0.6 of it: anything
 *   quicker is a misread flick). Nor may it be larger than the set's reps by more than the
 *   smallest is smaller (1 / 0.45 of their typical size): walking out of the picture after the
 *   home clip's set, seen with the camera tilted 2°, rose 8 times a rep in 0.33 s
 *   (rep-counter.md, "Quicker than the test cadence").
 */
const FOOT_RISE_COUNTER: RepCounterParams = {
  startDelta: 0.04,
  minAmplitude: 0.06,
  farFraction: 0.15,
  returnFraction: 0.4,
  relativeMinAmplitude: 0.45,
  maxBottoms: Infinity, // heel signals are too noisy at the top to tell pulses from wobble
  minRepMs: 500,
  quickRep: { minAmplitude: 0.12, minMs: 350 },
  maxRepMs: 15000,
  restTrackingMs: 3000,
};

/**
 * A calf raise is also back when the heels are back where the set-up saw them flat, whatever lower
 * point the lift began from (rep-counter.md, "Back where the heels stood"): on
 * `calfraise_34front_home_bodyweight` the person looks down at his feet for 0.7 s before the first
 * raise and the heel signal sinks 0.05 shank under standing (0.20 against 0.25). Measured from
 * there a raise was 0.17 shank, not 0.12, and with the heels set down between raises the signal
 * came back 49-55 % of it, short of the 60 % a count takes (68-74 % of the raise from where they
 * stood): with one frame in ten lost, at 15 or 10 frames/s, or analysed as a slow laptop does
 * live, its three raises counted as one or two.
 */
const HEEL_RISE_COUNTER: RepCounterParams = { ...FOOT_RISE_COUNTER, backAtTheStartPosition: true };

/**
 * One foot ahead of the other, not side by side: the line between the ankles nearer a half-facing
 * front stance (45° from the way the hips face) than feet side by side (90°), from the 3-D
 * landmarks. Real clips: warrior I 42-48°, split squats 15-45°; warrior II (the hips open to the
 * side) 76-78°, squat stances and the wall sit 78-88°.
 */
/**
 * The most a karate stance's bent knee may bend: over its own toes with the thigh level. Karate
 * texts put the bent knee from over the ankle to over the toes (front stance: "directly over the
 * front ankle", "pressed forward until it is over the front toe"; back stance: the back knee "over
 * the toes of the back foot", bent "nearly to the extreme"), and a low stance takes the thigh to
 * about level. The knee's internal angle is 90° + thigh elevation − shin lean (in the leg's
 * plane, as lunge depth), and a knee over the toes leans the shin atan(0.46) = 25° (the toes
 * ~0.75 of the foot's length ahead of the ankle; foot 0.152 and shank 0.246 of stature, Winter):
 * 90° − 25° = 65°. Bent further, the knee is past the toes or the hips below the knees.
 */
const KNEE_OVER_TOES_DEG = 65;

const FOOT_AHEAD: EnvelopeCondition = {
  feature: 'feetLineFromFacingDeg',
  max: 67.5,
  cue: 'One foot ahead of the other, hips to the front',
  whenMeasured: true,
};

const CALF_TEMPO: Tempo = { lowerSec: 3, bottomSec: 0, riseSec: 'fast', topSec: 1 };

const SQUAT: RepsExercise = {
  id: 'squat',
  name: 'Bodyweight squat',
  group: 'strength',
  kind: 'reps',
  howTo:
    'Feet shoulder-width, sit the hips back and down until the thighs are level, knees over the toes, then stand tall.',
  view: 'front',
  placement:
    'Face the camera, whole body in view, camera level at hip height about 2.5 m away. Side on for depth and lean.',
  required: BODY,
  needsFeet: false,
  prescription: { kind: 'reps', sets: 3, reps: 10, restSec: 60 },
  signal: 'hip-drop',
  awayWord: 'down',
  counter: HIP_DROP_COUNTER,
  startPose: STANDING,
  checks: ['depth', 'knee-valgus', 'forward-lean', 'knees-over-toes', 'heel-lift'],
};

const LUNGE: RepsExercise = {
  id: 'lunge',
  name: 'Lunge',
  group: 'strength',
  kind: 'reps',
  howTo:
    'Long step, drop the back knee towards the floor, front knee over the front foot, push back up.',
  // Its one check judged today, depth, is exact side on (knee valgus is not measured in a split
  // stance); the reps count from the front too.
  view: 'side',
  placement:
    'Stand side on (facing the camera works too), whole body in view, camera level at hip height.',
  required: LEGS,
  needsFeet: false,
  prescription: { kind: 'reps', sets: 3, reps: 10, restSec: 60 },
  // The hip above the feet, not above a knee: the back knee sinks with the hips (signals.ts). The
  // hips drop by as much as in a squat (a shank: standing to the front thigh level), in the same
  // unit, so the squat's counting thresholds hold.
  signal: 'hip-height',
  awayWord: 'down',
  counter: HIP_DROP_COUNTER,
  startPose: STANDING_ON_LEGS,
  checks: ['lunge-depth', 'knee-valgus'],
  splitStance: true,
};

/**
 * The tibialis lift's toes must rise above where they rest flat (the start position the setup gate
 * saw), not only above the lowest point before the lift: the toe signal (toe above heel) drops
 * below flat while the heels are up, and a heel coming back down then read as a toe lift. The
 * calf-raise clips analysed as a tibialis lift (7 real, 1 rendered) counted 19 such "reps", now 6
 * (`test/engine/movement-match.test.ts`); the real tibialis clip's lift is 0.33 shank above flat
 * and counts as before. Not for calf
 * raises: a single-leg raise keeps the other foot in the air, and a body turning from 3/4 to side
 * on mid-set shifts the flat foot's reading by as much as a small raise (measured: the real
 * single-leg clip then counts 0 of 6, the real 3/4-then-side clip 5 of 6). Lifts done with the
 * back to a wall keep both feet down and face one way.
 */
const TOE_RISE_COUNTER: RepCounterParams = { ...FOOT_RISE_COUNTER, pastTheStartPosition: true };

const feetRaise = (
  id: string,
  name: string,
  howTo: string,
  placement: string,
  signal: 'heel-rise' | 'toe-rise',
): RepsExercise => ({
  id,
  name,
  group: 'strength',
  kind: 'reps',
  howTo,
  view: 'side',
  placement,
  required: FEET,
  needsFeet: true,
  prescription: { kind: 'reps', sets: 3, reps: 20, tempo: CALF_TEMPO, restSec: 45 },
  signal,
  awayWord: 'up',
  counter: signal === 'toe-rise' ? TOE_RISE_COUNTER : HEEL_RISE_COUNTER,
  checks: ['tempo', 'rep-height'],
});

/**
 * A low pose held: the hips stay where they settled (hold-position.ts), not creeping up as the
 * legs tire. The hips' height above the ankles is a vertical distance, read alike from any side.
 */
const HIPS_LOW = (cue: string): HoldPosition => ({
  feature: 'hipAboveAnkleShanks',
  keep: 'low',
  what: 'Hips',
  cue,
});

const kneelingStretch = (
  id: string,
  name: string,
  howTo: string,
  required: Requirement,
  envelope: readonly EnvelopeCondition[],
): HoldExercise => ({
  id,
  name,
  group: 'flexibility',
  kind: 'hold',
  howTo,
  view: 'side',
  placement: 'Side on, whole body in view, feet visible.',
  required,
  needsFeet: required.joints.includes('toe'),
  prescription: { kind: 'hold', sets: 2, holdSec: 30, restSec: 20 },
  envelope,
  position: HIPS_LOW('Sit back on your heels.'),
});

export const EXERCISES: readonly ExerciseDef[] = [
  SQUAT,
  LUNGE,
  feetRaise(
    'calf-raise',
    'Calf raise',
    'Rise onto the balls of the feet fast, hold 1 s at the top, lower over 3 s.',
    'Side on, or turned at least half way to it (3/4), head to feet in view (the camera low, at knee height, is best).',
    'heel-rise',
  ),
  feetRaise(
    'tibialis-lift',
    'Tibialis lift',
    'Back against a wall, heels down, lift the toes fast, hold 1 s, lower over 3 s.',
    'Side on, head to feet in view.',
    'toe-rise',
  ),
  {
    id: 'squat-hold',
    name: 'Assisted squat hold',
    group: 'holds',
    kind: 'hold',
    howTo: 'Hold a support, sit into a deep squat, chest up, heels down; hold.',
    view: 'any',
    placement: 'Whole body in view, front or side.',
    required: LEGS,
    needsFeet: false,
    prescription: { kind: 'hold', sets: 2, holdSec: 30, restSec: 30 },
    position: HIPS_LOW('Stay low.'),
    // Vertical distances survive a change of view (ENGINE-NOTES: the knee angle jumps 20° at a
    // cut from side to front). Standing: gap ≈ 1.0, hip ≈ 2.0-2.2 shanks above the ankle; thighs
    // level: gap ≈ 0-0.4 (side) / 0.65 (front, shank foreshortened), hip ≈ 1.4-1.65.
    // A squat stance, not a split or a wide yoga stance (measured on the floor from the 3-D
    // landmarks, the same from any view): the feet side by side (one under 0.6 shank ahead of
    // the other, the split-stance line) and at most two shoulder widths apart (shoulder width ≈
    // shank: 0.259 and 0.246 of stature, Winter); warrior II and the triangle stand a leg's
    // length wide (2.4-2.9 shanks on the real clips).
    envelope: [
      { feature: 'hipKneeGapShanks', max: 0.75, cue: 'Sit lower' },
      { feature: 'hipAboveAnkleShanks', max: 1.75, cue: 'Sit lower' },
      { feature: 'torsoLeanDeg', max: 60, cue: 'Chest up' },
      {
        feature: 'feetForeAftShanks3d',
        max: SPLIT_STANCE_SHANKS,
        cue: 'Feet side by side',
        whenMeasured: true,
      },
      {
        feature: 'feetApartShanks3d',
        max: 2.1,
        cue: 'Feet closer, about shoulder-width',
        whenMeasured: true,
      },
    ],
  },
  kneelingStretch(
    'ankle-stretch',
    'Ankle stretch (kneeling)',
    'Kneel with the tops of the feet flat, sit back onto the heels, chest up; hold.',
    LEGS,
    [
      { feature: 'maxKneeAngleDeg', max: 60, cue: 'Sit back on your heels' },
      { feature: 'hipAboveAnkleShanks', max: 0.8, cue: 'Sit lower' },
      { feature: 'torsoLeanDeg', max: 35, cue: 'Chest up' },
    ],
  ),
  kneelingStretch(
    'toe-stretch',
    'Toe stretch (kneeling)',
    'Kneel with the toes tucked under, sit back onto the heels, chest up; hold.',
    LEGS_AND_FEET,
    [
      { feature: 'maxKneeAngleDeg', max: 60, cue: 'Sit back on your heels' },
      { feature: 'heelAboveToeShanks', min: 0.1, cue: 'Tuck the toes under' },
      { feature: 'torsoLeanDeg', max: 35, cue: 'Chest up' },
    ],
  ),
  {
    id: 'knee-circles',
    name: 'Knee circles',
    group: 'flexibility',
    kind: 'circles',
    // Upright, hands on the hips (the exercise references' stance: free-exercise-db's photos,
    // Everkinetic's "arms across your chest or on your hips"): the head's bob is measured against
    // the height read in the first second after set-up (head-bob.ts), and hands resting on the
    // knees bend the trunk (by standard proportions the nose stands about a quarter lower) and
    // tie the head to the circling knees.
    howTo:
      'Feet together, hands on the hips, knees slightly bent: draw circles with the knees; keep the head still.',
    view: 'front',
    // The head's bob is measured in the picture: a camera that moves or zooms reads as the head
    // moving (README, known limits).
    placement: 'Face the camera, whole body in view, camera steady (automatic framing off).',
    required: { joints: ['shoulder', 'hip', 'knee', 'ankle'], sides: 2, extra: ['nose'] },
    needsFeet: false,
    prescription: { kind: 'circles', sets: 1, perDirectionSec: 30, restSec: 10 },
    circleJoint: 'knee',
    headStill: true,
  },
  {
    id: 'ankle-circles',
    name: 'Ankle circles',
    group: 'flexibility',
    kind: 'circles',
    howTo: 'Lift one foot and draw circles with the toes; keep the head still.',
    view: 'front',
    placement: 'Face the camera, head to feet in view, camera steady (automatic framing off).',
    required: FEET,
    needsFeet: true,
    prescription: { kind: 'circles', sets: 1, perDirectionSec: 30, restSec: 10 },
    circleJoint: 'toe',
    headStill: true,
  },
  ...walks(),
  ...stances(),
];

/**
 * Walks: the posture each step keeps, as data (toe above heel by 0.05 shank on a heel walk, heel
 * above toe by 0.08 on a toe walk, hips within 0.5 shank of the knees on a duck walk: each about
 * 2-3× the still-foot keypoint noise), in 70 % of the frames between two steps.
 */
function walks(): WalkExercise[] {
  const walk = (
    id: string,
    name: string,
    howTo: string,
    required: Requirement,
    posture: WalkExercise['posture'],
    contralateralArms = false,
  ): WalkExercise => ({
    id,
    name,
    group: 'strength',
    kind: 'walk',
    howTo,
    view: 'side',
    placement: 'Side on, walk across the view (3 m of floor), head to feet in view.',
    required,
    needsFeet: required.joints.includes('toe'),
    prescription: { kind: 'walk', sets: 2, walkSec: 30, restSec: 30 },
    posture,
    contralateralArms,
  });
  return [
    walk('heel-walk', 'Heel walk', 'Walk on the heels with the toes pulled up high.', FEET, {
      feature: 'heelAboveToeShanks',
      max: -0.05,
      share: 0.7,
      fault: 'toes-down',
      cue: 'Pull the toes up.',
    }),
    walk('toe-walk', 'Toe walk', 'Walk on the balls of the feet, heels high.', FEET, {
      feature: 'heelAboveToeShanks',
      min: 0.08,
      share: 0.7,
      fault: 'heels-down',
      cue: 'Heels up, stay on the toes.',
    }),
    walk(
      'duck-walk',
      'Duck walk',
      'Walk in a low squat; the arm swings with the opposite leg.',
      { joints: ['shoulder', 'hip', 'knee', 'ankle', 'wrist'], sides: 2 },
      {
        feature: 'hipKneeGapShanks',
        max: 0.5,
        share: 0.7,
        fault: 'shallow-depth',
        cue: 'Stay low.',
      },
      true,
    ),
  ];
}

/** Held stances: each is an envelope of joint angles and widths (synthetic-tested only; see README). */
function stances(): HoldExercise[] {
  const hold = (
    id: string,
    name: string,
    howTo: string,
    envelope: readonly EnvelopeCondition[],
    view: CameraView = 'front',
    position?: HoldPosition,
  ): HoldExercise => ({
    id,
    name,
    group: 'holds',
    kind: 'hold',
    howTo,
    view,
    placement:
      view === 'side' ? 'Side on, whole body in view.' : 'Face the camera, whole body in view.',
    required: BODY,
    needsFeet: envelope.some((c) => FOOT_FEATURES.has(c.feature)),
    prescription: { kind: 'hold', sets: 1, holdSec: 60, restSec: 30 },
    envelope,
    ...(position === undefined ? {} : { position }),
  });
  return [
    // Side on, the leg in front is the one the person faces (stance-features.ts): front and back
    // knees tell a front stance from a back stance and a cat stance.
    hold(
      'zenkutsu-dachi',
      'Zenkutsu dachi (front stance)',
      'Long stance, front knee bent over the foot, back leg straight, hips low.',
      [
        {
          feature: 'frontKneeAngleDeg',
          min: KNEE_OVER_TOES_DEG,
          max: 140,
          cueBelow: 'Knee no further than the toes',
          cueAbove: 'Bend the front knee',
        },
        { feature: 'backKneeAngleDeg', min: 160, cue: 'Straighten the back leg' },
        { feature: 'ankleSeparationShanks', min: 1.6, cue: 'Longer stance' },
        FOOT_AHEAD,
      ],
      'side',
      HIPS_LOW('Stay low.'),
    ),
    hold(
      'kokutsu-dachi',
      'Kokutsu dachi (back stance)',
      'Weight on the bent back leg, front leg lightly bent, long stance.',
      [
        {
          feature: 'backKneeAngleDeg',
          min: KNEE_OVER_TOES_DEG,
          max: 140,
          cueBelow: 'Knee no further than the toes',
          cueAbove: 'Sink onto the back leg',
        },
        {
          feature: 'frontKneeAngleDeg',
          min: 140,
          max: 175,
          cueBelow: 'Front leg almost straight',
          cueAbove: 'Soften the front knee',
        },
        { feature: 'ankleSeparationShanks', min: 1.3, cue: 'Longer stance' },
      ],
      'side',
      HIPS_LOW('Stay low.'),
    ),
    hold(
      'neko-dachi',
      'Neko ashi dachi (cat stance)',
      'Short stance, back knee deeply bent, front foot on the ball.',
      [
        {
          feature: 'backKneeAngleDeg',
          min: KNEE_OVER_TOES_DEG,
          max: 145,
          cueBelow: 'Knee no further than the toes',
          cueAbove: 'Sink onto the back leg',
        },
        { feature: 'ankleSeparationShanks', max: 1.2, cue: 'Shorter stance' },
        { feature: 'frontHeelAboveToeShanks', min: 0.05, cue: 'Front heel up, on the ball' },
        FOOT_AHEAD,
        // The back foot bears the weight, flat: its ankle is no higher than the front one, whose
        // heel is up. A foot held up behind (standing on one leg) reads 0.5-0.8 shank above it;
        // the limit is a raised heel's lift (0.25 shank), inside which the model's reading of
        // two grounded feet falls (stance-features.ts).
        {
          feature: 'backAnkleAboveFrontShanks3d',
          max: 0.25,
          cue: 'Back foot flat on the floor',
          whenMeasured: true,
        },
      ],
      'side',
      HIPS_LOW('Stay low.'),
    ),
    hold(
      'kiba-dachi',
      'Kiba dachi (horse stance)',
      'Wide stance, feet parallel, both knees bent and pushed out, back upright.',
      [
        // From the front a wide straight-legged stance already bends the 2-D knee angle to ~145°:
        // judge "low" by hip height instead (standing wide ≈ 1.9 shanks above the ankles).
        { feature: 'hipAboveAnkleShanks', max: 1.6, cue: 'Sink lower' },
        { feature: 'ankleSeparationShanks', min: 1.8, cue: 'Wider stance' },
        { feature: 'torsoLeanDeg', max: 15, cue: 'Back upright' },
        { feature: 'kneeOverAnkleSeparation', min: 0.9, cue: 'Push the knees out' },
      ],
      'front',
      HIPS_LOW('Stay low.'),
    ),
    hold(
      'kake-ashi-dachi',
      'Kake ashi dachi (hooked stance)',
      'Legs crossed, knees bent, weight on the front foot, the back foot hooked behind it on its ball.',
      [
        // Side on, where the knee angles are true (from the front a 2-D knee angle shows how far
        // the legs angle in, not the bend) and the back foot on its ball tells it from its
        // neighbour, feet together with the knees bent (both heels down). The legs crossed tell it
        // from a squat seen side on (knees bent, ankles overlapping in the picture, heels read
        // 0.1-0.17 up with the shins forward): the back foot wraps behind and across the front
        // one, so the left ankle is no longer to the left of the right (feet together: a foot's
        // width, ~0.2 shank; every real clip's 5th percentile 0.14 or more).
        { feature: 'maxKneeAngleDeg', max: 160, cue: 'Bend the knees' },
        { feature: 'ankleSeparationShanks', max: 0.6, cue: 'Hook the feet closer' },
        { feature: 'backHeelAboveToeShanks', min: 0.05, cue: 'Back foot on its ball' },
        {
          feature: 'feetAcrossHipsShanks3d',
          max: 0.1,
          cue: 'Cross the back foot behind',
          whenMeasured: true,
        },
      ],
      'side',
      HIPS_LOW('Stay low.'),
    ),
    // Warrior I: the arms overhead tell it from warrior II (arms out level, wrists ~0.4 torso
    // below the nose) and the upright trunk from warrior III (trunk level). Overhead = wrists above
    // the top of the head: the crown is ~0.1 of stature above the nose, 0.35 torso (Winter).
    hold(
      'warrior-1',
      'Warrior 1',
      'Front knee bent over the ankle, back leg straight, hips square, arms up.',
      [
        {
          feature: 'minKneeAngleDeg',
          min: 80,
          max: 135,
          cueBelow: 'Knee over the ankle, no further',
          cueAbove: 'Bend the front knee',
        },
        { feature: 'maxKneeAngleDeg', min: 155, cue: 'Straighten the back leg' },
        { feature: 'wristsAboveNoseTorsos', min: 0.35, cue: 'Arms up overhead' },
        // Signed: a trunk leaning back (a backbend) is told the opposite of one leaning forward.
        {
          feature: 'trunkLeanForwardDeg',
          min: -25,
          max: 25,
          cueBelow: 'Come upright, no backbend',
          cueAbove: 'Lift the chest',
        },
        FOOT_AHEAD,
      ],
      'side',
      HIPS_LOW('Keep the front knee bent.'),
    ),
    // Straight legs: the hips have no low to keep.
    hold(
      'triangle',
      'Triangle',
      'Legs straight and wide, reach down to the shin, top arm up.',
      [
        { feature: 'minKneeAngleDeg', min: 160, cue: 'Straighten the legs' },
        { feature: 'ankleSeparationShanks', min: 1.8, cue: 'Wider stance' },
        { feature: 'torsoLeanDeg', min: 45, cue: 'Tilt further over the front leg' },
      ],
      'front',
    ),
    hold(
      'downward-dog',
      'Downward dog (one or two legs)',
      'Hands and feet down, hips high, back long, heels towards the floor.',
      [
        // Hips the apex of an inverted V: the back at least 30° off level puts them sin 30° = 0.5
        // torso above the shoulders (a plank or table-top is level, 0).
        { feature: 'hipAboveShouldersTorsos', min: 0.5, cue: 'Hips higher' },
        // Above the floor, the lowest ankle: in a three-legged dog the raised foot is above the hips.
        { feature: 'hipAboveFloorShanks', min: 1.2, cue: 'Hips higher' },
      ],
      'side',
      // The apex held: hips sinking back towards a plank as the arms tire.
      { feature: 'hipAboveFloorShanks', keep: 'high', what: 'Hips', cue: 'Keep the hips high.' },
    ),
  ];
}

export function findExercise(id: string): ExerciseDef {
  const found = EXERCISES.find((e) => e.id === id);
  if (found === undefined) {
    throw new Error(
      `Unknown exercise "${id}". Choose one of: ${EXERCISES.map((e) => e.id).join(', ')}.`,
    );
  }
  return found;
}
