import { EXERCISES, findExercise } from '../../engine/catalog.ts';
import type { ExerciseDef, Prescription, RoutineGroup } from '../../engine/exercise-def.ts';
import type { RoutineStep } from '../../engine/routine.ts';
import { byId, el } from '../dom.ts';
import { describePrescription } from '../prescription-text.ts';
import { loadRoutine, resetRoutine, saveRoutine } from '../routine-storage.ts';
import { prescriptionFields } from './prescription-fields.ts';

const GROUPS: readonly { readonly id: RoutineGroup; readonly title: string }[] = [
  { id: 'flexibility', title: 'Flexibility' },
  { id: 'strength', title: 'Strength' },
  { id: 'holds', title: 'Holds and stances' },
];

export interface HomeHandlers {
  readonly startRoutine: (steps: readonly RoutineStep[]) => void;
  readonly start: (exercise: ExerciseDef, prescription: Prescription) => void;
  readonly formCheck: (exercise: ExerciseDef) => void;
  readonly analyseVideo: (file: File, exercise: ExerciseDef) => void;
}

function exerciseOptions(select: HTMLSelectElement, pick: (e: ExerciseDef) => boolean): void {
  select.replaceChildren(
    ...EXERCISES.filter(pick).map((e) => el('option', { value: e.id }, e.name)),
  );
}

/** The routine: its steps in order, each movable, removable and editable; kept in this browser. */
function renderRoutine(steps: RoutineStep[], list: HTMLElement): void {
  const redraw = () => {
    saveRoutine(steps);
    renderRoutine(steps, list);
  };
  list.replaceChildren(
    ...steps.map((step, i) => {
      const exercise = findExercise(step.exerciseId);
      const fields = prescriptionFields(step.prescription, exercise.name, () => {
        steps[i] = { ...step, prescription: fields.read() };
        saveRoutine(steps);
        rx.textContent = describePrescription(fields.read());
      });
      const rx = el('span', { class: 'rx' }, describePrescription(step.prescription));
      const button = (label: string, text: string, run: () => void, disabled = false) => {
        const b = el('button', { type: 'button', 'aria-label': `${label} ${exercise.name}` }, text);
        b.disabled = disabled;
        b.addEventListener('click', run);
        return b;
      };
      // The name, numbers and "Edit" in one column, the buttons in their own: floated after
      // a name and numbers that wrapped, the buttons dropped onto the next step's line.
      const text = el(
        'div',
        { class: 'step-text' },
        el('strong', {}, exercise.name),
        ' ',
        rx,
        fields.element,
      );
      return el(
        'li',
        { 'data-step': exercise.id },
        el(
          'div',
          { class: 'step-row' },
          text,
          el(
            'span',
            { class: 'step-buttons' },
            button(
              'Move up',
              '↑',
              () => {
                [steps[i - 1], steps[i]] = [step, steps[i - 1] as RoutineStep];
                redraw();
              },
              i === 0,
            ),
            button(
              'Move down',
              '↓',
              () => {
                [steps[i + 1], steps[i]] = [step, steps[i + 1] as RoutineStep];
                redraw();
              },
              i === steps.length - 1,
            ),
            button('Remove', '✕', () => {
              steps.splice(i, 1);
              redraw();
            }),
          ),
        ),
      );
    }),
  );
}

function card(exercise: ExerciseDef, h: HomeHandlers): HTMLElement {
  // The card's line gives the numbers the set will use, as edited.
  const fields = prescriptionFields(exercise.prescription, exercise.name, () => {
    rx.textContent = describePrescription(fields.read());
  });
  const rx = el('p', { class: 'rx' }, describePrescription(exercise.prescription));
  const start = el(
    'button',
    { type: 'button', class: 'primary', 'data-start': exercise.id },
    'Start',
  );
  start.addEventListener('click', () => h.start(exercise, fields.read()));
  const check = el('button', { type: 'button', 'data-check': exercise.id }, 'Check my form');
  check.addEventListener('click', () => h.formCheck(exercise));
  return el(
    'article',
    { class: 'card', 'data-exercise': exercise.id },
    el('h4', {}, exercise.name),
    rx,
    el('p', { class: 'how' }, exercise.howTo),
    el(
      'p',
      { class: 'view' },
      `Camera: ${exercise.view === 'any' ? 'front or side' : `${exercise.view} view`}${exercise.needsFeet ? ' · needs a BlazePose model (heels and toes)' : ''}`,
    ),
    el('div', { class: 'buttons' }, start, check),
    fields.element,
  );
}

/**
 * The first screen: today's routine first, then a form check, a video to analyse, and every
 * exercise grouped (numbers behind "Edit").
 */
export function renderHome(h: HomeHandlers): void {
  let steps = loadRoutine();
  const list = byId('routine-steps');
  renderRoutine(steps, list);
  byId('start-routine').onclick = () => h.startRoutine(steps);
  byId('reset-routine').onclick = () => {
    steps = resetRoutine();
    renderRoutine(steps, list);
  };
  const checkSelect = byId<HTMLSelectElement>('check-exercise');
  exerciseOptions(checkSelect, () => true);
  byId('start-check').onclick = () => h.formCheck(findExercise(checkSelect.value));
  const videoSelect = byId<HTMLSelectElement>('video-exercise');
  exerciseOptions(videoSelect, () => true);
  const file = byId<HTMLInputElement>('video-file');
  file.onchange = () => {
    const f = file.files?.[0];
    if (f !== undefined) h.analyseVideo(f, findExercise(videoSelect.value));
    file.value = '';
  };
  byId('exercise-groups').replaceChildren(
    ...GROUPS.map((g) =>
      el(
        'div',
        { class: 'group' },
        el('h4', { class: 'group-title' }, g.title),
        el(
          'div',
          { class: 'cards' },
          ...EXERCISES.filter((e) => e.group === g.id).map((e) => card(e, h)),
        ),
      ),
    ),
  );
}
