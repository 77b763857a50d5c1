/**
 * One Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cut-off rises with
 * speed, so a still pose is steady and a fast rep is not lagged. Chosen over a fixed moving
 * average because reps mix still holds (1 s at the top) with fast rises, and the counter's
 * hysteresis needs both low jitter and little lag. Timestamps in milliseconds.
 */
export interface OneEuroParams {
  /** Cut-off at rest, Hz. Lower = steadier when still. */
  readonly minCutoffHz: number;
  /** How fast the cut-off rises with speed (per unit of signal per second). */
  readonly beta: number;
  /** Cut-off for the derivative, Hz. */
  readonly derivativeCutoffHz: number;
}

export interface OneEuroState {
  readonly value: number;
  readonly derivative: number;
  readonly timestampMs: number;
}

function smoothingFactor(cutoffHz: number, dtSec: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSec);
}

/** One filter step. A first sample, or one after a gap of over `resetAfterMs`, starts afresh. */
export function oneEuroStep(
  state: OneEuroState | undefined,
  value: number,
  timestampMs: number,
  params: OneEuroParams,
  resetAfterMs = 500,
): OneEuroState {
  if (
    state === undefined ||
    !(timestampMs > state.timestampMs) ||
    timestampMs - state.timestampMs > resetAfterMs
  ) {
    return { value, derivative: 0, timestampMs };
  }
  const dtSec = (timestampMs - state.timestampMs) / 1000;
  const rawDerivative = (value - state.value) / dtSec;
  const aD = smoothingFactor(params.derivativeCutoffHz, dtSec);
  const derivative = state.derivative + aD * (rawDerivative - state.derivative);
  const cutoff = params.minCutoffHz + params.beta * Math.abs(derivative);
  const a = smoothingFactor(cutoff, dtSec);
  return { value: state.value + a * (value - state.value), derivative, timestampMs };
}
