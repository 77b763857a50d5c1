import { angleAtDeg } from '../geometry/point.ts';
import type { Side } from '../pose/skeleton.ts';
import type { Body } from './body.ts';

/**
 * Features that tell held poses apart (warrior I from II and III, one karate stance from the next):
 * which leg is in front, the arms, where the person faces. Part of every frame's features.
 */
export interface StanceFeatures {
  /** Knee angle of the leg in front (the way the nose points, side on), deg. */
  readonly frontKneeAngleDeg: number | undefined;
  /** Knee angle of the leg behind, deg. */
  readonly backKneeAngleDeg: number | undefined;
  /**
   * The lower wrist's height above the nose (of those seen), over torso length: > 0 with the arms
   * overhead (warrior I), about -0.3 to -1 with the arms out level (warrior II) or down.
   */
  readonly wristsAboveNoseTorsos: number | undefined;
  /** Front heel above its toe over shank length: > 0 on the ball of the front foot (cat stance). */
  readonly frontHeelAboveToeShanks: number | undefined;
  /** Back heel above its toe over shank length: > 0 on the ball of the back foot (hooked stance). */
  readonly backHeelAboveToeShanks: number | undefined;
}

/** A foot's heel above its toe over its shank length (> 0: on the ball of the foot). */
function heelAboveToe(body: Body, side: Side | undefined): number | undefined {
  if (side === undefined) return undefined;
  const h = body.joint(side, 'heel');
  const t = body.joint(side, 'toe');
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  const shank = k && a ? Math.hypot(k.x - a.x, k.y - a.y) : undefined;
  return h && t && shank !== undefined && shank > 0 ? (t.y - h.y) / shank : undefined;
}

/**
 * +1 when the person faces image-right, -1 image-left, undefined when facing the camera (nose
 * between the ears) or not seen. Side on, the nose sits ahead of the ears.
 */
export function facingSign(body: Body): 1 | -1 | undefined {
  const nose = body.point('nose');
  const ears = body.mid('ear');
  const shoulders = body.mid('shoulder');
  const hips = body.mid('hip');
  if (!nose || !ears || !shoulders || !hips) return undefined;
  const torso = Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y);
  const ahead = nose.x - ears.x;
  // Less than a tenth of a torso sideways: the face is towards the camera.
  if (!(torso > 0) || Math.abs(ahead) < 0.1 * torso) return undefined;
  return ahead > 0 ? 1 : -1;
}

function kneeAngle(body: Body, side: Side): number | undefined {
  const h = body.joint(side, 'hip');
  const k = body.joint(side, 'knee');
  const a = body.joint(side, 'ankle');
  return h && k && a ? angleAtDeg(h, k, a) : undefined;
}

export function stanceFeatures(body: Body, torso: number | undefined): StanceFeatures {
  const facing = facingSign(body);
  const la = body.joint('left', 'ankle');
  const ra = body.joint('right', 'ankle');
  const front: Side | undefined =
    facing === undefined || !la || !ra ? undefined : (la.x - ra.x) * facing > 0 ? 'left' : 'right';
  const back: Side | undefined =
    front === undefined ? undefined : front === 'left' ? 'right' : 'left';
  const nose = body.point('nose');
  // Side on the far wrist often hides behind the head: the wrists seen are what counts.
  const wristYs = [body.joint('left', 'wrist'), body.joint('right', 'wrist')].flatMap((w) =>
    w === undefined ? [] : [w.y],
  );
  const lowest = wristYs.length === 0 ? undefined : Math.max(...wristYs);
  return {
    frontKneeAngleDeg: front === undefined ? undefined : kneeAngle(body, front),
    backKneeAngleDeg: back === undefined ? undefined : kneeAngle(body, back),
    wristsAboveNoseTorsos:
      nose && lowest !== undefined && torso !== undefined && torso > 0
        ? (nose.y - lowest) / torso
        : undefined,
    frontHeelAboveToeShanks: heelAboveToe(body, front),
    backHeelAboveToeShanks: heelAboveToe(body, back),
  };
}
