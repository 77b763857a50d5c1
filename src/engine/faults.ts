import type { Side } from '../pose/skeleton.ts';

/** Fault codes; the first six are the ones the hand labels of ../shared/data use. */
export const FAULT_CODES = [
  'knee-valgus',
  'heel-lift',
  'shallow-depth',
  'forward-lean',
  'knees-over-toes',
  'head-bob',
  'tempo',
  'low-height',
  'heels-down',
  'toes-down',
  'arm-swing',
  'partial-reps',
  'foot-down',
  'hold-drift',
] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

/** `warn`: a form fault worth correcting. `info`: coaching (off the prescribed tempo, a note). */
export type Severity = 'info' | 'warn';

export interface Fault {
  readonly code: FaultCode;
  readonly severity: Severity;
  readonly side?: Side | 'both';
  /** The rep (or step) it belongs to (1-based), when it belongs to one. */
  readonly rep?: number;
  readonly atSec: number;
  readonly value: number;
  /** The limit the value was held to, in the same unit. */
  readonly threshold?: number;
  /** 0-1, from the keypoint scores and the distance to the threshold. */
  readonly confidence?: number;
  readonly unit: string;
  /** What to fix and the numbers, shown on the screen and in the report. */
  readonly message: string;
  /**
   * The few words said aloud, when shorter than the message ("Chest up."): a cue a person hears
   * between two reps, before the next count cuts in. The message is said when there is none.
   */
  readonly cue?: string;
}
