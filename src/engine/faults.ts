import type { Side } from '../pose/skeleton.ts';

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
  'out-of-envelope',
  'view',
] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

/** `warn`: a form fault worth correcting. `info`: coaching (off the prescribed tempo, or a check that could not run). */
export type Severity = 'info' | 'warn';

export interface Fault {
  readonly code: FaultCode;
  readonly severity: Severity;
  readonly side?: Side | 'both';
  /** The rep it belongs to (1-based), when it belongs to one. */
  readonly rep?: number;
  readonly atSec: number;
  readonly value: number;
  readonly unit: string;
  readonly message: string;
}
