import type { Side } from '../pose/skeleton.ts';
import type { Body } from './body.ts';

/**
 * A foot is off the floor when its lowest point, heel or toe, stands more than this above the
 * other foot's lowest point (metres, BlazePose's 3-D landmarks). A foot on the floor touches it
 * with its heel (flat, or a tibialis lift), its ball (a calf raise) or both, so the lower of heel
 * and toe is at floor height whatever the ankle does. Two feet on the floor read 0.2-2.2 cm apart
 * (median per clip, every two-footed calf-raise clip here; 3.8 cm at the 99th percentile of single
 * frames); a foot held up in a single-leg calf raise 14-28 cm, a foot circling in the air at least
 * its circle's reach. For feet side by side only: feet a stride apart front to back (split squats)
 * read 19-21 cm apart (median per clip) with both on the floor.
 */
export const FOOT_OFF_FLOOR_M = 0.05;

/**
 * How far the higher foot's lowest point is above the other foot's (m), from the 3-D landmarks as
 * the model inferred them (a foot behind the other side on is placed too); undefined without them.
 */
export function footLiftM(body: Body): number | undefined {
  const left = lowestPointYM(body, 'left');
  const right = lowestPointYM(body, 'right');
  return left === undefined || right === undefined ? undefined : Math.abs(left - right);
}

/** The foot read off the floor in this frame, if one is; undefined with both down or without 3-D. */
export function footOffTheFloor(body: Body): Side | undefined {
  const left = lowestPointYM(body, 'left');
  const right = lowestPointYM(body, 'right');
  if (left === undefined || right === undefined) return undefined;
  // World y points down: the foot whose lowest point has the smaller y is the higher one.
  if (right - left > FOOT_OFF_FLOOR_M) return 'left';
  if (left - right > FOOT_OFF_FLOOR_M) return 'right';
  return undefined;
}

/** The lower of the heel and the toe (the larger world y), or undefined. */
function lowestPointYM(body: Body, side: Side): number | undefined {
  const ys = (['heel', 'toe'] as const)
    .map((p) => body.worldInferred(`${side}_${p}`)?.yM)
    .filter((y): y is number => y !== undefined);
  return ys.length === 0 ? undefined : Math.max(...ys);
}

/**
 * A foot is held off the floor once one has been read off it in every frame for this long (ms), and
 * put down once read on it in every frame for as long. A single-leg calf raise holds the other foot
 * up through the set; one frame read off the floor is a misread (on the real legs-only calf-raise
 * clip, single frames read a foot 5.3 and 7.1 cm up), and so is one frame read on it while the
 * foot is held: the single-leg clip, mirrored, reads the raised foot down in one frame of its turn
 * from 3/4 to side on, and the hold had ended there, both feet were averaged for the quarter second
 * it took to be found again, and the heel signal rose 0.13 shank with no raise.
 */
export const HELD_UP_MS = 250;

/**
 * Follows whether a foot is held off the floor, frame by frame, and which one it is in this frame.
 * The hold is the person's, not the name's: a frame in which the model names the legs the other way
 * round does not end it, nor does a frame that reads it down; one read down gives the foot last
 * read held up.
 */
export class HeldUpFoot {
  /** Since when a foot has been read off the floor in every frame (ms). */
  private upSinceMs: number | undefined;
  /** Holding: since when both feet have been read down in every frame (ms), if they have. */
  private downSinceMs: number | undefined;
  /** The foot held up, as last read (its name may change from frame to frame). */
  private held: Side | undefined;

  /** This frame's reading (`footOffTheFloor`); the foot held up, if one is. */
  push(reading: Side | undefined, timestampMs: number): Side | undefined {
    if (reading === undefined) {
      this.upSinceMs = undefined;
      if (this.held === undefined) return undefined;
      this.downSinceMs ??= timestampMs;
      if (timestampMs - this.downSinceMs >= HELD_UP_MS) this.held = undefined;
      return this.held;
    }
    this.downSinceMs = undefined;
    this.upSinceMs ??= timestampMs;
    if (this.held !== undefined || timestampMs - this.upSinceMs >= HELD_UP_MS) this.held = reading;
    return this.held;
  }

  reset(): void {
    this.upSinceMs = undefined;
    this.downSinceMs = undefined;
    this.held = undefined;
  }
}

/**
 * The per-side values with the foot held off the floor left out: it is not standing, and the foot
 * that is stands for both sides. Left out as a missing side, the standing foot was shifted by the
 * sides' usual offset (side-fuser.ts), an offset between two standing feet, often learnt from the
 * frames before the held-up foot was found (then the standing heel against a swinging one): when
 * the model named the legs the other way round for a frame, the standing foot's reading changed
 * side and the signal jumped by that whole offset. In the single-leg calf-raise clip, mirrored and
 * analysed as a slow laptop does live, such a jump came with the turn from 3/4 to side on, the
 * turn's wait for stillness took the next raise's top for the new rest level, and the raise was
 * lost (5 of 20 draws).
 */
export function onTheFloor<T>(
  bySide: Readonly<Record<Side, T | undefined>>,
  heldUp: Side | undefined,
): Readonly<Record<Side, T | undefined>> {
  if (heldUp === undefined) return bySide;
  const standing = heldUp === 'left' ? bySide.right : bySide.left;
  return { left: standing, right: standing };
}
