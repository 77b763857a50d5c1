import {
  EXERCISES,
  type ExerciseDef,
  type Prescription,
  type RoutineGroup,
} from '../../engine/catalog.ts';
import { describePrescription } from '../prescription-text.ts';
import { el } from '../dom.ts';

const GROUPS: readonly { readonly id: RoutineGroup; readonly title: string }[] = [
  { id: 'flexibility', title: 'Flexibility' },
  { id: 'strength', title: 'Strength' },
  { id: 'holds', title: 'Holds and stances' },
];

export interface ChooseHandlers {
  readonly onCamera: (exercise: ExerciseDef, prescription: Prescription) => void;
  readonly onVideo: (exercise: ExerciseDef, prescription: Prescription, file: File) => void;
}

function numberInput(
  label: string,
  value: number,
  min: number,
  max: number,
): [HTMLLabelElement, HTMLInputElement] {
  const input = el('input', {
    type: 'number',
    min: String(min),
    max: String(max),
    value: String(value),
  });
  return [el('label', {}, `${label} `, input), input];
}

function readNumber(input: HTMLInputElement, fallback: number, min: number, max: number): number {
  const v = Number(input.value);
  return Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
}

function card(exercise: ExerciseDef, handlers: ChooseHandlers): HTMLElement {
  const p = exercise.prescription;
  const [setsLabel, sets] = numberInput('Sets', p.sets, 1, 10);
  const fields: HTMLElement[] = [setsLabel];
  let reps: HTMLInputElement | undefined;
  let hold: HTMLInputElement | undefined;
  if (p.reps !== undefined) {
    const [l, i] = numberInput('Reps', p.reps, 1, 100);
    fields.push(l);
    reps = i;
  }
  const seconds = p.holdSec ?? p.perDirectionSec;
  if (seconds !== undefined) {
    const [l, i] = numberInput(
      p.perDirectionSec !== undefined ? 's each way' : 'Seconds',
      seconds,
      5,
      600,
    );
    fields.push(l);
    hold = i;
  }
  const read = (): Prescription => {
    const out: { -readonly [K in keyof Prescription]: Prescription[K] } = {
      ...p,
      sets: readNumber(sets, p.sets, 1, 10),
    };
    if (reps !== undefined && p.reps !== undefined) out.reps = readNumber(reps, p.reps, 1, 100);
    if (hold !== undefined && p.holdSec !== undefined)
      out.holdSec = readNumber(hold, p.holdSec, 5, 600);
    if (hold !== undefined && p.perDirectionSec !== undefined)
      out.perDirectionSec = readNumber(hold, p.perDirectionSec, 5, 600);
    return out;
  };
  const file = el('input', {
    type: 'file',
    accept: 'video/*',
    'aria-label': `Analyse a recorded video of ${exercise.name}`,
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f !== undefined) handlers.onVideo(exercise, read(), f);
  });
  const start = el(
    'button',
    { type: 'button', class: 'primary', 'data-start': exercise.id },
    'Start with camera',
  );
  start.addEventListener('click', () => handlers.onCamera(exercise, read()));
  return el(
    'article',
    { class: 'card', 'data-exercise': exercise.id },
    el('h4', {}, exercise.name),
    el('p', { class: 'rx' }, describePrescription(p)),
    el('p', { class: 'how' }, exercise.howTo),
    el(
      'p',
      { class: 'view' },
      `Camera: ${exercise.view === 'any' ? 'front or side' : `${exercise.view} view`}${exercise.needsFeet ? ' · needs a BlazePose model (heels and toes)' : ''}`,
    ),
    el('fieldset', {}, el('legend', { class: 'visually-hidden' }, 'Prescription'), ...fields),
    el('div', { class: 'buttons' }, start),
    el('label', {}, 'or analyse a video: ', file),
  );
}

export function renderChooseScreen(container: HTMLElement, handlers: ChooseHandlers): void {
  container.replaceChildren(
    ...GROUPS.map((g) =>
      el(
        'div',
        { class: 'group' },
        el('h3', {}, g.title),
        el(
          'div',
          { class: 'cards' },
          ...EXERCISES.filter((e) => e.group === g.id).map((e) => card(e, handlers)),
        ),
      ),
    ),
  );
}
