import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, makeY4m } from './chromium.ts';
import { until } from './diagnostics.ts';

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
      await until(page, (s) => s.lastOverlay?.pose != null, 90_000);
      expect(await page.locator('#alerts').isHidden()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
    } finally {
      await context.close();
    }
  });
});
