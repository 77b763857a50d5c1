import { meanDefined } from '../geometry/stats.ts';
import type { Body, BodyPoint } from './body.ts';

/** How fast the trunk and legs and the hands are moving, in torso lengths per second. */
export interface Motion {
  /** Mean over the shoulders, hips and knees (midpoints). */
  readonly bodyTorsosPerSec: number | undefined;
  /** The hands (wrists' midpoint). */
  readonly handsTorsosPerSec: number | undefined;
}

/**
 * How fast the body is moving over the last `spanMs`: holding a pose sways a few centimetres a
 * second; getting into it (hips lifting, arms rising) moves several times that. Time-based, so the
 * same at any frame rate. Measured against the feet (their toes, else their ankles), which every
 * hold keeps planted: a camera that moves (held in the hand, nudged) moves the feet with the rest,
 * so it is not the person moving. In the image alone, a hand-held sway of 4 % of the frame over ~3 s
 * read as moving and timed none of the labelled holds.
 */
export class BodyMotion {
  private readonly history: Sighting[] = [];

  constructor(private readonly spanMs = 300) {}

  push(body: Body, timestampMs: number): Motion {
    const shoulders = body.mid('shoulder');
    const hips = body.mid('hip');
    const now: Sighting = {
      t: timestampMs,
      points: [shoulders, hips, body.mid('knee'), body.mid('wrist')],
      ankles: [body.joint('left', 'ankle'), body.joint('right', 'ankle')],
      toes: [body.joint('left', 'toe'), body.joint('right', 'toe')],
    };
    const torso = shoulders && hips ? Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y) : 0;
    this.history.push(now);
    while ((this.history[0]?.t ?? timestampMs) < timestampMs - this.spanMs * 2)
      this.history.shift();
    const then = this.history.find((h) => timestampMs - h.t <= this.spanMs);
    const none = { bodyTorsosPerSec: undefined, handsTorsosPerSec: undefined };
    if (then === undefined || then.t === timestampMs || !(torso > 0)) return none;
    const perSec = 1 / torso / ((timestampMs - then.t) / 1000);
    const feetMoved = feetShift(then, now);
    const moved = now.points.map((p, i) => {
      const q = then.points[i];
      return p && q
        ? Math.hypot(p.x - q.x - feetMoved.x, p.y - q.y - feetMoved.y) * perSec
        : undefined;
    });
    const trunkAndLegs = moved.slice(0, 3).filter((v): v is number => v !== undefined);
    return {
      bodyTorsosPerSec:
        trunkAndLegs.length === 0
          ? undefined
          : trunkAndLegs.reduce((a, b) => a + b) / trunkAndLegs.length,
      handsTorsosPerSec: moved[3],
    };
  }

  reset(): void {
    this.history.length = 0;
  }
}

interface Sighting {
  readonly t: number;
  /** Shoulders, hips, knees and wrists (midpoints). */
  readonly points: readonly (BodyPoint | undefined)[];
  /** Left and right ankle. */
  readonly ankles: readonly [BodyPoint | undefined, BodyPoint | undefined];
  /** Left and right toe (BlazePose only). */
  readonly toes: readonly [BodyPoint | undefined, BodyPoint | undefined];
}

/**
 * How far the feet moved in the image between two sightings: the mean shift of the toes seen in
 * both, or of the ankles where no toe is (the same points, so one coming into view is not a
 * shift); none if neither. The toes first: they stay on the floor when the heels rise (leaving a
 * downward dog starts that way), the ankles rise with the heels.
 */
function feetShift(then: Sighting, now: Sighting): { x: number; y: number } {
  return meanShift(then.toes, now.toes) ?? meanShift(then.ankles, now.ankles) ?? { x: 0, y: 0 };
}

function meanShift(
  then: readonly (BodyPoint | undefined)[],
  now: readonly (BodyPoint | undefined)[],
): { x: number; y: number } | undefined {
  const shifts = now.map((a, i) => {
    const b = then[i];
    return a && b ? { x: a.x - b.x, y: a.y - b.y } : undefined;
  });
  const x = meanDefined(shifts.map((d) => d?.x));
  const y = meanDefined(shifts.map((d) => d?.y));
  return x === undefined || y === undefined ? undefined : { x, y };
}
