import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { recordSpeech, saidSoFar, shot, startExercise, storedSets } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';

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

/** Presses the alert's download button and reads the file the browser saves. */
async function downloadUnsaved(page: Page): Promise<{ sets: { reps: unknown[] }[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-alert-action="storage"]'),
  ]);
  expect(download.suggestedFilename()).toBe('formcheck-unsaved-sets.json');
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as { sets: { reps: unknown[] }[] };
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

  it('retries a failing write, then says the set was not saved and offers it', async () => {
    const { context, page } = await setWith(() => {
      IDBObjectStore.prototype.put = function put(): IDBRequest {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
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
    } finally {
      await context.close();
    }
  });
});
