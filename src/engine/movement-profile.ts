/**
 * How a smooth movement spends its time along its way, to time a whole movement from the part of
 * it the counter's levels can see (rep-counter.md, "Phases: whole movements").
 *
 * A person moving from one still position to another speeds up from rest and slows down into the
 * next: the velocity is a bell, zero at both ends (Flash & Hogan 1985, J Neurosci 5:1688: minimum
 * jerk; Morasso 1981). The model here is the half cosine, position (1 − cos πτ) / 2 over the
 * movement's time τ ∈ [0, 1], whose velocity is a half sine: between moving evenly (no slow ends)
 * and minimum jerk (slower ends), and what the rendered clips' calf raises are posed with.
 * Measured on the real calf raises' heel signals (the fitbod, wall and home clips, 25 lowerings),
 * the lowering's whole time from the velocity (leaving and reaching 10-20 % of its peak, signal
 * smoothed over 50-100 ms) is 2.4-6 times the time between 15 % and 60 % of the way, median 3.1-3.7;
 * the half cosine gives 3.2, moving evenly 2.2, minimum jerk 3.8.
 */

/** The share of a smooth movement's time gone when `travelled` (0-1) of its way is. */
export function timeShareAt(travelled: number): number {
  const u = Math.min(1, Math.max(0, travelled));
  return Math.acos(1 - 2 * u) / Math.PI;
}

/**
 * A whole smooth movement's time from the time it took from `from` to `to` (shares of its way,
 * `from` < `to`).
 */
export function wholeMovementSec(partSec: number, from: number, to: number): number {
  const share = timeShareAt(to) - timeShareAt(from);
  return share > 0 ? partSec / share : partSec;
}
