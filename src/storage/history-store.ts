import { HistoryDb, MemoryHistory, type HistoryBackend } from './history-db.ts';
import { gotFurther, type ImportCounts } from './import.ts';
import type { SetRecord } from './set-record.ts';

/** Retries of a failed write before the set is kept in memory only (ms after each failure). */
export const RETRY_DELAYS_MS: readonly number[] = [300, 1500];

const NO_STORAGE =
  "History is off: this browser does not let the page store data (a private window, or this site's data blocked in its settings?). Sets still run; download them at the end.";
const BLOCKED =
  'History is off in this tab: formcheck is open in another tab with an older version of it. Close that tab and reload this one. Sets still run; download them at the end.';
const UPDATED =
  'History is off in this tab: formcheck was updated in another tab. Reload this tab to keep saving to your history. Sets still run; download them at the end.';

/**
 * How long the history may take to open before the page goes on without it (ms). An open answers
 * in well under a second, an upgrade of a long history in a few; one that has not answered by
 * then may never answer (Safari has left `indexedDB.open` hanging until a reload), and the page's
 * buttons wait on it.
 */
export const OPEN_DEADLINE_MS = 10_000;
const NO_ANSWER =
  "History is off in this tab: the browser's storage did not answer. Reload the page to try again. Sets still run; download them at the end.";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The app's history: writes each set as it changes, retries a failed write, and keeps what could
 * not be written in memory so it can be downloaded, so the app never claims a set is saved when it
 * is not. Without IndexedDB it runs on memory and says so.
 */
export class HistoryStore {
  /** Per set id: where its latest version is stored (absent until it is). */
  private readonly storedIn = new Map<string, HistoryBackend>();
  private readonly latest = new Map<string, SetRecord>();
  private readonly chains = new Map<string, Promise<void>>();
  private current: HistoryBackend;
  private readonly offListeners: ((warning: string) => void)[] = [];

  constructor(
    backend: HistoryBackend,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {
    this.current = backend;
  }

  /** Where sets are written now: IndexedDB, or memory once history is off in this tab. */
  get backend(): HistoryBackend {
    return this.current;
  }

  /**
   * IndexedDB when the browser allows it, else memory with a warning to show. When another tab
   * holds an older version of the history open, the upgrade waits for that tab: this tab runs on
   * memory instead of waiting (a page that waited would show nothing), and lets go of the history
   * if the upgrade finishes later. The same when the open has not answered by `deadlineMs`. When
   * a newer version of the app upgrades the history from another tab later on, this tab lets it go
   * and goes on in memory (`onHistoryOff` says so).
   */
  static async open(
    factory?: IDBFactory,
    deadlineMs = OPEN_DEADLINE_MS,
  ): Promise<{ store: HistoryStore; warning?: string }> {
    const memory = (warning: string) => ({ store: new HistoryStore(new MemoryHistory()), warning });
    // A browser that refuses this site its data may throw at the very mention of indexedDB.
    const refused = (() => {
      try {
        return factory === undefined && typeof indexedDB === 'undefined';
      } catch {
        return true;
      }
    })();
    if (refused) return memory(NO_STORAGE);
    return new Promise((resolve) => {
      let gaveUp = false;
      let store: HistoryStore | undefined;
      const giveUp = (warning: string) => {
        if (gaveUp || store !== undefined) return;
        gaveUp = true;
        resolve(memory(warning));
      };
      const deadline = setTimeout(() => giveUp(NO_ANSWER), deadlineMs);
      HistoryDb.open(factory, {
        blocked: () => giveUp(BLOCKED),
        closed: () => store?.historyOff(UPDATED),
      }).then(
        (db) => {
          clearTimeout(deadline);
          if (gaveUp) {
            db.close();
            return;
          }
          store = new HistoryStore(db);
          resolve({ store });
        },
        (e: unknown) => {
          clearTimeout(deadline);
          // A newer version of the app has upgraded the history already: this tab is the old one.
          giveUp(e instanceof DOMException && e.name === 'VersionError' ? UPDATED : NO_STORAGE);
        },
      );
    });
  }

  /** Called with what to tell the person when history goes off in this tab after it opened. */
  onHistoryOff(listener: (warning: string) => void): void {
    this.offListeners.push(listener);
  }

  /**
   * The history was taken from this tab: sets are kept in memory from now on, to download. What
   * is stored already stays stored.
   */
  private historyOff(warning: string): void {
    if (!this.current.persistent) return;
    this.current = new MemoryHistory();
    for (const listener of this.offListeners) listener(warning);
  }

  /** Writes the set (retrying); resolves true when this version is stored. */
  save(record: SetRecord): Promise<boolean> {
    this.latest.set(record.id, record);
    this.storedIn.delete(record.id);
    const previous = this.chains.get(record.id) ?? Promise.resolve();
    const next = previous.then(() => this.write(record));
    this.chains.set(
      record.id,
      next.then(() => undefined),
    );
    return next;
  }

  private async write(record: SetRecord): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        const backend = this.current;
        await backend.save(record);
        // A newer version may be queued behind: only the latest counts as the set's state.
        if (this.latest.get(record.id) === record) this.storedIn.set(record.id, backend);
        return true;
      } catch {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) return false;
        await wait(delay);
      }
    }
  }

  /** Whether every version of every set handed to `save` so far is stored (after pending writes). */
  async settled(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  isSaved(recordId: string): boolean {
    return this.storedIn.get(recordId)?.persistent === true;
  }

  /**
   * Sets read from a history file, added to the history: a set not kept yet is added, one kept
   * already is replaced only by a copy that got further (`gotFurther`), and the rest are left as
   * they are. A write that fails is counted, not retried: the file still holds the set. A set this
   * tab could not store, brought back whole, is stored now (and no longer offered for download).
   */
  async importSets(sets: readonly SetRecord[]): Promise<ImportCounts> {
    const backend = this.current;
    const kept = new Map((await backend.since(-Infinity)).map((s) => [s.id, s]));
    const counts = { added: 0, updated: 0, same: 0, failed: 0 };
    for (const set of sets) {
      const mine = kept.get(set.id);
      if (mine !== undefined && !gotFurther(set, mine)) {
        counts.same += 1;
        continue;
      }
      try {
        await backend.save(set);
        kept.set(set.id, set);
        const unsaved = this.latest.get(set.id);
        if (unsaved !== undefined && !gotFurther(unsaved, set)) this.storedIn.set(set.id, backend);
        if (mine === undefined) counts.added += 1;
        else counts.updated += 1;
      } catch {
        counts.failed += 1;
      }
    }
    return counts;
  }

  /** Sets whose latest version is not in the browser's storage (to offer as a download). */
  unsaved(): SetRecord[] {
    return [...this.latest.values()].filter((r) => !this.isSaved(r.id));
  }

  /** Asks the browser not to evict the history under storage pressure. */
  async requestPersistence(): Promise<boolean> {
    const storage = globalThis.navigator?.storage;
    if (storage?.persist === undefined || !this.backend.persistent) return false;
    return storage.persist().catch(() => false);
  }

  /** Bytes used by this site's storage, when the browser tells. */
  async usageBytes(): Promise<number | undefined> {
    const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
    return estimate?.usage;
  }
}
