import { findExercise } from '../../engine/catalog.ts';
import { historyToCsv, historyToJson } from '../../storage/export.ts';
import type { HistoryDb } from '../../storage/history-db.ts';
import { progressOf } from '../../storage/progress.ts';
import type { SetRecord } from '../../storage/set-record.ts';
import { byId, download, el } from '../dom.ts';
import { drawLineChart } from '../plot.ts';
import { setSummary } from './set-summary.ts';

function plots(sets: readonly SetRecord[]): HTMLElement[] {
  const exercises = [...new Set(sets.map((s) => s.exerciseId))];
  return exercises.flatMap((id) => {
    const name = findExerciseName(id);
    const points = progressOf(sets, id);
    const series: [string, string, (p: (typeof points)[number]) => number | undefined][] = [
      ['reps per set', 'reps', (p) => p.reps],
      ['tempo adherence', '', (p) => p.tempoAdherence],
      ['form faults per rep', '', (p) => p.faultRate],
      ['hold time', 's', (p) => p.heldSeconds],
    ];
    return series
      .map(([title, unit, pick]) => ({
        title,
        unit,
        data: points.flatMap((p) => {
          const y = pick(p);
          return y === undefined ? [] : [{ x: p.atMs, y }];
        }),
      }))
      .filter((s) => s.data.some((d) => d.y > 0))
      .map((s) => {
        const canvas = el('canvas', {
          width: '320',
          height: '160',
          role: 'img',
          'aria-label': `${name}: ${s.title} over time, latest ${s.data[s.data.length - 1]?.y.toFixed(2) ?? '-'}`,
        });
        const ctx = canvas.getContext('2d');
        if (ctx !== null) drawLineChart(ctx, s.data, `${name}: ${s.title}`, s.unit);
        return el('figure', {}, canvas);
      });
  });
}

function findExerciseName(id: string): string {
  try {
    return findExercise(id).name;
  } catch {
    return id;
  }
}

/** Every set of every session (newest first), progress plots, export and delete. */
export async function renderHistory(db: HistoryDb): Promise<void> {
  const sets = await db.all();
  byId('history-plots').replaceChildren(...plots(sets));
  const sessions = [...new Set(sets.map((s) => s.sessionId))].reverse();
  const list = byId('history-list');
  if (sessions.length === 0) {
    list.replaceChildren(el('p', {}, 'No sets yet. Finished reps are saved here as you do them.'));
    return;
  }
  list.replaceChildren(
    ...sessions.map((sessionId) => {
      const inSession = sets.filter((s) => s.sessionId === sessionId);
      const first = inSession[0];
      const del = el('button', { type: 'button' }, 'Delete this session');
      del.addEventListener('click', () => {
        if (confirm('Delete this session from the history?'))
          void db.deleteSession(sessionId).then(() => renderHistory(db));
      });
      const when = first === undefined ? '' : new Date(first.startedAtMs).toLocaleString();
      return el(
        'details',
        { open: '', 'data-session': sessionId },
        el(
          'summary',
          {},
          `${when} · ${first?.exerciseName ?? ''} · ${inSession.length} set${inSession.length === 1 ? '' : 's'}`,
        ),
        ...inSession.map((s) =>
          setSummary(s, `Set ${s.set}${s.completed ? '' : ' (interrupted)'}`),
        ),
        del,
      );
    }),
  );
}

export function wireHistoryButtons(db: HistoryDb): void {
  byId('export-csv').addEventListener(
    'click',
    () => void db.all().then((s) => download('formcheck-history.csv', historyToCsv(s), 'text/csv')),
  );
  byId('export-json').addEventListener(
    'click',
    () =>
      void db
        .all()
        .then((s) => download('formcheck-history.json', historyToJson(s), 'application/json')),
  );
  byId('delete-all').addEventListener('click', () => {
    if (confirm('Delete the whole history? This cannot be undone.'))
      void db.clear().then(() => renderHistory(db));
  });
}
