import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, makeY4m } from './chromium.ts';

const CLIP = join(import.meta.dirname, '..', 'fixtures', 'squat_front_band_woman_3reps.mp4');

describe('offline use', () => {
  it('works with no network after the first visit, models included', async () => {
    const context = await launch({ fakeCamera: await makeY4m(CLIP, 'band-offline', { fps: 10 }) });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      // First visit: the service worker installs and caches the app and the default model.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await page.reload();
      await page.click('[data-start="squat"]');
      await page.waitForFunction(
        () =>
          (globalThis as { formcheck?: { lastOverlay?: { pose: unknown } } }).formcheck?.lastOverlay
            ?.pose != null,
        undefined,
        { timeout: 90_000 },
      );
      expect(await page.locator('#error').isHidden()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
    } finally {
      await context.close();
    }
  });
});
