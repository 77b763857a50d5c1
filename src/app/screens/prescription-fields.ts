import type { Prescription } from '../../engine/exercise-def.ts';
import { el } from '../dom.ts';

/** The longest rest between sets that can be set (s): 10 minutes. */
const MAX_REST_SEC = 600;

/**
 * A whole number between `min` and `max`; `read()` gives what was typed brought into range (or the
 * number the field last showed, when it is cleared), and once the field is left it shows that
 * number: typed 3 where the least is 5, it reads 5, the number the set will use.
 */
function numberInput(label: string, value: number, min: number, max: number) {
  const input = el('input', {
    type: 'number',
    min: String(min),
    max: String(max),
    value: String(value),
  });
  let shown = value;
  const read = (): number => {
    const v = input.value.trim() === '' ? Number.NaN : Number(input.value);
    return Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : shown;
  };
  input.addEventListener('change', () => {
    shown = read();
    input.value = String(shown);
  });
  return { label: el('label', {}, `${label} `, input), input, read };
}

/**
 * The editable numbers of a prescription (sets, the reps, seconds or seconds each way its kind
 * has, and the rest between sets), behind an "Edit" control; `read()` gives the prescription as
 * edited, within range.
 */
export function prescriptionFields(
  p: Prescription,
  name: string,
  onChange: () => void = () => undefined,
): { element: HTMLElement; read: () => Prescription } {
  const sets = numberInput('Sets', p.sets, 1, 10);
  const [amountLabel, lo, hi, value] =
    p.kind === 'reps'
      ? ['Reps', 1, 100, p.reps]
      : p.kind === 'hold'
        ? ['Seconds', 5, 600, p.holdSec]
        : p.kind === 'circles'
          ? ['s each way', 5, 600, p.perDirectionSec]
          : ['Seconds', 5, 600, p.walkSec];
  const amount = numberInput(amountLabel, value, lo, hi);
  const rest = numberInput('Rest (s)', p.restSec, 0, MAX_REST_SEC);
  const read = (): Prescription => {
    const s = sets.read();
    const n = amount.read();
    const restSec = rest.read();
    switch (p.kind) {
      case 'reps':
        return { ...p, sets: s, reps: n, restSec };
      case 'hold':
        return { ...p, sets: s, holdSec: n, restSec };
      case 'circles':
        return { ...p, sets: s, perDirectionSec: n, restSec };
      case 'walk':
        return { ...p, sets: s, walkSec: n, restSec };
    }
  };
  for (const i of [sets.input, amount.input, rest.input]) i.addEventListener('change', onChange);
  const element = el(
    'details',
    { class: 'edit' },
    el('summary', { 'aria-label': `Edit ${name}` }, 'Edit'),
    el(
      'fieldset',
      {},
      el('legend', { class: 'visually-hidden' }, `${name}: prescription`),
      sets.label,
      amount.label,
      rest.label,
    ),
  );
  return { element, read };
}
