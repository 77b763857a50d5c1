import { CHECK_NAMES, NOTE_ONLY_CHECKS } from './checks/check-id.ts';
import type { CameraView, ExerciseDef } from './exercise-def.ts';
import type { RepReport } from './report.ts';
import type { DetectedView, Facing, FrameView } from './view.ts';
import { countHiddenByView, SIZE_REASONS } from './view-tip.ts';

/** A set seen front-on, in words: which way the person faced, when it was clear. */
const FACING_WORDS: Record<Facing | 'either', string> = {
  camera: 'from the front',
  away: 'from behind',
  either: 'from the front or behind',
};

/** What a set or a form check's part was filmed from, and the reps it counted. */
export interface FilmedAs {
  readonly exercise: ExerciseDef;
  /** The view a form check's part asked for; the exercise's best view otherwise. */
  readonly askedView: CameraView | undefined;
  /** Which of a form check's parts the set is (its card gathers the notes of all of them). */
  readonly part?: number | undefined;
  /** The view of most of the set's frames. */
  readonly view: DetectedView;
  readonly facing: Facing | undefined;
  readonly reps: readonly RepReport[];
  readonly partials: readonly { readonly reason: string }[];
}

/**
 * The set's note when it was filmed from another view than the one asked for: what it was filmed
 * from, what was asked, and the checks that view could not judge ("Filmed from the side; Bodyweight
 * squat is best judged from the front: knee valgus not judged from this view."). With reps, the
 * reps say what was filmed, not most of the set's frames (standing, setting up, turning between
 * reps count there too). Where only some reps were seen otherwise and a check was skipped in them,
 * those reps are named ("Reps 3, 4, 5 and 6 were filmed from the side; …: knee valgus not judged
 * in them."). A form check's part is named, since its card gathers every part's notes beside lines
 * each judged on the part filmed for it ("Part 1 was filmed from the side, not from the front it
 * asked for: knee valgus not judged from this view." above a knee valgus judged on part 2, filmed
 * facing the camera). Undefined with nothing to say.
 */
export function viewNote(s: FilmedAs): string | undefined {
  const wanted = s.askedView ?? s.exercise.view;
  if (wanted === 'any') return undefined;
  const asked =
    s.askedView === undefined
      ? `${s.exercise.name} is best judged from the ${wanted}`
      : `this part asked for the ${wanted}`;
  const seenOtherwise = s.reps.filter((r) => r.view !== undefined && !seenAsAsked(r.view, wanted));
  const hiddenIn = seenOtherwise.filter((r) => checksTheViewHid([r]).length > 0);
  if (hiddenIn.length > 0 && hiddenIn.length < s.reps.length) {
    const many = hiddenIn.length > 1;
    const reps = `${many ? 'Reps' : 'Rep'} ${listed(hiddenIn.map((r) => String(r.index)))}`;
    const filmed = `filmed ${viewWords(commonView(hiddenIn) ?? 'side', s.facing)}`;
    const skipped = `${checksTheViewHid(hiddenIn).join(', ')} not judged in ${many ? 'them' : 'it'}.`;
    // A form check's part, whose card shows the notes of all its parts: the part named.
    return s.part === undefined
      ? `${reps} ${many ? 'were' : 'was'} ${filmed}; ${asked}: ${skipped}`
      : `${reps} of part ${s.part} ${many ? 'were' : 'was'} ${filmed}, not from the ${wanted} it asked for: ${skipped}`;
  }
  // With reps, every one of them seen otherwise; without, the set's frames.
  const view: FrameView | undefined =
    s.reps.length === 0
      ? s.view === 'unknown' || seenAsAsked(s.view, wanted)
        ? undefined
        : s.view
      : seenOtherwise.length < s.reps.length
        ? undefined
        : (commonView(seenOtherwise) ?? seenOtherwise[0]?.view);
  if (view === undefined) return undefined;
  const skipped = checksTheViewHid(s.reps);
  // Lifts the view may have shrunk below a countable rep (view-tip.ts): how many.
  const hidden = countHiddenByView(s.exercise, view, s.facing)
    ? s.partials.filter((p) => SIZE_REASONS.some((reason) => reason === p.reason)).length
    : 0;
  return (
    (s.part === undefined
      ? `Filmed ${viewWords(view, s.facing)}; ${asked}`
      : `Part ${s.part} was filmed ${viewWords(view, s.facing)}, not from the ${wanted} it asked for`) +
    (skipped.length === 0 ? '.' : `: ${skipped.join(', ')} not judged from this view.`) +
    (hidden === 0
      ? ''
      : ` Facing the camera the feet hide the heels' rise: ${hidden} ${hidden === 1 ? 'lift was' : 'lifts were'} too small to count.`)
  );
}

/**
 * Seen as asked: from the side, 3/4 too (the side-on checks still work there, view-tip.ts); from
 * the front, only from the front.
 */
function seenAsAsked(view: FrameView, wanted: 'front' | 'side'): boolean {
  return view === 'unknown' || view === wanted || (wanted === 'side' && view === 'three-quarter');
}

/** The view's turn is the same facing the camera or facing away from it. */
function viewWords(view: FrameView, facing: Facing | undefined): string {
  if (view === 'front') return FACING_WORDS[facing ?? 'either'];
  return view === 'three-quarter' ? 'at 3/4' : 'from the side';
}

/** The view the reps were all seen from; undefined when they differ. */
function commonView(reps: readonly RepReport[]): FrameView | undefined {
  const first = reps[0]?.view;
  return reps.every((r) => r.view === first) ? first : undefined;
}

/** "3", "3 and 4", "3, 4 and 7". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * The checks that some rep could not judge because of the camera's view (in the catalogue's words,
 * lower case), leaving out the notes-only ones: nobody needs to turn for a note.
 */
function checksTheViewHid(reps: readonly RepReport[]): string[] {
  const hidden = new Set(
    reps.flatMap((r) =>
      r.verdicts
        .filter((v) => v.cause === 'view' && !NOTE_ONLY_CHECKS.has(v.check))
        .map((v) => v.check),
    ),
  );
  return [...hidden].map((id) => CHECK_NAMES[id].toLowerCase());
}
