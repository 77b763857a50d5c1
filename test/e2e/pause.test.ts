import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  cameraTrack,
  gateSays,
  recordSpeech,
  setTabHidden,
  shot,
  startExercise,
} from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { snapshot, until } from './diagnostics.ts';

// A pause as a person takes one: squats with a real clip looping as the webcam, the Pause button
// pressed mid-set, the set resumed with the space bar. Paused, nothing is judged and no frame is
// analysed (the detector is a laptop's whole core); the camera stays on.

const DOWEL = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');

/** Camera frames and frames analysed over `ms` of the page's life. */
async function framesOver(page: Page, ms: number): Promise<{ camera: number; analysed: number }> {
  const before = await snapshot(page);
  await page.waitForTimeout(ms);
  const after = await snapshot(page);
  return {
    camera: after.cameraFrames - before.cameraFrames,
    analysed: after.analysed - before.analysed,
  };
}

const statusLine = async (page: Page) => (await page.locator('#status').textContent()) ?? '';

describe('a set paused and resumed, with a real video as the webcam', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await launch({ fakeCamera: await makeY4m(DOWEL, 'dowel-pause', { fps: 15 }) });
    page = await context.newPage();
    await page.addInitScript(recordSpeech);
    await page.goto(inject('baseUrl'));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('stops analysing while paused, keeps the pause when the tab or the camera comes back, and counts again on resume', async () => {
    await startExercise(page, 'squat', { reps: 30, sets: 1 });
    const counting = await until(page, (s) => (s.lastOverlay?.live.repCount ?? 0) >= 1, 120_000);
    expect(counting.lastOverlay?.paused).toBeUndefined();

    await page.click('#pause');
    await gateSays(page, /^Paused\. Press space to resume\.$/);
    const paused = await until(
      page,
      (s) => s.lastOverlay?.paused !== undefined && s.lastOverlay.pose === null,
      5_000,
    );
    expect(paused.lastOverlay?.paused).toBe('Paused. Press space to resume.');
    await shot(page, 'pause-1-paused');
    expect(await statusLine(page)).toMatch(/· paused/);
    // The camera goes on; the detector rests (a frame in flight when the pause came may land).
    const resting = await framesOver(page, 3000);
    expect(resting.camera).toBeGreaterThan(10);
    expect(resting.analysed).toBeLessThanOrEqual(1);
    const repsAtPause = paused.lastOverlay?.live.repCount ?? 0;

    // Switching tabs and back does not resume a set the person paused.
    await setTabHidden(page, true);
    await setTabHidden(page, false);
    await page.waitForTimeout(1000);
    expect((await snapshot(page)).lastOverlay?.paused).toBe('Paused. Press space to resume.');
    expect((await framesOver(page, 1000)).analysed).toBe(0);

    // Nor does the camera coming back: unplugged and reopened ("Try again") while paused.
    await cameraTrack(page, 'end');
    const alert = page.locator('[data-alert="camera"]');
    await alert.waitFor();
    await alert.locator('button', { hasText: 'Try again' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.waitForTimeout(1000);
    expect((await snapshot(page)).lastOverlay?.paused).toBe('Paused. Press space to resume.');
    expect((await framesOver(page, 1000)).analysed).toBe(0);

    await page.keyboard.press('Space');
    const back = await until(page, (s) => s.lastOverlay?.paused === undefined, 5_000);
    await until(page, (s) => s.analysed >= back.analysed + 10, 15_000);
    expect(await statusLine(page)).toMatch(/\d+(\.\d)? frames\/s analysed/);
    const after = await until(
      page,
      (s) => (s.lastOverlay?.live.repCount ?? 0) > repsAtPause,
      120_000,
    );
    expect(after.lastOverlay?.live.repCount).toBe(repsAtPause + 1);
    await shot(page, 'pause-2-resumed');

    // A tab hidden mid-set pauses it and rests the detector; shown again, the set goes on.
    await setTabHidden(page, true);
    await gateSays(page, /^Paused while the tab was hidden\.$/);
    await page.waitForTimeout(500);
    expect((await framesOver(page, 2000)).analysed).toBe(0);
    await setTabHidden(page, false);
    const shown = await until(page, (s) => s.lastOverlay?.paused === undefined, 5_000);
    await until(page, (s) => s.analysed >= shown.analysed + 10, 15_000);

    // The camera stops: the set pauses for it. The person resumes and pauses again while it is
    // gone: that pause is theirs, and the camera reopened ("Try again") does not end it.
    await cameraTrack(page, 'stop');
    await gateSays(page, /^Paused: the camera stopped\.$/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await gateSays(page, /^Paused\. Press space to resume\.$/);
    const stopped = page.locator('[data-alert="camera"]');
    await stopped.locator('button', { hasText: 'Try again' }).click();
    await stopped.waitFor({ state: 'detached' });
    await page.waitForTimeout(1000);
    expect((await snapshot(page)).lastOverlay?.paused).toBe('Paused. Press space to resume.');
    expect((await framesOver(page, 1000)).analysed).toBe(0);
    await page.keyboard.press('Space');
    const resumedAgain = await until(page, (s) => s.lastOverlay?.paused === undefined, 5_000);
    await until(page, (s) => s.analysed >= resumedAgain.analysed + 10, 15_000);
  });
});
