import type { FaultCode } from '../faults.ts';
import type { RepCheckId } from './check-id.ts';
import type { RepContext } from './rep-context.ts';
import type { Verdict } from './verdict.ts';

/** One form check: its fault code and how it judges a rep (one verdict, or one per phase for tempo). */
export interface RepCheck {
  readonly id: RepCheckId;
  readonly code: FaultCode;
  judge(ctx: RepContext): readonly Verdict[];
}
