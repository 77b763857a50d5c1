import { findExercise } from '../../engine/catalog.ts';
import { PROGRESS_SERIES, progressOf, seriesPoints, tempoKept } from '../../storage/progress.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import { countedInSet, type SetRecord } from '../../storage/set-record.ts';
import { el } from '../dom.ts';
import { drawLineChart, PRINT_CHART } from '../plot.ts';
import { describePrescription } from '../prescription-text.ts';
import { PLOT_SPAN_MS } from './history-screen.ts';
import { keptFormCheck } from './kept-form-check.ts';
import { hipsInSet } from './set-summary.ts';

const percent = (share: number | undefined) =>
  share === undefined ? '–' : `${Math.round(100 * share)} %`;

function doneText(sets: readonly SetRecord[]): string {
  const reps = sets.reduce((a, s) => a + s.reps.length, 0);
  const held = sets.reduce((a, s) => a + s.heldSeconds, 0);
  const circles = sets.reduce((a, s) => a + s.circles.clockwise + s.circles.anticlockwise, 0);
  const steps = sets.reduce((a, s) => a + s.steps, 0);
  const parts = [
    `${sets.length} set${sets.length === 1 ? '' : 's'}`,
    reps > 0 && `${reps} reps`,
    held > 0 && `${held.toFixed(0)} s held`,
    circles > 0 && `${circles} circles`,
    steps > 0 && `${steps} steps`,
  ];
  return parts.filter(Boolean).join(', ');
}

/** The warn-level faults of a set, per check ("knee valgus ×2"), or "none". */
function faultsText(s: SetRecord): string {
  const byCode = new Map<string, number>();
  for (const f of s.faults.filter((x) => x.severity === 'warn'))
    byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  return byCode.size === 0
    ? 'none'
    : [...byCode].map(([code, n]) => `${code.replaceAll('-', ' ')} ×${n}`).join(', ');
}

/**
 * An exercise's sets as the report's table: what each set did and the faults found, with the
 * columns that say something about these sets only: the tempo kept where a tempo was asked for,
 * whether a hold's hips stayed where its position was judged (a hold has no tempo; its position
 * is its quality).
 */
export function setsTableText(sets: readonly SetRecord[]): {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
} {
  const columns: { header: string; cell: (s: SetRecord) => string }[] = [
    { header: 'Set', cell: (s) => String(s.set) },
    { header: 'Done', cell: countedInSet },
  ];
  if (sets.some((s) => tempoKept(s) !== undefined))
    columns.push({ header: 'Tempo kept', cell: (s) => percent(tempoKept(s)) });
  if (sets.some((s) => hipsInSet(s) !== undefined))
    columns.push({ header: 'Hips', cell: (s) => hipsInSet(s) ?? '–' });
  columns.push({ header: 'Faults', cell: faultsText });
  return {
    headers: columns.map((c) => c.header),
    rows: sets.map((s) => columns.map((c) => c.cell(s))),
  };
}

function setsTable(sets: readonly SetRecord[]): HTMLElement {
  const { headers, rows } = setsTableText(sets);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((c) => el('td', {}, c))))),
  );
}

function formChecks(sets: readonly SetRecord[]): HTMLElement[] {
  return sets.flatMap((s) =>
    s.formCheck === undefined
      ? []
      : [
          el(
            'section',
            { class: 'report-check' },
            el('h4', {}, `Form check: ${s.exerciseName}`),
            keptFormCheck(s.formCheck),
          ),
        ],
  );
}

function trends(exerciseId: string, recent: readonly SetRecord[]): HTMLElement[] {
  const name = findExercise(exerciseId).name;
  const points = progressOf(recent, exerciseId);
  return PROGRESS_SERIES.flatMap(({ title, unit, pick, zeroMeans, valueText }) => {
    const data = seriesPoints(points, pick);
    if (data.length === 0) return [];
    const canvas = el('canvas', {
      width: '340',
      height: '170',
      role: 'img',
      'aria-label': `${name}: ${title}, last weeks`,
    });
    const ctx = canvas.getContext('2d');
    if (ctx !== null)
      drawLineChart(ctx, data, `${name}: ${title}`, unit, PRINT_CHART, zeroMeans, valueText);
    return [el('figure', {}, canvas)];
  });
}

/**
 * How the session's form was judged, as its sets were kept: the strictness and the pose model (a
 * check's limits allow for how the model reads a joint); nothing for sets kept before these were
 * recorded.
 */
function judgedWith(set: SetRecord): string {
  if (set.strictness === undefined) return '';
  const model = set.poseModel === undefined ? '' : `, from ${set.poseModel}'s points`;
  return ` Form judged ${set.strictness}${model}.`;
}

/**
 * A session as a page people would rather look at than read, laid out for printing (the
 * browser's print to PDF): what was done, each exercise's sets with tempo and faults, the form
 * checks with their stills, and the trends of the last weeks.
 */
export async function renderReport(
  container: HTMLElement,
  store: HistoryStore,
  sessionId: string,
): Promise<void> {
  const sets = await store.backend.session(sessionId);
  const first = sets[0];
  if (first === undefined) {
    container.replaceChildren(el('p', {}, 'This session is no longer in the history.'));
    return;
  }
  const recent = await store.backend.since(Date.now() - PLOT_SPAN_MS);
  const exercises = [...new Set(sets.map((s) => s.exerciseId))];
  container.replaceChildren(
    el('h2', {}, `formcheck: ${new Date(first.startedAtMs).toLocaleString()}`),
    el(
      'p',
      {},
      first.routine !== undefined ? `Routine: ${first.routine}. ` : '',
      `${exercises.length} exercise${exercises.length === 1 ? '' : 's'}.`,
      judgedWith(first),
    ),
    ...exercises.map((id) => {
      const mine = sets.filter((s) => s.exerciseId === id && s.formCheck === undefined);
      const checks = sets.filter((s) => s.exerciseId === id && s.formCheck !== undefined);
      const ex = findExercise(id);
      return el(
        'section',
        { class: 'report-exercise', 'data-report-exercise': id },
        el('h3', {}, ex.name),
        mine[0] !== undefined &&
          el('p', {}, `${doneText(mine)} (asked: ${describePrescription(mine[0].prescription)}).`),
        mine.length > 0 && setsTable(mine),
        ...formChecks(checks),
        el('div', { class: 'trends' }, ...trends(id, recent)),
      );
    }),
  );
}
