import type { Side } from '../pose/skeleton.ts';
import type { FrameFeatures } from './features.ts';
import { onTheFloor } from './foot-off-floor.ts';

/** The scalar a rep counter follows: ~0 in the start position, growing away from it. */
export const SIGNAL_IDS = ['hip-drop', 'hip-height', 'heel-rise', 'toe-rise'] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

/**
 * The signals that follow the hips down and up, in shank lengths. They are counted on two rulers
 * (rep-counter.md, "Two rulers") and their reps are judged for depth.
 */
export function followsTheHips(id: SignalId): id is 'hip-drop' | 'hip-height' {
  return id === 'hip-drop' || id === 'hip-height';
}

/**
 * The shank length (picture units) a signal is measured in: the hips' height above the floor in the
 * longer shank (a split stance's back shin, seen end on from the front, is found in some frames
 * only and reads short), every other signal in the mean of the two.
 */
export function rulerShank(id: SignalId, f: FrameFeatures): number | undefined {
  return id === 'hip-height' ? f.longerShankLength : f.shankLength;
}

/**
 * The counted signal, per side (the side fuser combines them):
 * - hip-drop: minus the hip-above-knee gap in shank lengths. Works from the front and the side
 *   (a 2-D knee angle does not: ENGINE-NOTES.md); standing ≈ -1, thighs level = 0.
 * - hip-height: minus the hips' height above the lowest ankle seen (the floor), in shank
 *   lengths; standing ≈ -2, front thigh level ≈ -1. For split stances (lunges, split squats):
 *   the hip-above-knee gap falls on the front leg only (the back knee sinks with the hips, so its
 *   gap stays about a thigh long), and side on, where one leg is often hidden and the model may
 *   swap which leg it calls left, a per-knee gap jumps between the legs mid-rep. The floor is
 *   the same under both legs and needs no leg's name.
 * With `restShank` both hip signals are measured against the shank seen in the start position
 * (rest-ruler.ts) instead of each frame's own: the second of the counter's two rulers.
 * - heel-rise: ankle and heel height above the toe, in shank lengths. The toe stays on the floor,
 *   so camera drift cancels out; averaging two points halves the noise.
 * - toe-rise: toe height above the heel, in shank lengths (tibialis lift: heels stay down).
 * For both, a foot held off the floor (`footHeldUp`, foot-off-floor.ts: a single-leg raise) is left
 * out: it is not standing, and its heel and toe swing with no raise.
 */
export function signalBySide(
  id: SignalId,
  f: FrameFeatures,
  restShank?: number,
  footHeldUp?: Side,
): Readonly<Record<Side, number | undefined>> {
  switch (id) {
    case 'hip-drop':
    case 'hip-height': {
      const shank = rulerShank(id, f);
      const scale = restShank === undefined || shank === undefined ? 1 : shank / restShank;
      const drop = (gap: number | undefined) => (gap === undefined ? undefined : -gap * scale);
      if (id === 'hip-drop') {
        const g = f.hipKneeGapShanksBySide;
        return { left: drop(g.left), right: drop(g.right) };
      }
      // Not a per-leg measure: the same value on both sides.
      const h = drop(f.hipAboveFloorShanks);
      return { left: h, right: h };
    }
    case 'heel-rise':
      return onTheFloor(f.heelRiseShanksBySide, footHeldUp);
    case 'toe-rise':
      return onTheFloor(f.toeRiseShanksBySide, footHeldUp);
  }
}

/**
 * How far the two legs' readings of a signal may part beyond their usual offset before one is taken
 * as misread (side-fuser.ts), shank lengths; undefined where the legs may move apart.
 * - hip-drop (squats): both legs bend alike, so their hip-above-knee gaps fall together; half a
 *   standing gap apart (a thigh is about a shank long) would be one leg half-way down while the
 *   other stands. Over every frame of the labelled squat clips with both knees seen, as filmed and
 *   mirrored (14,055), the gaps part by 0.02 shank (median), 0.08 (90th percentile) and 0.26 (99th)
 *   beyond their usual offset, and past 0.5 in 12 frames: a far knee read above the hips side on,
 *   legs the plates hide (`test/engine/side-fuser.test.ts`).
 * - hip-height reads the same on both sides; the heel and toe rises may part (one foot held up).
 */
export function sideDisagreementLimit(id: SignalId): number | undefined {
  return id === 'hip-drop' ? 0.5 : undefined;
}

/**
 * The signals read on the feet standing, which leave out a foot held up (foot-off-floor.ts,
 * `onTheFloor`): the heel rise and the toe rise. The hips' signals do not read the feet at all.
 */
export const readsTheStandingFeet = (id: SignalId): boolean =>
  id === 'heel-rise' || id === 'toe-rise';

/**
 * The signals whose level is read by the view: the heels' height over the toes (the toes' over the
 * heels) and the body's over the toes read differently from the front and side on (the single-leg
 * calf-raise clip's heel signal read 0.3 shank higher at 3/4 than side on); the hips' drop is in
 * shank lengths, read alike from any side.
 */
export const readsByTheView = (id: SignalId): boolean => id === 'heel-rise' || id === 'toe-rise';

/**
 * The exercises counted twice, each rep by two counters on two signals (a rep either sees is a
 * rep, counted once; rep-counter.md):
 * - the hip signals, again against the shank seen in the start position ("Two rulers");
 * - the heel rise, again with the body's rise added ("A calf raise lifts the whole body").
 */
export function hasSecondSignal(id: SignalId): boolean {
  return followsTheHips(id) || id === 'heel-rise';
}

/**
 * The second counter's signal, per side: the hip signals over `restShank` (undefined until it is
 * known); the heel rise plus how far the hips and shoulders stand above the toes (the same on both
 * sides), which a calf raise lifts with the heels and BlazePose reads 1.1 to 5 times as large as
 * its heel point's rise (rep-counter.md).
 */
export function secondSignalBySide(
  id: SignalId,
  f: FrameFeatures,
  restShank: number | undefined,
  footHeldUp?: Side,
): Readonly<Record<Side, number | undefined>> | undefined {
  if (followsTheHips(id))
    return restShank === undefined ? undefined : signalBySide(id, f, restShank);
  if (id !== 'heel-rise') return undefined;
  const body = f.bodyAboveToeShanks;
  const plus = (heel: number | undefined) =>
    heel === undefined || body === undefined ? undefined : heel + body;
  const heel = signalBySide('heel-rise', f, undefined, footHeldUp);
  return { left: plus(heel.left), right: plus(heel.right) };
}

/** A still heel's jitter in the heel-rise signal, shank lengths (catalog.ts, the heel rise). */
const STILL_HEEL_JITTER_SHANKS = 0.02;

/**
 * Whether a lift the second counter counted is one, given the first signal at its start and at its
 * peak. A calf raise's second signal follows the body too, and the body also comes back up from
 * lower down (out of a squat or a knee bend) with the heels going down, not up: analysed as calf
 * raises, the 12 squats of `squat_front_home_airsquats` counted 10 such "raises". The lift counts
 * only if the heel signal rose with it by more than a still heel's jitter (0.04-0.14 shank on the
 * labelled raises it counts). The hip signals' second ruler measures the same movement: always.
 */
export function secondLiftCounts(
  id: SignalId,
  firstAtStart: number | undefined,
  firstAtPeak: number | undefined,
): boolean {
  if (id !== 'heel-rise') return true;
  return (
    firstAtStart !== undefined &&
    firstAtPeak !== undefined &&
    firstAtPeak - firstAtStart > STILL_HEEL_JITTER_SHANKS
  );
}
