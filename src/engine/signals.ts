import type { Side } from '../pose/skeleton.ts';
import type { FrameFeatures } from './features.ts';

/** The scalar a rep counter follows: ~0 in the start position, growing away from it. */
export const SIGNAL_IDS = ['hip-drop', 'heel-rise', 'toe-rise'] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

/**
 * The counted signal, per side (the side fuser combines them):
 * - hip-drop: minus the hip-above-knee gap in shank lengths. Works from the front and the side
 *   (a 2-D knee angle does not: ENGINE-NOTES.md); standing ≈ -1, thighs level = 0. With
 *   `restShank` the gap is measured against the shank seen in the start position (rest-ruler.ts)
 *   instead of each frame's own: the second of the counter's two rulers (rep-counter.md).
 * - heel-rise: ankle and heel height above the toe, in shank lengths. The toe stays on the floor,
 *   so camera drift cancels out; averaging two points halves the noise.
 * - toe-rise: toe height above the heel, in shank lengths (tibialis lift: heels stay down).
 */
export function signalBySide(
  id: SignalId,
  f: FrameFeatures,
  restShank?: number,
): Readonly<Record<Side, number | undefined>> {
  switch (id) {
    case 'hip-drop': {
      const g = f.hipKneeGapShanksBySide;
      const scale =
        restShank === undefined || f.shankLength === undefined ? 1 : f.shankLength / restShank;
      return {
        left: g.left === undefined ? undefined : -g.left * scale,
        right: g.right === undefined ? undefined : -g.right * scale,
      };
    }
    case 'heel-rise':
      return f.heelRiseShanksBySide;
    case 'toe-rise':
      return f.toeRiseShanksBySide;
  }
}
