/**
 * Counts walking steps from the side: the signed fore-aft distance between the ankles changes
 * sign each time one foot passes the other. Hysteresis (`switchAt`, shank lengths) keeps a
 * standing person's jitter from counting.
 */
export class StepCounter {
  private leading: -1 | 1 | undefined;
  private steps = 0;

  constructor(private readonly switchAt = 0.25) {}

  get count(): number {
    return this.steps;
  }

  /** `separation`: left ankle x minus right ankle x, in shank lengths. Returns true on a new step. */
  push(separation: number | undefined): boolean {
    if (separation === undefined || !Number.isFinite(separation)) return false;
    const side = separation > this.switchAt ? 1 : separation < -this.switchAt ? -1 : undefined;
    if (side === undefined || side === this.leading) return false;
    const first = this.leading === undefined;
    this.leading = side;
    if (first) return false;
    this.steps += 1;
    return true;
  }
}
