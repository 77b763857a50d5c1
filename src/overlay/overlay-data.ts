import type { LiveState } from '../engine/analyzer.ts';
import type { FlowView } from '../engine/workout-flow.ts';
import type { KeypointName, Pose } from '../pose/skeleton.ts';

/** Everything the overlay draws for one frame: plain data, so tests can assert on it. */
export interface OverlayData {
  readonly pose: Pose | null;
  /** Draw the skeleton mirrored, to sit on a mirrored preview (a selfie view). */
  readonly mirrored: boolean;
  readonly live: LiveState;
  readonly flow: FlowView;
  readonly exerciseName: string;
  readonly kind: 'reps' | 'hold' | 'circles' | 'walk';
  readonly target: { readonly reps?: number; readonly holdSec?: number };
  /** The angle that matters for this exercise, and where to draw it. */
  readonly angle:
    { readonly label: string; readonly deg: number; readonly at: KeypointName } | undefined;
  readonly cue: string | undefined;
  readonly awayWord: 'down' | 'up';
  /** Prescribed seconds for the current phase, for the tempo bar. */
  readonly phaseTargetSec: number | undefined;
  readonly phaseSec: number;
}
