import { NOTE_ONLY_CHECKS } from './checks/check-id.ts';
import { REP_CHECKS } from './checks/judge-rep.ts';
import type { CameraView, ExerciseDef } from './exercise-def.ts';

/**
 * A form check: a few slow reps (or a short hold, a few circles, a few steps) before the set,
 * turned into one line per check that applies to the exercise: pass, fix this, or cannot tell from
 * this view (with what to change), the measured value against the target, and the moment to show.
 * An exercise whose checks need two views (a squat: the knees from the front, the heels side on)
 * is checked in two parts, one from each.
 */
export interface FormCheckPlan {
  /** The parts, in order: the view to film each from and what the person does. */
  readonly parts: readonly FormCheckPart[];
  /** Reps in each part. */
  readonly reps?: number;
  readonly holdSec?: number;
  readonly seconds?: number;
}

export interface FormCheckPart {
  readonly view: CameraView;
  readonly instruction: string;
  /** Where to stand for this part (shown under the exercise's name while it is on). */
  readonly placement: string;
}

const REPS_PER_PART = 3;

/**
 * The views a rep exercise's checks need: the exercise's own first, then any view a check can be
 * judged from only (knee valgus from the front, heel lift side on). Note-only checks, and checks
 * that cannot judge the exercise from any view (valgus in a split stance), ask for none.
 */
function formCheckViews(exercise: ExerciseDef): CameraView[] {
  if (exercise.kind !== 'reps') return [exercise.view];
  const only = exercise.checks
    .filter((c) => !NOTE_ONLY_CHECKS.has(c))
    .map((c) => REP_CHECKS[c])
    .filter((check) => check.measures?.(exercise) !== false)
    .map((check) => check.view)
    .flatMap((v) => (v.only && v.best !== 'any' ? [v.best] : []));
  const views = [...new Set<CameraView>([exercise.view, ...only])];
  return views.length > 1 ? views.filter((v) => v !== 'any') : views;
}

/** How each part starts: the first from where the person stands, the next after turning. */
const PART_WORDS: Record<CameraView, { readonly first: string; readonly next: string }> = {
  front: { first: 'Face the camera: do', next: 'Now face the camera:' },
  side: { first: 'Stand side-on to the camera: do', next: 'Now stand side-on to the camera:' },
  any: { first: 'Do', next: 'Now' },
};

/** Where to stand for one part of a form check in several (the exercise's own words name one view). */
const PART_PLACE: Record<CameraView, string> = {
  front: 'face the camera',
  side: 'stand side on to the camera',
  any: 'face the camera or stand side on',
};

function partPlacement(exercise: ExerciseDef, view: CameraView, i: number, n: number): string {
  if (n === 1) return exercise.placement;
  // The whole body even where only the legs are judged: the model finds a person by all of them
  // (with the legs alone it finds nobody most of the time; cues.ts, "no-person").
  return `Part ${i + 1} of ${n}: ${PART_PLACE[view]}, whole body in view, camera level at hip height.`;
}

const onePart = (exercise: ExerciseDef, instruction: string): FormCheckPart => ({
  view: exercise.view,
  instruction,
  placement: exercise.placement,
});

export function formCheckPlan(exercise: ExerciseDef): FormCheckPlan {
  switch (exercise.kind) {
    case 'reps': {
      const views = formCheckViews(exercise);
      const parts = views.map((view, i) => ({
        view,
        instruction:
          i === 0
            ? `${PART_WORDS[view].first} ${REPS_PER_PART} slow reps.`
            : `${PART_WORDS[view].next} ${REPS_PER_PART} more slow reps.`,
        placement: partPlacement(exercise, view, i, views.length),
      }));
      return { parts, reps: REPS_PER_PART };
    }
    case 'hold':
      return {
        parts: [onePart(exercise, 'Get into position and hold for 10 seconds.')],
        holdSec: 10,
      };
    case 'circles':
      return { parts: [onePart(exercise, 'Draw a few slow circles.')], seconds: 12 };
    case 'walk':
      return { parts: [onePart(exercise, 'Take six steps across the view.')], seconds: 10 };
  }
}

/** How each view is named on the button that does a check's last part again. */
const VIEW_NAME: Record<CameraView, string> = {
  front: 'facing the camera',
  side: 'side on',
  any: 'any view',
};

/**
 * The words of the card's button that does a form check's last part again ("Redo part 2: side
 * on"), keeping the parts before it; none for a check in one part (that is "Check again").
 */
export function redoLastPartWords(exercise: ExerciseDef): string | undefined {
  const { parts } = formCheckPlan(exercise);
  const last = parts[parts.length - 1];
  if (parts.length < 2 || last === undefined) return undefined;
  return `Redo part ${parts.length}: ${VIEW_NAME[last.view]}`;
}
