import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { recordSpeech, saidSoFar, shot, startExercise, storedSets } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { scratchDir } from '../support/scratch.ts';
import { OPEN_DEADLINE_MS } from '../../src/storage/history-store.ts';

const DOWEL = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
const SET_TIMEOUT_MS = 120_000;

/** A set of two squats with `sabotage` run before the page's own code. */
async function setWith(
  sabotage: () => void,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launch({ fakeCamera: await makeY4m(DOWEL, name, { fps: 15 }) });
  await context.addInitScript(sabotage);
  await context.addInitScript(recordSpeech);
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await startExercise(page, 'squat', { sets: 1, reps: 2 });
  await page.locator('[data-session-done]').waitFor({ timeout: SET_TIMEOUT_MS });
  return { context, page };
}

/** The last file of unsaved sets downloaded, kept where a person would keep it. */
let downloaded: string | undefined;

/** Presses the alert's download button and reads the file the browser saves. */
async function downloadUnsaved(page: Page): Promise<{ sets: { reps: unknown[] }[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-alert-action="storage"]'),
  ]);
  expect(download.suggestedFilename()).toBe('formcheck-unsaved-sets.json');
  downloaded = join(await scratchDir('formcheck-download-'), download.suggestedFilename());
  await download.saveAs(downloaded);
  return JSON.parse(readFileSync(downloaded, 'utf8')) as { sets: { reps: unknown[] }[] };
}

/** Chooses a file with History's "Import JSON", as a person does; returns what the page says. */
async function importFile(page: Page, path: string): Promise<string> {
  const said = page.locator('#history-import');
  const before = (await said.textContent()) ?? '';
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.click('#import-json'),
  ]);
  await chooser.setFiles(path);
  await page.waitForFunction((was) => {
    const now = document.getElementById('history-import')?.textContent ?? '';
    return now !== '' && now !== was;
  }, before);
  return (await said.textContent()) ?? '';
}

/**
 * Run before the page's code: IndexedDB's opens answer `lateMs` late, or never (null), as
 * Safari's have hung until a reload.
 */
function historyOpensLate(lateMs: number | null): void {
  const add = EventTarget.prototype.addEventListener;
  IDBOpenDBRequest.prototype.addEventListener = function late(
    this: IDBOpenDBRequest,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    if (type !== 'success' || typeof listener !== 'function') {
      add.call(this, type, listener, options);
      return;
    }
    if (lateMs === null) return;
    add.call(this, type, (e) => setTimeout(() => listener.call(this, e), lateMs), options);
  };
}

