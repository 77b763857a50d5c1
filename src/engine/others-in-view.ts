import type { Pose } from '../pose/skeleton.ts';
import type { ExerciseDef } from './exercise-def.ts';
import { FollowedJump } from './followed-jump.ts';
import type { RepReport } from './report.ts';

/**
 * Someone else in view. The detector follows one person, the most visible, and one who walks in
 * front of the camera is followed instead (README, known limits): what was counted from then on
 * may be theirs. No signal tells the switch apart from the model misreading a frame (both jump:
 * followed-jump.ts), so the count is not corrected; the people in view are counted again, the set
 * is told so when someone else is there, and keeps a note saying from when.
 */

/**
 * People in view are counted this often, of the camera's time or a video's (a second
 * model, MoveNet MultiPose: ~77 ms a count on a 2-core CPU), and more often after the person
 * followed jumps ({@link PeopleCountSchedule}).
 */
export const PEOPLE_COUNT_EVERY_MS = 2000;

/** After the person followed jumps (followed-jump.ts), the people are counted this often (ms)… */
export const PEOPLE_RECOUNT_EVERY_MS = 250;
/** …for this long after the jump (ms). */
export const PEOPLE_RECOUNT_FOR_MS = 2000;

/**
 * When to count the people in view: on the first frame at or after each multiple of `everyMs` of
 * the clock the frames carry (a recording's own: a video tracked in stretches, one per worker, is
 * counted on the same frames as when tracked whole), and more often for a while after the person
 * followed jumps. A person who crosses in front can take the tracker over for the second or so of
 * the crossing, between two counts; the takeover is a jump (the trunk found elsewhere, larger or
 * smaller, often after a frame with nobody), and the crosser may hide the person who was followed
 * at that moment, so the count is taken on the next frame and every quarter second for 2 s: a
 * person crossing at walking pace (1.3 m/s) moves a third of a metre in that time, less than a
 * body's width, so a count falls while they stand clear beside the person followed, before they
 * leave the picture. Each count costs the second model's run (~77 ms on a 2-core CPU): up to eight
 * more a jump.
 */
export class PeopleCountSchedule {
  private nextMs: number;
  private readonly jump = new FollowedJump();
  private recountUntilMs = -Infinity;
  private lastCountMs = -Infinity;

  constructor(
    fromMs = 0,
    private readonly everyMs = PEOPLE_COUNT_EVERY_MS,
  ) {
    this.nextMs = Math.max(0, Math.ceil(fromMs / everyMs) * everyMs);
  }

  /** Whether to count on the frame at `ms` (frames in order). */
  due(ms: number): boolean {
    const regular = ms >= this.nextMs;
    const recount = ms <= this.recountUntilMs && ms - this.lastCountMs >= PEOPLE_RECOUNT_EVERY_MS;
    if (!regular && !recount) return false;
    if (regular) this.nextMs = (Math.floor(ms / this.everyMs) + 1) * this.everyMs;
    this.lastCountMs = ms;
    return true;
  }

  /**
   * The pose found in the frame at `ms` (null: nobody), after `due` for that frame: a jump of the
   * person followed makes the next frames due.
   */
  saw(pose: Pose | null, ms: number): void {
    if (this.jump.push(pose)) this.recountUntilMs = ms + PEOPLE_RECOUNT_FOR_MS;
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
