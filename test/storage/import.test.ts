import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { historyToJson } from '../../src/storage/export.ts';
import { HistoryDb, MemoryHistory, type HistoryBackend } from '../../src/storage/history-db.ts';
import { HistoryStore } from '../../src/storage/history-store.ts';
import {
  gotFurther,
  importMessage,
  NotAHistoryFile,
  parseHistoryFile,
} from '../../src/storage/import.ts';
import type { SetRecord } from '../../src/storage/set-record.ts';
import { squatSetRecord } from '../support/set-records.ts';
import { fixtureTrack } from '../support/tracks.ts';

// A history file read back: what "Export JSON" wrote in another browser, or the sets this one
// could not store, offered as a download. The sets are real: the reps `formcheck analyze` reads
// from the committed squat clip, with their verdicts and faults.

const LEAN = join(import.meta.dirname, '..', 'fixtures', 'squat_front_FORWARD_LEAN_mlsac_1rep.mp4');
const DOWEL = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');

/** A set of squats as the app keeps it, its reps read from `clip`'s committed pose track. */
function squatSet(session: string, set: number, clip: string, startedAtMs: number): SetRecord {
  const report = analyzeTrack(fixtureTrack(clip), 'squat');
  return {
    ...squatSetRecord(session, set, startedAtMs),
    strictness: 'standard',
    poseModel: 'blazepose-full',
    reps: report.reps ?? [],
    faults: report.faults,
  };
}

const A1 = squatSet('a', 1, DOWEL, Date.UTC(2026, 11, 1, 8));
const A2 = squatSet('a', 2, LEAN, Date.UTC(2026, 11, 1, 8, 3));

describe('reading a history file', () => {
  it('reads back every set "Export JSON" wrote, as it was', () => {
    expect(A1.reps.length).toBe(2);
    expect(A2.faults.map((f) => f.code)).toContain('forward-lean');
    const { sets, skipped } = parseHistoryFile(historyToJson([A1, A2]));
    expect(sets).toEqual([A1, A2]);
    expect(skipped).toEqual([]);
  });

  it('says why a file is not a history at all', () => {
    const reason = (text: string) => {
      try {
        parseHistoryFile(text);
      } catch (error) {
        expect(error).toBeInstanceOf(NotAHistoryFile);
        return (error as Error).message;
      }
      throw new Error('read as a history');
    };
    expect(reason('date,session,exercise\n')).toBe(
      'It is not a formcheck history file (it is not JSON).',
    );
    expect(reason('{"sets": []}')).toMatch(
      /^It is not a formcheck history file: choose one made by/,
    );
    expect(reason(JSON.stringify({ format: 'formcheck-history', version: 2, sets: [] }))).toBe(
      'It was written by another version of formcheck (history format 2); this one reads format 1.',
    );
  });

  it('leaves out a set the screens could not show, says why, and reads the rest', () => {
    const file = JSON.parse(historyToJson([A1, A2, A1])) as { sets: Record<string, unknown>[] };
    file.sets[0] = { ...file.sets[0], exerciseId: 'burpee' };
    const rep = { ...(A2.reps[0] as object), faults: [{ code: 'wobble' }] };
    file.sets[2] = { ...file.sets[2], reps: [rep] };
    const { sets, skipped } = parseHistoryFile(JSON.stringify(file));
    expect(sets).toEqual([A2]);
    expect(skipped).toEqual([
      { index: 0, why: 'its exercise "burpee" is not one this version knows' },
      { index: 2, why: 'a fault\'s code "wobble" is not one this version knows' },
    ]);
  });

  it('leaves out a set whose numbers are not numbers (the screens print them)', () => {
    const file = JSON.parse(historyToJson([A1, A2])) as { sets: Record<string, unknown>[] };
    const [rep] = A1.reps;
    file.sets[0] = {
      ...file.sets[0],
      reps: [{ ...rep, phases: { ...rep?.phases, downSec: '3' } }],
    };
    file.sets[1] = { ...file.sets[1], prescription: { ...A2.prescription, reps: 'ten' } };
    expect(parseHistoryFile(JSON.stringify(file)).skipped).toEqual([
      { index: 0, why: "a rep's phases are not readable" },
      { index: 1, why: 'its prescription is not one for Bodyweight squat' },
    ]);
  });

  it('takes a form check still only as an image the app drew, never an address elsewhere', () => {
    const line = { check: 'depth', label: 'Depth', status: 'pass', text: 'thighs level' };
    const withStill = (still: string) =>
      parseHistoryFile(historyToJson([{ ...A1, formCheck: [{ ...line, still }] } as SetRecord]));
    expect(withStill('data:image/png;base64,iVBORw0KGgo=').sets).toHaveLength(1);
    expect(withStill('https://example.com/pixel.png').skipped).toEqual([
      { index: 0, why: "a form check's still is not an image the app drew" },
    ]);
  });
});

