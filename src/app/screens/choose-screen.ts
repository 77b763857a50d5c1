import { EXERCISES } from '../../engine/catalog.ts';
import type { ExerciseDef, Prescription, RoutineGroup } from '../../engine/exercise-def.ts';
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

/** The one number each kind prescribes besides the sets. */
function amountInput(p: Prescription): [HTMLLabelElement, HTMLInputElement] {
  switch (p.kind) {
    case 'reps':
      return numberInput('Reps', p.reps, 1, 100);
    case 'hold':
      return numberInput('Seconds', p.holdSec, 5, 600);
    case 'circles':
      return numberInput('s each way', p.perDirectionSec, 5, 600);
    case 'walk':
      return numberInput('Seconds', p.walkSec, 5, 600);
  }
}

function card(exercise: ExerciseDef, handlers: ChooseHandlers): HTMLElement {
  const p = exercise.prescription;
  const [setsLabel, sets] = numberInput('Sets', p.sets, 1, 10);
  const fields: HTMLElement[] = [setsLabel];
  const [amountLabel, amount] = amountInput(p);
  fields.push(amountLabel);
  const read = (): Prescription => {
    const setsN = readNumber(sets, p.sets, 1, 10);
    switch (p.kind) {
      case 'reps':
        return { ...p, sets: setsN, reps: readNumber(amount, p.reps, 1, 100) };
      case 'hold':
        return { ...p, sets: setsN, holdSec: readNumber(amount, p.holdSec, 5, 600) };
      case 'circles':
        return {
          ...p,
          sets: setsN,
          perDirectionSec: readNumber(amount, p.perDirectionSec, 5, 600),
        };
      case 'walk':
        return { ...p, sets: setsN, walkSec: readNumber(amount, p.walkSec, 5, 600) };
    }
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
