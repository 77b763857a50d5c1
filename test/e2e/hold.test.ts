import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  liveCameraTracks,
  openWithPhotosAsWebcam,
  overlayBlank,
  saidSoFar,
  setTabHidden,
  shot,
  startExercise,
} from './app-page.ts';
import { FrameRateWatch, frameRateNeed, RATE_WINDOW_MS } from '../../src/app/frame-rate-watch.ts';
import type { FrameTiming } from '../../src/app/live-stats.ts';
import { snapshot, timings, until } from './diagnostics.ts';

const PHOTOS = join(import.meta.dirname, '..', 'fixtures', 'photos');

// A timed hold as a person does it: stands in front of the camera, sits into a deep squat and
// holds it. The camera is two real photos of one person (free-exercise-db, Unlicense): standing
// for 3 s, then the bottom of a deep squat for 20 s, held perfectly still, in a loop ("Go!" comes
// about 5 s in, so the 6 s hold ends well before the loop stands the person up again). The camera
// sends 6 frames a second, as a slow laptop analyses: too few for quick reps, and the app says so
// during a set of reps, but enough to time a hold to half a second (src/app/frame-rate-watch.ts).
const CAMERA_FPS = 6;

/**
 * Whether the frames the page analysed ever fell under what a hold needs, judged as the page
 * judges them (`FrameRateWatch`, each frame's own time standing for the camera's). On a machine
 * busy with other work (a test suite beside it) a 6 frames/s camera can deliver fewer, and then a
 * warning is the truth, not a fault.
 */
function analysedTooFewForAHold(frames: readonly FrameTiming[]): boolean {
  const watch = new FrameRateWatch();
  return frames.some(({ receivedMs }) => {
    watch.cameraFrame(receivedMs);
    watch.analysedFrame(receivedMs);
    return watch.judge(receivedMs, frameRateNeed('hold')) !== undefined;
  });
}