describe('a set already kept', () => {
  it('is replaced only by a copy that got further', () => {
    const firstRepOnly = { ...A1, completed: false, reps: A1.reps.slice(0, 1) };
    expect(gotFurther(A1, firstRepOnly)).toBe(true);
    expect(gotFurther(firstRepOnly, A1)).toBe(false);
    expect(gotFurther(A1, A1)).toBe(false);
  });
});

describe.each([
  ['IndexedDB (fake-indexeddb)', () => HistoryDb.open(new IDBFactory())],
  ['memory', () => Promise.resolve(new MemoryHistory())],
] as const)('importing into history in %s', (_name, open: () => Promise<HistoryBackend>) => {
  it('adds new sets, completes one kept part-way, and leaves the rest as they are', async () => {
    const backend = await open();
    const store = new HistoryStore(backend, []);
    // This browser kept set 1 after its first rep only (its later writes failed) and set 2 whole.
    await backend.save({ ...A1, completed: false, reps: A1.reps.slice(0, 1) });
    await backend.save(A2);
    const b1 = squatSet('b', 1, DOWEL, Date.UTC(2026, 11, 2, 8));
    const counts = await store.importSets([A1, A2, b1]);
    expect(counts).toEqual({ added: 1, updated: 1, same: 1, failed: 0 });
    expect(await backend.since(-Infinity)).toEqual([A1, A2, b1]);
    // Imported again: nothing changes.
    expect(await store.importSets([A1, A2, b1])).toEqual({
      added: 0,
      updated: 0,
      same: 3,
      failed: 0,
    });
  });
});

/** A browser that refuses to store session a's sets (its quota, say). */
class RefusesSessionA extends MemoryHistory {
  override save(r: SetRecord): Promise<void> {
    return r.sessionId === 'a' ? Promise.reject(new Error('quota')) : super.save(r);
  }
}

it('counts a set the browser would not store, and keeps going', async () => {
  const b1 = squatSet('b', 1, DOWEL, Date.UTC(2026, 11, 2, 8));
  expect(await new HistoryStore(new RefusesSessionA(), []).importSets([A1, b1])).toEqual({
    added: 1,
    updated: 0,
    same: 0,
    failed: 1,
  });
});

it('stores a set this tab could not, once its download is imported, and offers it no more', async () => {
  const db = await HistoryDb.open(new IDBFactory());
  let full = true;
  // IndexedDB whose writes fail while the disk is full (the quota), as the browser's would.
  const quota: HistoryBackend = {
    persistent: true,
    save: (r) => (full ? Promise.reject(new Error('quota')) : db.save(r)),
    since: (ms) => db.since(ms),
    sessionsPage: (page, perPage) => db.sessionsPage(page, perPage),
    session: (id) => db.session(id),
    deleteSession: (id) => db.deleteSession(id),
    clear: () => db.clear(),
  };
  const store = new HistoryStore(quota, []);
  expect(await store.save(A1)).toBe(false);
  expect(store.unsaved()).toEqual([A1]);
  // Room made, the download imported back.
  full = false;
  expect(await store.importSets(parseHistoryFile(historyToJson(store.unsaved())).sets)).toEqual({
    added: 1,
    updated: 0,
    same: 0,
    failed: 0,
  });
  expect(store.unsaved()).toEqual([]);
  expect(await db.since(-Infinity)).toEqual([A1]);
});

describe('what the history screen says after an import', () => {
  const none = { added: 0, updated: 0, same: 0, failed: 0 };
  it('names what came in and what was there already', () => {
    expect(
      importMessage(
        'formcheck-history.json',
        { ...none, added: 10, updated: 1, same: 2 },
        [],
        true,
      ),
    ).toBe(
      'Imported 11 sets from formcheck-history.json (10 new, 1 more complete than the copy kept); 2 sets already in the history.',
    );
    expect(importMessage('h.json', { ...none, same: 1 }, [], true)).toBe(
      'Nothing new in h.json: its set is already in the history.',
    );
    expect(importMessage('h.json', none, [], true)).toBe('h.json holds no sets.');
  });

  it('says what was left out, what could not be stored, and when history is off', () => {
    expect(
      importMessage(
        'h.json',
        { ...none, added: 1, failed: 2 },
        [{ index: 4, why: 'its date is missing' }],
        false,
      ),
    ).toBe(
      'Imported 1 set from h.json (1 new). 1 set could not be read and was left out (set 5 in the file: its date is missing). 2 sets could not be stored in this browser; the file still holds them. History is off in this browser: the imported sets last until the tab closes.',
    );
  });
});
