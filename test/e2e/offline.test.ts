import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, makeY4m } from './chromium.ts';
import { until } from './diagnostics.ts';

const CLIP = join(import.meta.dirname, '..', 'fixtures', 'squat_front_band_woman_3reps.mp4');

/** Opens the app and waits until its service worker is installed and controls the page. */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('offline use', () => {
  it('works with no network after the first visit, models included', async () => {
    const context = await launch({ fakeCamera: await makeY4m(CLIP, 'band-offline', { fps: 10 }) });
    try {
      const page = await context.newPage();
      // First visit: the service worker installs and caches the app and the default model.
      await firstVisit(page);
      await context.setOffline(true);
      await page.reload();
      await page.click('[data-start="squat"]');
      await until(page, (s) => s.lastOverlay?.pose != null, 90_000);
      expect(await page.locator('#alerts').textContent()).toBe('');
      await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
    } finally {
      await context.close();
    }
  });

  it('is installable: a valid manifest with icons, and a service worker that controls the page', async () => {
    const context = await launch();
    try {
      const page = await context.newPage();
      await firstVisit(page);
      // Chromium's own verdict: the manifest parses, and nothing stops it offering to install.
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as {
        url: string;
        errors: unknown[];
        data?: string;
      };
      expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
      const m = JSON.parse(manifest.data ?? '{}') as {
        name?: string;
        display?: string;
        theme_color?: string;
        icons?: { src: string; sizes: string; type: string }[];
      };
      expect(m.name).toBe('formcheck');
      expect(m.display).toBe('standalone');
      expect(m.theme_color).toMatch(/^#/);
      for (const icon of m.icons ?? []) {
        const response = await page.request.get(new URL(icon.src, page.url()).href);
        expect(response.status(), icon.src).toBe(200);
        expect(response.headers()['content-type'], icon.src).toContain(icon.type);
        if (icon.type === 'image/png') {
          // The PNG header's own width and height match what the manifest says.
          const png = await response.body();
          expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
        }
      }
      expect(m.icons?.some((i) => i.sizes === '512x512')).toBe(true);
      const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installability.installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
