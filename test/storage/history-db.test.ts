import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { HistoryDb, MemoryHistory, type HistoryBackend } from '../../src/storage/history-db.ts';
import { HistoryStore } from '../../src/storage/history-store.ts';
import type { SetRecord } from '../../src/storage/set-record.ts';
import { squatSetRecord } from '../support/set-records.ts';

const record = squatSetRecord;

/**
 * IndexedDB whose opens of the history answer `lateMs` late (Infinity: never, as Safari's have
 * hung until a reload); any other open, as another tab's, answers as usual.
 */
class LateFactory extends IDBFactory {
  constructor(private readonly lateMs: number) {
    super();
  }

  override open(name: string, version?: number): IDBOpenDBRequest {
    const request = super.open(name, version);
    if (version !== undefined && version > 2) return request;
    const add = request.addEventListener.bind(request);
    const lateMs = this.lateMs;
    request.addEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) => {
      if (type !== 'success' || typeof listener !== 'function') return add(type, listener, options);
      if (lateMs === Infinity) return;
      add(type, (e) => setTimeout(() => listener.call(request, e), lateMs), options);
    };
    return request;
  }
}

describe.each([
  ['IndexedDB (fake-indexeddb)', () => HistoryDb.open(new IDBFactory())],
  ['memory', () => Promise.resolve(new MemoryHistory())],
] as const)('history in %s', (_name, open: () => Promise<HistoryBackend>) => {
  it('keeps the latest version of a set written again after each rep', async () => {
    const db = await open();
    await db.save(record('a', 1, 1000));
    await db.save({ ...record('a', 1, 1000), completed: false, steps: 7 });
    const sets = await db.since(0);
    expect(sets).toHaveLength(1);
    expect(sets[0]?.steps).toBe(7);
  });

  it('pages sessions newest first, each with its sets in order', async () => {
    const db = await open();
    for (const [s, t] of [
      ['old', 1000],
      ['mid', 2000],
      ['new', 3000],
    ] as const) {
      await db.save(record(s, 2, t + 100));
      await db.save(record(s, 1, t));
    }
    const first = await db.sessionsPage(0, 2);
    expect(first.sessions.map((x) => x[0]?.sessionId)).toEqual(['new', 'mid']);
    expect(first.sessions[0]?.map((x) => x.set)).toEqual([1, 2]);
    expect(first.more).toBe(true);
    const second = await db.sessionsPage(1, 2);
    expect(second.sessions.map((x) => x[0]?.sessionId)).toEqual(['old']);
    expect(second.more).toBe(false);
  });

  it('deletes one session, or everything', async () => {
    const db = await open();
    await db.save(record('a', 1, 1000));
    await db.save(record('b', 1, 2000));
    await db.deleteSession('a');
    expect((await db.since(0)).map((s) => s.sessionId)).toEqual(['b']);
    await db.clear();
    expect(await db.since(0)).toEqual([]);
  });
});

