import { findExercise } from '../../engine/catalog.ts';
import { historyToCsv, historyToJson } from '../../storage/export.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import { importMessage, NotAHistoryFile, parseHistoryFile } from '../../storage/import.ts';
import { PROGRESS_SERIES, progressOf, seriesPoints } from '../../storage/progress.ts';
import type { SetRecord } from '../../storage/set-record.ts';
import { byId, download, el } from '../dom.ts';
import { drawLineChart } from '../plot.ts';
import { setSummary } from './set-summary.ts';

/** A chart's latest value, as a screen reader says it ("6° above" for a depth, "12.00" else). */
function latestText(s: {
  readonly data: readonly { readonly y: number }[];
  readonly valueText?: (v: number) => string;
}): string {
  const y = s.data[s.data.length - 1]?.y;
  if (y === undefined) return '-';
  return s.valueText === undefined ? y.toFixed(2) : s.valueText(y);
}

function plots(sets: readonly SetRecord[]): HTMLElement[] {
  const exercises = [...new Set(sets.map((s) => s.exerciseId))];
  return exercises.flatMap((id) => {
    const name = findExerciseName(id);
    const points = progressOf(sets, id);
    return PROGRESS_SERIES.map((s) => ({ ...s, data: seriesPoints(points, s.pick) }))
      .filter((s) => s.data.length > 0)
      .map((s) => {
        const canvas = el('canvas', {
          width: '320',
          height: '160',
          role: 'img',
          'aria-label': `${name}: ${s.title} over time, latest ${latestText(s)}`,
        });
        const ctx = canvas.getContext('2d');
        if (ctx !== null)
          drawLineChart(
            ctx,
            s.data,
            `${name}: ${s.title}`,
            s.unit,
            undefined,
            s.zeroMeans,
            s.valueText,
          );
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

/** How many sessions one page of the history shows. */
export const SESSIONS_PER_PAGE = 10;
/** The plots cover this much time (ms): eight weeks. */
export const PLOT_SPAN_MS = 8 * 7 * 24 * 3600 * 1000;

function sessionNode(
  sets: readonly SetRecord[],
  onDelete: () => void,
  onReport: () => void,
): HTMLElement {
  const first = sets[0];
  const sessionId = first?.sessionId ?? '';
  const del = el('button', { type: 'button' }, 'Delete this session');
  del.addEventListener('click', () => {
    if (confirm('Delete this session from the history?')) onDelete();
  });
  const report = el('button', { type: 'button', 'data-report': sessionId }, 'Report');
  report.addEventListener('click', onReport);
  const names = [...new Set(sets.map((s) => s.exerciseName))];
  const when = first === undefined ? '' : new Date(first.startedAtMs).toLocaleString();
  return el(
    'details',
    { open: '', 'data-session': sessionId },
    el(
      'summary',
      {},
      `${when} · ${names.join(', ')} · ${sets.length} set${sets.length === 1 ? '' : 's'}`,
    ),
    ...sets.map((s) =>
      setSummary(
        s,
        `${s.exerciseName}: ${s.formCheck !== undefined ? 'form check' : `set ${s.set}`}${s.completed ? '' : ' (interrupted)'}`,
      ),
    ),
    el('div', { class: 'buttons' }, report, del),
  );
}

/**
 * The history: progress plots of the last weeks, then the sessions newest first, a page at a
 * time ("Show older sessions"), how much the browser stores, export and delete.
 */
export class HistoryScreen {
  private page = 0;

  constructor(
    private readonly store: HistoryStore,
    private readonly openReport: (sessionId: string) => void,
    /** Called after each import that stored something (sets this tab could not store may be in it). */
    private readonly imported: () => void = () => {},
  ) {
    byId('export-csv').addEventListener(
      'click',
      () =>
        void this.store.backend
          .since(-Infinity)
          .then((s) => download('formcheck-history.csv', historyToCsv(s), 'text/csv')),
    );
    byId('export-json').addEventListener(
      'click',
      () =>
        void this.store.backend
          .since(-Infinity)
          .then((s) => download('formcheck-history.json', historyToJson(s), 'application/json')),
    );
    const file = byId<HTMLInputElement>('import-file');
    byId('import-json').addEventListener('click', () => file.click());
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (chosen !== undefined) void this.importFile(chosen);
    });
    byId('delete-all').addEventListener('click', () => {
      if (confirm('Delete the whole history? This cannot be undone.'))
        void this.store.backend.clear().then(() => this.render());
    });
    byId('history-more').addEventListener('click', () => void this.more());
  }

  /**
   * A history file read back (another browser's export, or sets this one could not store): what
   * came in and what did not is said under the buttons, and the history shown again.
   */
  private async importFile(file: File): Promise<void> {
    const said = byId('history-import');
    try {
      const { sets, skipped } = parseHistoryFile(await file.text());
      const counts = await this.store.importSets(sets);
      said.textContent = importMessage(file.name, counts, skipped, this.store.backend.persistent);
      if (counts.added + counts.updated > 0) this.imported();
    } catch (error) {
      said.textContent =
        error instanceof NotAHistoryFile
          ? `${file.name} was not imported. ${error.message}`
          : `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    await this.render(true);
  }

  /** The history shown anew; an import's message stays only right after the import. */
  async render(afterImport = false): Promise<void> {
    if (!afterImport) byId('history-import').textContent = '';
    this.page = 0;
    byId('history-list').replaceChildren();
    const recent = await this.store.backend.since(Date.now() - PLOT_SPAN_MS);
    byId('history-plots').replaceChildren(...plots(recent));
    const usage = await this.store.usageBytes();
    byId('history-usage').textContent = !this.store.backend.persistent
      ? 'History is off in this browser: sets last until the tab closes (download them).'
      : // The browser's estimate covers the whole site: the history and the models the service
        // worker keeps (~30 MB once cached; none from the dev server).
        `Kept in this browser only${usage === undefined ? '' : `: ${(usage / 1e6).toFixed(1)} MB stored by this site (the history and any models kept for offline use)`}.`;
    await this.more(true);
  }

  private async more(first = false): Promise<void> {
    const { sessions, more } = await this.store.backend.sessionsPage(this.page, SESSIONS_PER_PAGE);
    this.page += 1;
    const list = byId('history-list');
    if (first && sessions.length === 0)
      list.replaceChildren(
        el('p', {}, 'No sets yet. Finished reps are saved here as you do them.'),
      );
    for (const sets of sessions) {
      const id = sets[0]?.sessionId ?? '';
      list.append(
        sessionNode(
          sets,
          () => void this.store.backend.deleteSession(id).then(() => this.render()),
          () => this.openReport(id),
        ),
      );
    }
    byId('history-more').hidden = !more;
  }
}
