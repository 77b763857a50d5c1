import { REP_CHECKS } from '../../engine/checks/judge-rep.ts';
import { FAULT_JOINTS } from '../../engine/fault-joints.ts';
import type { ExerciseDef } from '../../engine/exercise-def.ts';
import { stillMoment, type FormCheckLine } from '../../engine/form-check.ts';
import { drawStill } from '../../overlay/draw-still.ts';
import { facingInPicture, referencePose } from '../../overlay/reference-pose.ts';
import type { KeypointName, Pose } from '../../pose/skeleton.ts';
import { el } from '../dom.ts';

/** What the person chose on the card: "redo-last" does a check's last part again (its side-on reps). */
export type CardChoice = 'start' | 'again' | 'redo-last' | 'back';

const STATUS_TEXT: Record<FormCheckLine['status'], string> = {
  pass: 'Pass',
  fix: 'Fix this',
  'cannot-judge': 'Not judged',
};

function faultJointsOf(line: FormCheckLine): readonly KeypointName[] {
  if (line.status !== 'fix') return [];
  const check = line.check as keyof typeof REP_CHECKS;
  const code = REP_CHECKS[check]?.code ?? (line.check === 'head-bob' ? 'head-bob' : undefined);
  return code === undefined ? [] : (FAULT_JOINTS[code] ?? []);
}

function stillCanvas(
  pose: Pose,
  joints: readonly KeypointName[],
  label: string,
  mirrored = false,
): HTMLCanvasElement {
  const canvas = el('canvas', { width: '160', height: '200', role: 'img', 'aria-label': label });
  const ctx = canvas.getContext('2d');
  if (ctx !== null) drawStill(ctx, pose, joints, mirrored);
  return canvas;
}

/** The person's poses during the check, and whether the camera preview showed them mirrored. */
export interface PersonSeen {
  readonly poseAt: (ms: number) => Pose | undefined;
  readonly mirrored: boolean;
}

/** A still of the line's moment and the reference figure beside it, when there is one. */
function stills(
  line: FormCheckLine,
  exercise: ExerciseDef,
  you: PersonSeen,
): HTMLElement | undefined {
  if (line.status === 'cannot-judge' || line.atSec === undefined) return undefined;
  const pose = you.poseAt(line.atSec * 1000);
  if (pose === undefined) return undefined;
  // The figure faces the way the person does in their still, as it is drawn.
  const reference = referencePose(line.check, facingInPicture(pose, you.mirrored) ?? 1);
  const what = stillMoment(line, exercise);
  return el(
    'div',
    { class: 'stills' },
    el(
      'figure',
      {},
      stillCanvas(pose, faultJointsOf(line), `${line.label}: your ${what}`, you.mirrored),
      el('figcaption', {}, `You (${what})`),
    ),
    reference !== undefined &&
      el(
        'figure',
        {},
        stillCanvas(reference, [], `${line.label}: the correct position`),
        el('figcaption', {}, 'Aim for'),
      ),
  );
}

/**
 * The verdict card of a form check: a line per check (pass / fix this / not judged, and why),
 * the measured value against the target, and stills of the moment with the correct position
 * beside it. Resolves with the person's choice; "Keep in history" saves the card with its stills.
 */
export function showFormCheckCard(
  container: HTMLElement,
  exercise: ExerciseDef,
  lines: readonly FormCheckLine[],
  /** What the analysis says about the set as a whole ("This looks like a squat…, not a lunge"). */
  notes: readonly string[],
  you: PersonSeen,
  save: (lines: readonly (FormCheckLine & { still?: string })[]) => Promise<boolean>,
  /** The words of a button that does the check's last part again; none for a check in one part. */
  redoLast?: string,
): Promise<CardChoice> {
  const rows = lines.map((line) => {
    const pictures = stills(line, exercise, you);
    return {
      line,
      pictures,
      node: el(
        'li',
        {
          class: `verdict ${line.status}`,
          'data-check': line.check,
          'data-status': line.status,
          ...(line.value === undefined ? {} : { 'data-value': String(line.value) }),
        },
        el('strong', {}, `${line.label}: `),
        el('span', { class: 'badge' }, STATUS_TEXT[line.status]),
        el('p', { class: 'verdict-text' }, line.text),
        pictures,
      ),
    };
  });
  const fixes = lines.filter((l) => l.status === 'fix').length;
  const start = el(
    'button',
    { type: 'button', class: 'primary', 'data-card': 'start' },
    'Start the set (Enter)',
  );
  const again = el('button', { type: 'button', 'data-card': 'again' }, 'Check again (C)');
  const redo =
    redoLast === undefined
      ? undefined
      : el('button', { type: 'button', 'data-card': 'redo-last' }, `${redoLast} (P)`);
  const keep = el('button', { type: 'button', 'data-card': 'save' }, 'Keep in history');
  keep.addEventListener('click', () => {
    keep.disabled = true;
    const withStills = rows.map(({ line, pictures }) => {
      const canvas = pictures?.querySelector('canvas');
      return canvas === null || canvas === undefined
        ? line
        : { ...line, still: canvas.toDataURL('image/png') };
    });
    void save(withStills).then(
      (ok) => (keep.textContent = ok ? 'Kept in history' : 'Could not save'),
    );
  });
  container.replaceChildren(
    el('h4', {}, `Form check: ${exercise.name}`),
    el(
      'p',
      { 'data-verdict-summary': '' },
      fixes === 0 ? 'No fault found.' : `${fixes} thing${fixes === 1 ? '' : 's'} to fix.`,
    ),
    ...notes.map((n) => el('p', { class: 'set-note', 'data-card-note': '' }, n)),
    el('ul', { class: 'verdicts' }, ...rows.map((r) => r.node)),
    el('div', { class: 'buttons' }, start, again, ...(redo === undefined ? [] : [redo]), keep),
  );
  container.hidden = false;
  start.focus();
  return new Promise((resolve) => {
    const done = (choice: CardChoice) => {
      document.removeEventListener('keydown', onKey);
      resolve(choice);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && document.activeElement === document.body) done('start');
      else if (e.key === 'c' || e.key === 'C') done('again');
      else if (redo !== undefined && (e.key === 'p' || e.key === 'P')) done('redo-last');
    };
    document.addEventListener('keydown', onKey);
    start.addEventListener('click', () => done('start'));
    again.addEventListener('click', () => done('again'));
    redo?.addEventListener('click', () => done('redo-last'));
    container.addEventListener('formcheck-leave', () => done('back'), { once: true });
  });
}