/** The longest wait between two frames analysed, s. */
function longestGapSec(frames: readonly FrameTiming[]): number {
  let gapMs = 0;
  for (let i = 1; i < frames.length; i += 1)
    gapMs = Math.max(gapMs, (frames[i]?.receivedMs ?? 0) - (frames[i - 1]?.receivedMs ?? 0));
  return gapMs / 1000;
}
describe('a timed squat hold with a real person as the webcam', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openWithPhotosAsWebcam(
      [
        { path: join(PHOTOS, 'squat_front_bodyweight_fedb_0_top.jpg'), seconds: 3 },
        { path: join(PHOTOS, 'squat_front_bodyweight_fedb_1_bottom_deep.jpg'), seconds: 20 },
      ],
      'squat-hold',
      CAMERA_FPS,
    ));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('times the hold to its target, says it is done, and shows how each hold ended and whether the hips stayed', async () => {
    await startExercise(page, 'squat-hold', { sets: 1, seconds: 6 });
    // The frame rate is judged from "Go!" on (setting up is not the set).
    await page.waitForFunction(() => (globalThis as { said?: string[] }).said?.includes('Go!'), {
      timeout: 90_000,
    });
    const goMs = await page.evaluate(() => performance.now());
    // The picture shows the time held against the target while the pose is held.
    await until(page, (s) => (s.lastOverlay?.live.heldSec ?? 0) > 2, 90_000);
    const during = await snapshot(page);
    expect(during.lastOverlay?.target).toEqual({ holdSec: 6 });
    // The camera and the copy of it the pose worker reads.
    expect(await liveCameraTracks(page)).toBe(2);
    await shot(page, 'hold-1-holding');
    await page.waitForSelector('[data-session-done]', { timeout: 90_000 });
    await shot(page, 'hold-2-done');
    const frames = (await timings(page)).filter((f) => f.receivedMs >= goMs);
    // Held to the target: the frame that reached it is up to a frame interval past it (1/6 s, or
    // the longest wait between two frames where the machine was busier).
    const line = (await page.locator('[data-summary-line]').first().textContent()) ?? '';
    const held = Number(/^Held (\d+\.\d) s in 1 hold\.$/.exec(line)?.[1]);
    expect(held, line).toBeGreaterThanOrEqual(6);
    expect(held, line).toBeLessThanOrEqual(
      6 + Math.max(1 / CAMERA_FPS, longestGapSec(frames)) + 0.05,
    );
    // 6 frames a second time a hold: no "too few frames" on screen or aloud, unless the frames
    // analysed really fell under 5 a second in this run.
    const starved = analysedTooFewForAHold(frames);
    console.log(`${frames.length} frames analysed from "Go!", too few for a hold: ${starved}`);
    if (!starved) expect(await page.locator('[data-alert="frames"]').count()).toBe(0);
    const row = page.locator('.set-summary tbody tr').first();
    // A still photo: the hips stayed where the hold settled (hold-position.ts).
    expect(await row.locator('td').allTextContents()).toEqual([
      '1',
      `${held.toFixed(1)} s`,
      'stayed',
      'set done',
    ]);
    const said = await saidSoFar(page);
    expect(said).toContain('Go!');
    if (!starved) expect(said.filter((s) => /too slow/.test(s))).toEqual([]);
    expect(said.at(-1)).toBe('Workout done. Well done!');
    // Done, nothing follows on this screen: nothing more is judged, and the camera goes off (its
    // light with it; a frame in flight when the hold ended may land), the picture saying why.
    await page.locator('#camera-off').waitFor();
    await shot(page, 'hold-3-camera-off');
    expect(await page.locator('#camera-off').textContent()).toBe(
      'Camera off: the workout is done.',
    );
    expect(await liveCameraTracks(page)).toBe(0);
    const before = await snapshot(page);
    const saidBefore = (await saidSoFar(page)).length;
    // Longer than the frame rate is judged over: a camera turned off is not a slow computer.
    await page.waitForTimeout(RATE_WINDOW_MS + 1500);
    const after = await snapshot(page);
    expect(await page.locator('[data-alert="frames"]').count()).toBe(0);
    expect(await page.locator('[data-alert="camera"]').count()).toBe(0);
    expect((await saidSoFar(page)).slice(saidBefore)).toEqual([]);
    expect(after.cameraFrames - before.cameraFrames).toBe(0);
    expect(await overlayBlank(page)).toBe(true);
    expect(after.analysed - before.analysed).toBeLessThanOrEqual(1);
    // And the page says so: the line under the picture, no Pause or End set to press (the space
    // bar does nothing), no camera to choose, no frame rate that only fades.
    expect(await page.locator('#gate').textContent()).toBe('Workout done.');
    await page.keyboard.press(' ');
    for (const control of ['#pause', '#end-set', '#next-set', '#camera-choice'])
      expect(await page.locator(control).isVisible(), control).toBe(false);
    await page.waitForTimeout(300);
    expect(await page.locator('#status').textContent()).toMatch(/ · done: camera off$/);
    // Nothing to pause once done: another tab and back leave it done, the camera off, and say
    // nothing of a paused set ("Get into position." was).
    await setTabHidden(page, true);
    await setTabHidden(page, false);
    await page.waitForTimeout(300);
    expect(await page.locator('#gate').textContent()).toBe('Workout done.');
    expect(await liveCameraTracks(page)).toBe(0);
    expect((await saidSoFar(page)).slice(saidBefore)).toEqual([]);
    // The printed report keeps the hold's quality (a tempo column would say nothing of a hold).
    await page.click('[data-nav="history"]');
    await page.locator('[data-session] [data-report]').first().click();
    const table = page.locator('[data-report-exercise="squat-hold"] table').first();
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toEqual(['Set', 'Done', 'Hips', 'Faults']);
    expect(await table.locator('tbody td').allTextContents()).toEqual([
      '1',
      `${held.toFixed(1)} s held`,
      'stayed',
      'none',
    ]);
  });
});
