import type { ExerciseDef } from './exercise-def.ts';
import type { RepReport } from './report.ts';

/**
 * Someone else in view. The detector follows one person, the most visible, and one who walks in
 * front of the camera is followed instead (README, known limits): what was counted from then on
 * may be theirs. No signal tells the switch apart, so the count is not corrected; the set is told
 * so, and keeps a note saying from when.
 */

/**
 * People in view are counted at most this often, of the camera's time or a video's (a second
 * model, MoveNet MultiPose: ~77 ms a count on a 2-core CPU). A crossing quicker than this can go
 * unseen.
 */
export const PEOPLE_COUNT_EVERY_MS = 2000;

/**
 * When to count the people in a recording: on its first frame at or after each multiple of
 * `everyMs` of the recording's own clock, so a video tracked in stretches (one per worker) is
 * counted on the same frames as when tracked whole.
 */
export class PeopleCountSchedule {
  private nextMs: number;

  constructor(
    fromMs = 0,
    private readonly everyMs = PEOPLE_COUNT_EVERY_MS,
  ) {
    this.nextMs = Math.max(0, Math.ceil(fromMs / everyMs) * everyMs);
  }

  /** Whether to count on the frame at `ms` (frames in order). */
  due(ms: number): boolean {
    if (ms < this.nextMs) return false;
    this.nextMs = (Math.floor(ms / this.everyMs) + 1) * this.everyMs;
    return true;
  }
}

/** Said once a set when someone else comes into view during it. */
export const OTHERS_IN_VIEW_CUE =
  'Someone else is in view. Ask them to step out, or I may count their moves.';

/** The note kept on a set during which someone else came into view, saying from when. */
export function othersInViewNote(kind: ExerciseDef['kind'], repsSoFar: number): string {
  const when =
    kind !== 'reps'
      ? 'during this set'
      : repsSoFar === 0
        ? 'before the first rep'
        : `after rep ${repsSoFar}`;
  return `Someone else came into view ${when}: I follow the most visible person, so what was counted from then on may be theirs.`;
}

/**
 * The note of a whole recording (a video or a pose track, one set from start to end), from the
 * people counted on its frames: the first frame with more than one, and the reps over by then.
 */
export function othersInViewOfRecording(
  frames: readonly { readonly timestampMs: number; readonly people?: number }[],
  kind: ExerciseDef['kind'],
  reps: readonly Pick<RepReport, 'endSec'>[],
): string | undefined {
  const first = frames.find((f) => (f.people ?? 0) >= 2);
  if (first === undefined) return undefined;
  const over = reps.filter((r) => r.endSec * 1000 <= first.timestampMs).length;
  return othersInViewNote(kind, over);
}