describe('history that never claims what it did not do', () => {
  it('runs a set without IndexedDB, says history is off, and offers the set as a download', async () => {
    const { context, page } = await setWith(() => {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    }, 'dowel-no-idb');
    try {
      await shot(page, 'storage-no-indexeddb');
      expect(await page.locator('[data-saved]').first().getAttribute('data-saved')).toBe('false');
      expect(await page.locator('#set-summary').textContent()).not.toMatch(/in your history/);
      // Said aloud too: two metres away, the person is about to walk off.
      const unsavedSaid =
        'This set could not be saved in this browser. Download it from the screen.';
      expect((await saidSoFar(page)).filter((t) => t === unsavedSaid)).toHaveLength(1);
      const file = await downloadUnsaved(page);
      expect(file.sets).toHaveLength(1);
      expect(file.sets[0]?.reps).toHaveLength(2);
    } finally {
      await context.close();
    }
  });

  it('works as on a first visit in a browser told to keep no site data, and offers the set', async () => {
    // Chromium's own setting ("Don't allow sites to save data"): localStorage throws on any use,
    // IndexedDB refuses to open. The page had stopped before drawing its exercises.
    const profile = await scratchDir('formcheck-no-site-data-');
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    const context = await launch({
      profileDir: profile,
      fakeCamera: await makeY4m(DOWEL, 'dowel-no-site-data', { fps: 15 }),
    });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      expect(
        await page.evaluate(() => {
          try {
            return localStorage.length;
          } catch (e) {
            return String(e);
          }
        }),
      ).toMatch(/^SecurityError/);
      expect(await page.locator('[data-alert="storage"]').textContent()).toMatch(
        /^History is off: .*this site's data blocked in its settings/,
      );
      // A choice holds for the visit, though it cannot be remembered.
      await page.click('summary:has-text("Settings")');
      await page.locator('#strictness-select').selectOption('strict');
      expect(await page.locator('#strictness-select').inputValue()).toBe('strict');
      await page.click('summary:has-text("Settings")');
      await startExercise(page, 'squat', { sets: 1, reps: 2 });
      await page.locator('[data-session-done]').waitFor({ timeout: SET_TIMEOUT_MS });
      await shot(page, 'storage-no-site-data');
      expect(await page.locator('[data-summary-line]').first().textContent()).toMatch(/^2 reps/);
      const file = await downloadUnsaved(page);
      expect(file.sets[0]?.reps).toHaveLength(2);
    } finally {
      await context.close();
    }
  });

  it('retries a failing write, then says the set was not saved and offers it', async () => {
    const { context, page } = await setWith(() => {
      // The disk is full until the person frees space (`diskFull = false`).
      const put = IDBObjectStore.prototype.put;
      Object.assign(globalThis, { diskFull: true });
      IDBObjectStore.prototype.put = function full(
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ): IDBRequest {
        if ((globalThis as { diskFull?: boolean }).diskFull === true)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }, 'dowel-write-fails');
    try {
      await page.locator('[data-saved="false"]').first().waitFor();
      await shot(page, 'storage-write-failed');
      expect(await page.locator('#set-summary').textContent()).not.toMatch(/in your history/);
      expect(await page.locator('[data-alert="storage"]').textContent()).toMatch(
        /could not be saved/,
      );
      expect(await storedSets(page)).toEqual([]);
      const file = await downloadUnsaved(page);
      expect(file.sets[0]?.reps).toHaveLength(2);
      // Space freed, the download is imported back in the same tab: the set is stored, and the
      // alert offering it goes (it stayed up, offering a set the history already held).
      await page.evaluate(() => Object.assign(globalThis, { diskFull: false }));
      await page.click('[data-nav="history"]');
      expect(await importFile(page, downloaded ?? '')).toBe(
        'Imported 1 set from formcheck-unsaved-sets.json (1 new).',
      );
      expect((await storedSets(page)).map((s) => s.reps.length)).toEqual([2]);
      expect(await page.locator('[data-alert="storage"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('opens at once when another tab holds an older history open, says how to get it back', async () => {
    const context = await launch();
    try {
      // A tab still on the first version of the history (before its session index), which
      // ignores the request to upgrade: the upgrade would wait for it to close.
      const older = await context.newPage();
      await older.goto(new URL('/manifest.webmanifest', inject('baseUrl')).href);
      await older.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const request = indexedDB.open('formcheck', 1);
            request.onupgradeneeded = () =>
              request.result.createObjectStore('sets', { keyPath: 'id' });
            request.onsuccess = () => {
              Object.assign(globalThis, { held: request.result });
              resolve();
            };
          }),
      );
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      const alert = page.locator('[data-alert="storage"]');
      expect(await alert.textContent({ timeout: 10_000 })).toMatch(
        /^History is off in this tab: formcheck is open in another tab.*Close that tab and reload this one/,
      );
      await page.locator('[data-exercise="squat"]').waitFor();
      await shot(page, 'storage-blocked');

      await older.close();
      await page.reload();
      await page.locator('[data-exercise="squat"]').waitFor();
      expect(await alert.count()).toBe(0);
      // The history was upgraded when the other tab let go of it.
      expect(
        await page.evaluate(async () =>
          (await indexedDB.databases()).map(({ name, version }) => ({ name, version })),
        ),
      ).toEqual([{ name: 'formcheck', version: 2 }]);
    } finally {
      await context.close();
    }
  });

  it('lets a newer version in another tab have the history, and says to reload', async () => {
    const context = await launch();
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.locator('[data-exercise="squat"]').waitFor();
      // formcheck, updated, opened in another tab: its newer history opens at once.
      const newer = await context.newPage();
      await newer.goto(new URL('/manifest.webmanifest', inject('baseUrl')).href);
      const opened = await newer.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const request = indexedDB.open('formcheck', 3);
            request.onblocked = () => resolve('blocked');
            request.onsuccess = () => {
              request.result.close();
              resolve('opened');
            };
          }),
      );
      expect(opened).toBe('opened');
      const said =
        /^History is off in this tab: formcheck was updated in another tab\. Reload this tab/;
      expect(await page.locator('[data-alert="history-off"]').textContent()).toMatch(said);
      await shot(page, 'storage-updated-elsewhere');
      // This tab's code is still the old one: reloaded, it says the same, and still opens.
      await page.reload();
      await page.locator('[data-exercise="squat"]').waitFor();
      expect(await page.locator('[data-alert="storage"]').textContent()).toMatch(said);
    } finally {
      await context.close();
    }
  });

  it('keeps its buttons off while a slow history opens, so the first click is not lost', async () => {
    const context = await launch();
    try {
      const page = await context.newPage();
      // A slow disk: the history opens 3 s late.
      await page.addInitScript(historyOpensLate, 3000);
      await page.goto(inject('baseUrl'));
      for (const id of ['#start-routine', '#start-check', '#video-file', '#model-select'])
        expect(await page.locator(id).isDisabled()).toBe(true);
      // Pressed at once, as a person who knows the app does: taken once the page can act on it.
      await page.click('header [data-nav="history"]');
      await page.locator('#screen-history').waitFor();
      expect(await page.locator('#start-check').isDisabled()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('goes on without a history that never answers, and says to reload', async () => {
    const context = await launch();
    try {
      const page = await context.newPage();
      await page.addInitScript(historyOpensLate, null);
      await page.goto(inject('baseUrl'));
      await page
        .locator('#alerts', { hasText: /storage did not answer\. Reload the page/ })
        .waitFor({ timeout: OPEN_DEADLINE_MS + 10_000 });
      for (const id of ['#start-routine', '#start-check', '#video-file', '#model-select'])
        expect(await page.locator(id).isDisabled()).toBe(false);
      await shot(page, 'history-no-answer');
    } finally {
      await context.close();
    }
  });

  it('takes the downloaded set back into the history of a browser that can store it', async () => {
    expect(downloaded).toBeDefined();
    const file = downloaded ?? '';
    const context = await launch();
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.click('[data-nav="history"]');
      expect(await importFile(page, file)).toBe(
        'Imported 1 set from formcheck-unsaved-sets.json (1 new).',
      );
      await page.waitForSelector('[data-session] [data-summary-line]');
      await shot(page, 'storage-imported');
      expect(
        await page.locator('[data-session] [data-summary-line]').first().textContent(),
      ).toMatch(/^2 reps/);
      const stored = await storedSets(page);
      expect(stored.map((s) => s.reps.length)).toEqual([2]);
      // Twice is no double: the set is there already.
      expect(await importFile(page, file)).toBe(
        'Nothing new in formcheck-unsaved-sets.json: its set is already in the history.',
      );
      // Not a history: said, and the history is as it was.
      const csv = join(await scratchDir('formcheck-not-history-'), 'formcheck-history.csv');
      writeFileSync(csv, 'date,session,exercise\n');
      expect(await importFile(page, csv)).toBe(
        'formcheck-history.csv was not imported. It is not a formcheck history file (it is not JSON).',
      );
      // Kept across a reload, as any set is.
      await page.reload();
      await page.click('[data-nav="history"]');
      await page.waitForSelector('[data-session] [data-summary-line]');
      expect(await page.locator('[data-session]').count()).toBe(1);
      expect((await storedSets(page)).map((s) => s.reps.length)).toEqual([2]);
    } finally {
      await context.close();
    }
  });
});
