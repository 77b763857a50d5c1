import type { SetRecord } from './set-record.ts';

const DB_NAME = 'formcheck';
const DB_VERSION = 1;
const SETS = 'sets';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Workout history in IndexedDB. Each set is written again after every rep and hold (a `put` of
 * the whole record, a few kB), so a reload or a crash mid-set keeps every completed rep.
 */
export class HistoryDb {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory = indexedDB): Promise<HistoryDb> {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(SETS, { keyPath: 'id' });
      store.createIndex('byStart', 'startedAtMs');
    };
    return new HistoryDb(await request(req));
  }

  async save(record: SetRecord): Promise<void> {
    const tx = this.db.transaction(SETS, 'readwrite');
    tx.objectStore(SETS).put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  }

  async all(): Promise<SetRecord[]> {
    const tx = this.db.transaction(SETS, 'readonly');
    const sets = await request(tx.objectStore(SETS).index('byStart').getAll());
    return sets as SetRecord[];
  }

  async deleteSession(sessionId: string): Promise<void> {
    const all = await this.all();
    const tx = this.db.transaction(SETS, 'readwrite');
    for (const s of all) if (s.sessionId === sessionId) tx.objectStore(SETS).delete(s.id);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB delete failed'));
    });
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(SETS, 'readwrite');
    await request(tx.objectStore(SETS).clear());
  }

  close(): void {
    this.db.close();
  }
}
