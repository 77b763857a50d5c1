import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, type LaunchOptions } from './chromium.ts';

/** Starts a squat in a Chromium set up by `options`; returns the alert's text (screenshot kept). */
async function cameraAlert(
  options: LaunchOptions,
  screenshot: string,
): Promise<{ text: string | null; role: string | null }> {
  const context = await launch(options);
  try {
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.click('[data-start="squat"]');
    const alert = page.locator('[data-alert="camera"]');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, screenshot) });
    return {
      text: await alert.textContent(),
      role: await page.locator('#alerts').getAttribute('role'),
    };
  } finally {
    await context.close();
  }
}

// Bad input gets a clear message in the page (and the rest of the app keeps working).
describe('camera problems', () => {
  it('says so when there is no camera at all', async () => {
    const alert = await cameraAlert({ noCamera: true }, 'error-no-camera.png');
    expect(alert.text).toMatch(/No camera was found/);
    expect(alert.role).toBe('alert');
  });

  it('says how to fix a denied permission', async () => {
    const alert = await cameraAlert({ cameraAllowed: false }, 'error-permission-denied.png');
    expect(alert.text).toMatch(/permission was denied.*Allow the camera/);
  });
});
