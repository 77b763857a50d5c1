import type { CircleDirection } from './circle-counter.ts';
import type { Fault } from './faults.ts';
import type { PartialReason } from './rep-events.ts';
import type { HoldReport, RepReport } from './report.ts';
import type { GateIssue } from './setup-gate.ts';

/** What the engine tells the shell as it happens (the app speaks, saves and draws from these). */
export type EngineEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'setup'; readonly issue: GateIssue }
  | { readonly type: 'rep'; readonly rep: RepReport }
  | { readonly type: 'partial'; readonly atSec: number; readonly reason: PartialReason }
  | { readonly type: 'hold-start'; readonly atSec: number }
  | { readonly type: 'hold-end'; readonly hold: HoldReport }
  | { readonly type: 'circle'; readonly direction: CircleDirection; readonly count: number }
  | { readonly type: 'step'; readonly count: number }
  | { readonly type: 'fault'; readonly fault: Fault };
