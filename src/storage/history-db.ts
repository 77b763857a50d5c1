import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { inSessionOrder, type SetRecord } from './set-record.ts';

/** The typed IndexedDB schema (idb): one store of sets, indexed by start time and by session. */
interface FormcheckSchema extends DBSchema {
  sets: {
    key: string;
    value: SetRecord;
    indexes: { byStart: number; bySession: string };
  };
}

const DB_NAME = 'formcheck';
/** Version 2 added the session index (deleting a session no longer reads every set). */
const DB_VERSION = 2;

/** Where history is kept: IndexedDB here, or memory when the browser has none (history-store.ts). */
export interface HistoryBackend {
  readonly persistent: boolean;
  save(record: SetRecord): Promise<void>;
  /** Sets started at or after `sinceMs`, oldest first (plots, exports). */
  since(sinceMs: number): Promise<SetRecord[]>;
  /** The sessions of one page, newest first: each session's sets, in set order. */
  sessionsPage(page: number, perPage: number): Promise<{ sessions: SetRecord[][]; more: boolean }>;
  /** One session's sets, in order. */
  session(sessionId: string): Promise<SetRecord[]>;
  deleteSession(sessionId: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Workout history in IndexedDB through `idb` (typed schema, upgrade path). Each set is written
 * again after every rep and hold (a `put` of the whole record, a few kB), so a reload or a crash
 * mid-set keeps every completed rep.
 */
export class HistoryDb implements HistoryBackend {
  readonly persistent = true;

  private constructor(private readonly db: IDBPDatabase<FormcheckSchema>) {}

  /**
   * Opens the history, upgrading it from an older version. `blocked` is called when a tab still
   * holds the older version open (the open then waits until that tab closes it); `closed` when a
   * newer version of the app asks, from another tab, to upgrade it: this connection is closed at
   * once so that upgrade goes ahead, and this object writes nothing more.
   */
  static async open(
    factory?: IDBFactory,
    on: { blocked?: () => void; closed?: () => void } = {},
  ): Promise<HistoryDb> {
    const g = globalThis as { indexedDB?: IDBFactory | undefined };
    const previous = g.indexedDB;
    // idb opens through the global factory; tests hand in fake-indexeddb's.
    if (factory !== undefined) g.indexedDB = factory;
    try {
      const db: IDBPDatabase<FormcheckSchema> = await openDB<FormcheckSchema>(DB_NAME, DB_VERSION, {
        upgrade(database, oldVersion, _newVersion, tx) {
          if (oldVersion < 1) {
            const sets = database.createObjectStore('sets', { keyPath: 'id' });
            sets.createIndex('byStart', 'startedAtMs');
          }
          if (oldVersion < 2) tx.objectStore('sets').createIndex('bySession', 'sessionId');
        },
        blocked: () => on.blocked?.(),
        blocking: () => {
          db.close();
          on.closed?.();
        },
      });
      return new HistoryDb(db);
    } finally {
      if (factory !== undefined) g.indexedDB = previous;
    }
  }

  async save(record: SetRecord): Promise<void> {
    await this.db.put('sets', record);
  }

  async since(sinceMs: number): Promise<SetRecord[]> {
    return this.db.getAllFromIndex('sets', 'byStart', IDBKeyRange.lowerBound(sinceMs));
  }

  async sessionsPage(
    page: number,
    perPage: number,
  ): Promise<{ sessions: SetRecord[][]; more: boolean }> {
    // Newest first, by each session's first set: walk the start index backwards.
    const order: string[] = [];
    let cursor = await this.db.transaction('sets').store.index('byStart').openCursor(null, 'prev');
    const want = (page + 1) * perPage + 1;
    while (cursor !== null && order.length < want) {
      const id = cursor.value.sessionId;
      if (!order.includes(id)) order.push(id);
      cursor = await cursor.continue();
    }
    const ids = order.slice(page * perPage, (page + 1) * perPage);
    const sessions = await Promise.all(
      ids.map(async (id) =>
        (await this.db.getAllFromIndex('sets', 'bySession', id)).sort(inSessionOrder),
      ),
    );
    return { sessions, more: order.length > (page + 1) * perPage };
  }

  async session(sessionId: string): Promise<SetRecord[]> {
    return (await this.db.getAllFromIndex('sets', 'bySession', sessionId)).sort(inSessionOrder);
  }

  async deleteSession(sessionId: string): Promise<void> {
    const tx = this.db.transaction('sets', 'readwrite');
    const keys = await tx.store.index('bySession').getAllKeys(sessionId);
    await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  }

  async clear(): Promise<void> {
    await this.db.clear('sets');
  }

  close(): void {
    this.db.close();
  }
}

/** History kept in this tab only, when IndexedDB is unavailable (a private window, a policy). */
export class MemoryHistory implements HistoryBackend {
  readonly persistent = false;
  private readonly sets = new Map<string, SetRecord>();

  save(record: SetRecord): Promise<void> {
    this.sets.set(record.id, record);
    return Promise.resolve();
  }

  since(sinceMs: number): Promise<SetRecord[]> {
    return Promise.resolve(
      [...this.sets.values()]
        .filter((s) => s.startedAtMs >= sinceMs)
        .sort((a, b) => a.startedAtMs - b.startedAtMs),
    );
  }

  async sessionsPage(page: number, perPage: number) {
    const all = await this.since(-Infinity);
    const ids = [...new Set(all.map((s) => s.sessionId))].reverse();
    const slice = ids.slice(page * perPage, (page + 1) * perPage);
    return {
      sessions: slice.map((id) => all.filter((s) => s.sessionId === id).sort(inSessionOrder)),
      more: ids.length > (page + 1) * perPage,
    };
  }

  async session(sessionId: string): Promise<SetRecord[]> {
    return (await this.since(-Infinity)).filter((s) => s.sessionId === sessionId);
  }

  deleteSession(sessionId: string): Promise<void> {
    for (const [k, s] of this.sets) if (s.sessionId === sessionId) this.sets.delete(k);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.sets.clear();
    return Promise.resolve();
  }
}
