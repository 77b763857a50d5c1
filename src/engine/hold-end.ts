/**
 * Why a hold ended, as kept in its report (`HoldReport.endedBecause`): the cue that would have kept
 * it (a bound of the pose, "Sit lower"; the body moving, `HOLD_STILL`), the joints it is read on
 * out of the picture (`OUT_OF_VIEW`), or nothing broke it (`END_OF_SET`: its time was up, End set,
 * or the video's end; not kept in the report).
 */
export const HOLD_STILL = 'Hold still';
export const OUT_OF_VIEW = 'out of view';
export const END_OF_SET = 'end of the set';

/**
 * A hold's end as the line beside the picture and the set's table say it, after the fact: the
 * body moving is "you moved" (its cue, "Hold still", read as the reason a hold ended, sounds as if
 * the person was told to stop and did); a bound's cue is what to fix ("Sit lower"); a hold nothing
 * broke has no reason (undefined).
 */
export function holdEndWords(endedBecause: string | undefined): string | undefined {
  if (endedBecause === undefined || endedBecause === END_OF_SET) return undefined;
  return endedBecause === HOLD_STILL ? 'you moved' : endedBecause;
}
