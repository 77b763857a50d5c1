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
 * same at any frame rate.
 */
export class BodyMotion {
  private readonly history: { t: number; points: (BodyPoint | undefined)[] }[] = [];

  constructor(private readonly spanMs = 300) {}

  push(body: Body, timestampMs: number): Motion {
    const shoulders = body.mid('shoulder');
    const hips = body.mid('hip');
    const points = [shoulders, hips, body.mid('knee'), body.mid('wrist')];
    const torso = shoulders && hips ? Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y) : 0;
    this.history.push({ t: timestampMs, points });
    while ((this.history[0]?.t ?? timestampMs) < timestampMs - this.spanMs * 2)
      this.history.shift();
    const then = this.history.find((h) => timestampMs - h.t <= this.spanMs);
    const none = { bodyTorsosPerSec: undefined, handsTorsosPerSec: undefined };
    if (then === undefined || then.t === timestampMs || !(torso > 0)) return none;
    const perSec = 1 / torso / ((timestampMs - then.t) / 1000);
    const moved = points.map((p, i) => {
      const q = then.points[i];
      return p && q ? Math.hypot(p.x - q.x, p.y - q.y) * perSec : undefined;
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