describe('the history store', () => {
  const failing = (failures: number): HistoryBackend & { writes: number } => {
    const mem = new MemoryHistory();
    const backend = Object.assign(Object.create(mem) as MemoryHistory, {
      persistent: true,
      writes: 0,
      save(r: SetRecord) {
        backend.writes += 1;
        return backend.writes <= failures ? Promise.reject(new Error('quota')) : mem.save(r);
      },
    });
    return backend;
  };

  it('retries a failed write and reports the set saved once it is', async () => {
    const store = new HistoryStore(failing(1), [1, 1]);
    expect(await store.save(record('a', 1, 0))).toBe(true);
    expect(store.isSaved('a:1')).toBe(true);
    expect(store.unsaved()).toEqual([]);
  });

  it('never claims a set it could not write: it stays in memory, to download', async () => {
    const store = new HistoryStore(failing(99), [1, 1]);
    expect(await store.save(record('a', 1, 0))).toBe(false);
    expect(store.isSaved('a:1')).toBe(false);
    expect(store.unsaved().map((r) => r.id)).toEqual(['a:1']);
  });

  it('runs on memory and says why when another tab holds an older history open, then lets go of it', async () => {
    const factory = new IDBFactory();
    // A tab still running the first version: its connection ignores requests to upgrade.
    const older = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('formcheck', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('sets', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
    });
    const { store, warning } = await HistoryStore.open(factory);
    expect(warning).toMatch(/open in another tab.*Close that tab and reload this one/);
    expect(store.backend.persistent).toBe(false);
    await store.save(record('a', 1, 0));
    expect(store.unsaved()).toHaveLength(1);

    // The other tab closes: the upgrade finishes and this tab lets go of the history, so nothing
    // (another upgrade, the person clearing site data) waits on it.
    older.close();
    await new Promise<void>((resolve, reject) => {
      const deleting = factory.deleteDatabase('formcheck');
      deleting.onsuccess = () => resolve();
      deleting.onerror = () => reject(deleting.error ?? new Error('delete failed'));
    });
    expect((await HistoryStore.open(factory)).store.backend.persistent).toBe(true);
  });

  it('lets a newer version in another tab upgrade the history, and goes on in memory, saying so', async () => {
    const factory = new IDBFactory();
    const { store } = await HistoryStore.open(factory);
    const said: string[] = [];
    store.onHistoryOff((warning) => said.push(warning));
    expect(await store.save(record('a', 1, 0))).toBe(true);
    expect(store.isSaved('a:1')).toBe(true);

    // The app, updated, opens in another tab with a newer history: it is not kept waiting.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('formcheck', 3);
      request.onblocked = () => reject(new Error('the newer version was kept waiting'));
      request.onsuccess = () => resolve(request.result);
    });
    newer.close();
    expect(said).toEqual([expect.stringMatching(/updated in another tab\. Reload this tab/)]);
    // What was stored stays stored; what comes after is kept here, to download.
    expect(store.isSaved('a:1')).toBe(true);
    await store.save(record('a', 2, 1000));
    expect(store.isSaved('a:2')).toBe(false);
    expect(store.unsaved().map((r) => r.id)).toEqual(['a:2']);

    // Reloaded, the old version finds the history newer than itself, and says the same.
    const reloaded = await HistoryStore.open(factory);
    expect(reloaded.warning).toMatch(/updated in another tab\. Reload this tab/);
    expect(reloaded.store.backend.persistent).toBe(false);
  });

  it('goes on in memory, saying to reload, when the history does not answer in time', async () => {
    const factory = new LateFactory(Infinity);
    const { store, warning } = await HistoryStore.open(factory, 50);
    expect(warning).toMatch(/storage did not answer\. Reload the page to try again/);
    expect(store.backend.persistent).toBe(false);
    await store.save(record('a', 1, 0));
    expect(store.unsaved().map((r) => r.id)).toEqual(['a:1']);
  });

  it('lets go of a history that answers after the page went on without it', async () => {
    const factory = new LateFactory(200);
    const { store } = await HistoryStore.open(factory, 50);
    expect(store.backend.persistent).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Nothing waits on this tab: a newer version opening the history is not kept waiting.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('formcheck', 3);
      request.onblocked = () => reject(new Error('the late connection was kept open'));
      request.onsuccess = () => resolve(request.result);
    });
    newer.close();
  });

  it('waits for a history that opens slowly but within the time', async () => {
    const { store, warning } = await HistoryStore.open(new LateFactory(100), 2000);
    expect(warning).toBeUndefined();
    expect(store.backend.persistent).toBe(true);
  });

  it('without IndexedDB nothing counts as saved in the browser', async () => {
    const store = new HistoryStore(new MemoryHistory());
    await store.save(record('a', 1, 0));
    expect(store.isSaved('a:1')).toBe(false);
    expect(store.unsaved()).toHaveLength(1);
  });
});
