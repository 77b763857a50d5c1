import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, makeY4m, type LaunchOptions } from './chromium.ts';

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

  it('leaves the camera off when the person goes back while the browser is still opening it', async () => {
    // The browser takes a while to hand over a camera (its permission prompt, a camera waking up):
    // 1.5 s here, the real camera behind it. A person who goes back home meanwhile must not find the
    // camera on behind the home screen once it comes.
    const clip = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
    const context: BrowserContext = await launch({
      fakeCamera: await makeY4m(clip, 'dowel-slow-camera', { seconds: 2 }),
    });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const streams: MediaStream[] = [];
        (globalThis as { cameraStreams?: MediaStream[] }).cameraStreams = streams;
        const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async (constraints) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          const stream = await open(constraints);
          streams.push(stream);
          return stream;
        };
      });
      await page.goto(inject('baseUrl'));
      await page.click('[data-start="squat"]');
      await page.waitForTimeout(300);
      await page.keyboard.press('Escape');
      await page.locator('#screen-home').waitFor({ state: 'visible' });
      await page.waitForFunction(
        () => ((globalThis as { cameraStreams?: MediaStream[] }).cameraStreams ?? []).length > 0,
      );
      await page.waitForTimeout(500);
      const live = await page.evaluate(
        () =>
          ((globalThis as { cameraStreams?: MediaStream[] }).cameraStreams ?? [])
            .flatMap((s) => s.getTracks())
            .filter((t) => t.readyState === 'live').length,
      );
      expect(live, 'camera tracks still live').toBe(0);
      expect(
        await page.evaluate(() => (document.getElementById('video') as HTMLVideoElement).srcObject),
      ).toBeNull();
    } finally {
      await context.close();
    }
  });
});
