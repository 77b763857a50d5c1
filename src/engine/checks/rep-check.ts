import type { CameraView, ExerciseDef } from '../exercise-def.ts';
import type { FaultCode } from '../faults.ts';
import type { RepCheckId } from './check-id.ts';
import type { RepContext } from './rep-context.ts';
import type { Verdict } from './verdict.ts';

/**
 * The camera view a check is measured exactly from (`best`), and whether it can be judged from
 * that view only (`only`: knee valgus needs the two knees side by side, from the front; heel lift
 * needs the foot's length in the picture, side on or at 3/4). form-checks.md, the table of views.
 */
export interface CheckView {
  readonly best: CameraView;
  readonly only: boolean;
}

/** One form check: its fault code and how it judges a rep (one verdict, or one per phase for tempo). */
export interface RepCheck {
  readonly id: RepCheckId;
  readonly code: FaultCode;
  readonly view: CheckView;
  /**
   * Whether the check can judge this exercise from any view (absent: it can). Knee valgus cannot in
   * a split stance: a form check then asks for no view for it.
   */
  readonly measures?: (exercise: ExerciseDef) => boolean;
  judge(ctx: RepContext): readonly Verdict[];
}
