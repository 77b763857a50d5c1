import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot, startExercise } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { deployNewVersion, deploySite } from './deployed-site.ts';
import { snapshot, until } from './diagnostics.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { UPDATE_READY } from '../../src/app/update-notice.ts';

const DOWEL = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
/** Loading the model in a fresh worker on a slow CI machine, with room (ms). */
const POSES_TIMEOUT_MS = 90_000;

/** Asks the browser to look for a new service worker now and waits until it controls the page. */
async function takeUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const sw = navigator.serviceWorker;
    const registration = await sw.getRegistration();
    if (registration === undefined) throw new Error('no service worker registered');
    const taken = new Promise<void>((resolve) =>
      sw.addEventListener('controllerchange', () => resolve()),
    );
    await registration.update();
    await taken;
    const active = registration.active;
    if (active !== null && active.state !== 'activated')
      await new Promise<void>((resolve) =>
        active.addEventListener('statechange', () => {
          if (active.state === 'activated') resolve();
        }),
      );
  });
}

const alerts = (page: Page) => page.locator('#alerts').textContent();

/** A first visit: the service worker installs, and the page is reloaded under it. */
async function visitUnderServiceWorker(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** What each of the app's caches holds: its name, whether it has the page, how many files. */
const cachesHeld = (page: Page) =>
  page.evaluate(async () =>
    Promise.all(
      (await caches.keys()).map(async (name) => {
        const cache = await caches.open(name);
        const paths = (await cache.keys()).map((r) => new URL(r.url).pathname);
        return {
          name,
          page: paths.includes('/'),
          onlyHashed: paths.every((p) => p.startsWith('/assets/')),
        };
      }),
    ),
  );

describe('an update deployed while the app is open', () => {
  it('leaves an open tab running on its own files: its pose worker restarts after the update, with no network', async () => {
    const folder = await scratchDir('formcheck-site-');
    const site = await deploySite(folder);
    const context = await launch({ fakeCamera: await makeY4m(DOWEL, 'dowel-update', { fps: 15 }) });
    try {
      const page = await context.newPage();
      await visitUnderServiceWorker(page, site.url);
      await startExercise(page, 'squat', { sets: 1, reps: 20 });
      await until(page, (s) => s.lastOverlay?.pose != null, POSES_TIMEOUT_MS);

      // The new version goes up; the host no longer has this tab's hashed files.
      const oldFiles = await deployNewVersion(folder, 'v2');
      await takeUpdate(page);
      for (const file of oldFiles) expect(await site.serves(file), file).toBe(false);
      // The tab is told, and reloads when the person chooses.
      await page.locator('[data-alert="update"]', { hasText: UPDATE_READY }).waitFor();

      // The tab loads its worker and the worker its wasm again, from the host or the cache: the
      // old version's files, which only the cache still has.
      await context.setOffline(true);
      const before = await snapshot(page);
      await page.evaluate(() =>
        (globalThis as unknown as { formcheck: { crashWorker(): void } }).formcheck.crashWorker(),
      );
      await until(
        page,
        (s) => s.restarts >= 1 && s.analysed > before.analysed + 2,
        POSES_TIMEOUT_MS,
      );
      expect(await alerts(page)).toBe(UPDATE_READY + 'Reload');
      await shot(page, 'update-old-tab-worker-restarted');

      // A tab opened now runs the new version, offline too.
      const fresh = await context.newPage();
      await fresh.goto(site.url);
      const script = await fresh.locator('script[type="module"]').first().getAttribute('src');
      expect(script).toMatch(/-v2\.js$/);
      await startExercise(fresh, 'squat', { sets: 1, reps: 20 });
      await until(fresh, (s) => s.lastOverlay?.pose != null, POSES_TIMEOUT_MS);
      expect(await alerts(fresh)).toBe('');

      // The old tab's Reload brings it the new version.
      await Promise.all([page.waitForEvent('load'), page.click('[data-alert-action="update"]')]);
      expect(await page.locator('script[type="module"]').first().getAttribute('src')).toMatch(
        /-v2\.js$/,
      );
      expect(await alerts(page)).toBe('');
    } finally {
      await context.close();
      await site.close();
      await removeScratch(folder);
    }
  });

  it('keeps only the version before for tabs still running it, and lets older ones go', async () => {
    const folder = await scratchDir('formcheck-site-');
    const site = await deploySite(folder);
    const context = await launch();
    try {
      const page = await context.newPage();
      await visitUnderServiceWorker(page, site.url);
      const [first] = await cachesHeld(page);
      await deployNewVersion(folder, 'v2');
      await takeUpdate(page);
      expect(await cachesHeld(page)).toEqual([
        { name: first?.name, page: false, onlyHashed: true },
        { name: 'formcheck-v2', page: true, onlyHashed: false },
      ]);
      await deployNewVersion(folder, 'v3');
      await takeUpdate(page);
      expect(await cachesHeld(page)).toEqual([
        { name: 'formcheck-v2', page: false, onlyHashed: true },
        { name: 'formcheck-v3', page: true, onlyHashed: false },
      ]);
    } finally {
      await context.close();
      await site.close();
      await removeScratch(folder);
    }
  });
});
