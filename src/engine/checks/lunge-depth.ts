import type { Side } from '../../pose/skeleton.ts';
import type { AnalyzedFrame } from '../front-end.ts';
import { lowestSustained } from './depth.ts';
import {
  kneeAngle3dDeg,
  shinInclinationFromDropDeg,
  thighElevationFromDropDeg,
} from './measures.ts';
import type { RepCheck } from './rep-check.ts';
import type { RepContext } from './rep-context.ts';
import { heldToLimit } from './held-to-limit.ts';
import { LIMITS } from './thresholds.ts';
import { cannotJudge, fault, pass } from './verdict.ts';

/**
 * The front knee's internal angle in one frame, as this rep's view allows: in the image side on
 * (exact in that plane); elsewhere from the vertical drops of thigh and shin against their standing
 * lengths, 90° + thigh elevation − shin inclination (both segments in the leg's own vertical
 * plane, the shin forward of vertical); from the 3-D landmarks when no standing was seen.
 */
function kneeAngleMeasure(
  ctx: RepContext,
): ((f: AnalyzedFrame, side: Side) => number | undefined) | undefined {
  // Side on, the image angle every frame's features already carry.
  if (ctx.view === 'side') return (f, s) => f.features.kneeAngleDeg[s];
  const standing = ctx.standing;
  if (standing !== undefined)
    return (f, s) => {
      const thigh = standing.thigh[s];
      const shank = standing.shank[s];
      if (thigh === undefined || shank === undefined) return undefined;
      const e = thighElevationFromDropDeg(f.body, s, thigh);
      const i = shinInclinationFromDropDeg(f.body, s, shank);
      return e === undefined || i === undefined ? undefined : 90 + e - i;
    };
  if (ctx.frames.some((f) => f.body.world('left_knee') !== undefined))
    return (f, s) => kneeAngle3dDeg(f.body, s);
  return undefined;
}

/**
 * The front leg in one frame, from any view: its shin stays near vertical, so its knee stands
 * higher above its own ankle than the back knee, which drops towards the floor behind a raised
 * back heel. Chosen frame by frame from where the legs are, not once by name: the model swaps the
 * legs' names in some frames, and a back knee read as the front one in them moved a clean rep's
 * depth from 79° to 109° (a fault) with one frame in 13 swapped.
 */
function frontSide(f: AnalyzedFrame): Side | undefined {
  const rise = (s: Side) => {
    const k = f.body.joint(s, 'knee');
    const a = f.body.joint(s, 'ankle');
    return k && a ? a.y - k.y : undefined;
  };
  const [l, r] = [rise('left'), rise('right')];
  if (l === undefined) return r === undefined ? undefined : 'right';
  return r === undefined || l >= r ? 'left' : 'right';
}

/** The front knee's smallest sustained angle over the rep (deg). */
export function frontKneeAngleAtBottom(ctx: RepContext): number | undefined {
  const measure = kneeAngleMeasure(ctx);
  if (measure === undefined) return undefined;
  // The front knee is the one the movement is defined by; away from the side view it is also the
  // only one whose angle follows from the drops (the back shin slopes the other way).
  const front = (f: AnalyzedFrame) => {
    const side = frontSide(f);
    return side === undefined ? undefined : measure(f, side);
  };
  return lowestSustained(ctx.frames, front, ['left']);
}

/**
 * Lunge depth: the front knee bent to about 90° at the bottom, as forward-lunge studies define
 * the movement. Not the squat's level thigh: the front shin leans forward in a lunge, and at 90°
 * of knee bend the thigh stays above level by exactly that lean.
 */
export const lungeDepthCheck: RepCheck = {
  id: 'lunge-depth',
  code: 'shallow-depth',
  // Side on the knee's angle in the picture; elsewhere from the thigh's and shin's drops.
  view: { best: 'side', only: false },
  judge(ctx) {
    const deg = frontKneeAngleAtBottom(ctx);
    if (deg === undefined)
      return [
        cannotJudge(
          'lunge-depth',
          'Lunge depth needs the hips, knees and ankles seen while standing and at the bottom: step back into view.',
        ),
      ];
    const { measured, past } = heldToLimit(ctx, deg, LIMITS.lungeKneeAngleDeg, {
      unit: 'deg',
      decimals: 0,
      joints: ['hip', 'knee', 'ankle'],
    });
    if (!past)
      return [pass('lunge-depth', 'deg', `Front knee bent to ${measured.value}°.`, measured)];
    return [
      fault(
        'lunge-depth',
        `Go deeper: the front knee stopped at ${measured.value}°; lower until it is bent to about 90°.`,
        measured,
        { cue: 'Go deeper.' },
      ),
    ];
  },
};
