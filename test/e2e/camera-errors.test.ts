import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch } from './chromium.ts';

// Bad input gets a clear message in the page (and the rest of the app keeps working).
describe('camera problems', () => {
  it('says so when there is no camera at all', async () => {
    const context = await launch({ noCamera: true });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.click('[data-start="squat"]');
      const error = page.locator('#error');
      await error.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await error.textContent()).toMatch(/No camera was found/);
      expect(await error.getAttribute('role')).toBe('alert');
      await page.screenshot({ path: join(ARTIFACTS, 'error-no-camera.png') });
    } finally {
      await context.close();
    }
  });

  it('says how to fix a denied permission', async () => {
    const context = await launch({ cameraAllowed: false });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.click('[data-start="squat"]');
      const error = page.locator('#error');
      await error.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await error.textContent()).toMatch(/permission was denied.*Allow the camera/);
      await page.screenshot({ path: join(ARTIFACTS, 'error-permission-denied.png') });
    } finally {
      await context.close();
    }
  });
});
