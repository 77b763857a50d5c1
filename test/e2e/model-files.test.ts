import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { gateSays, recordSpeech, saidSoFar, shot, startExercise } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { snapshot, until } from './diagnostics.ts';
import { MODEL_NOT_LOADED } from '../../src/app/workout-controller.ts';

const DOWEL = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
/** Loading BlazePose full and analysing a few frames on a slow CI machine (ms). */
const LOADED_MS = 60_000;

// The model's files come from the page's own server. When one cannot be had at start (the server
// stopped, a file removed from the install), the person is told which, why and what to do, the
// workout waits with the camera on instead of stalling on a black screen, and "Try again" goes
// on from there.
describe('a pose model file that cannot be loaded when the app starts', () => {
  it('is named with its fix, and the workout starts once a retry loads it', async () => {
    // No offline service worker: the model files come from the server, where the test routes them.
    const context = await launch({
      fakeCamera: await makeY4m(DOWEL, 'dowel-model-files', { fps: 15 }),
      blockServiceWorkers: true,
    });
    try {
      let serve: 'no answer' | 'not found' | 'the file' = 'no answer';
      await context.route('**/models/blazepose-full.bin', (route) =>
        serve === 'no answer'
          ? route.abort('connectionrefused')
          : serve === 'not found'
            ? route.fulfill({ status: 404, body: 'Not found' })
            : route.continue(),
      );
      const page = await context.newPage();
      await page.addInitScript(recordSpeech);
      await page.goto(inject('baseUrl'));
      const alert = page.locator('[data-alert="model-load"]');
      await alert.waitFor({ timeout: LOADED_MS });
      expect(await alert.textContent()).toMatch(
        /models\/blazepose-full\.bin could not be fetched: formcheck's server did not answer.*still running/,
      );
      expect(await page.locator('#status').textContent()).toBe('blazepose-full could not load');

      // A workout started meanwhile says it is waiting for the model, on screen and aloud.
      await startExercise(page, 'squat', { sets: 1, reps: 5 });
      await gateSays(page, new RegExp(MODEL_NOT_LOADED.replace(/[.]/g, '\\.')));
      expect(await saidSoFar(page)).toContain(
        'The pose model could not load. The screen says why.',
      );
      // The camera is on meanwhile: the person can see themselves and get into position.
      await page.waitForFunction(
        () => (document.getElementById('video') as HTMLVideoElement).videoWidth > 0,
      );
      await shot(page, 'model-file-unreachable');

      // Tried again with the file gone from the install: reinstall, says the alert now.
      serve = 'not found';
      await alert.locator('button', { hasText: 'Try again' }).click();
      await page.waitForFunction(
        () =>
          /is missing from this installation.*npm ci/.test(
            document.querySelector('[data-alert="model-load"]')?.textContent ?? '',
          ),
        undefined,
        { timeout: LOADED_MS },
      );
      await shot(page, 'model-file-missing');

      // The file is back: the waiting workout starts, poses come, and the alert goes.
      serve = 'the file';
      await page.locator('[data-alert="model-load"] button', { hasText: 'Try again' }).click();
      await until(page, (s) => s.analysed > 5 && s.lastOverlay?.pose != null, LOADED_MS);
      expect(await page.locator('[data-alert="model-load"]').count()).toBe(0);
      expect(await page.locator('#gate').textContent()).not.toBe(MODEL_NOT_LOADED);
      expect((await snapshot(page)).lastOverlay?.flow.set).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('says when the pose worker itself cannot be loaded, and Try again starts a new one', async () => {
    const context = await launch({
      fakeCamera: await makeY4m(DOWEL, 'dowel-worker-script', { fps: 15 }),
      blockServiceWorkers: true,
    });
    try {
      // The worker's script is gone from the host (an update replaced it) until the test puts it back.
      let found = false;
      await context.route('**/assets/pose.worker-*.js', (route) =>
        found ? route.continue() : route.fulfill({ status: 404, body: 'Not found' }),
      );
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      const alert = page.locator('[data-alert="model-load"]');
      await alert.waitFor({ timeout: LOADED_MS });
      // Said as it is: another model would run in the same worker, so none is offered.
      expect(await alert.textContent()).toMatch(
        /^The pose worker could not start \(.*\): reload the page\.Try again$/,
      );
      expect(await page.locator('#status').textContent()).toBe('blazepose-full could not load');
      await shot(page, 'worker-script-missing');

      found = true;
      await alert.locator('button', { hasText: 'Try again' }).click();
      await startExercise(page, 'squat', { sets: 1, reps: 5 });
      await until(page, (s) => s.analysed > 5 && s.lastOverlay?.pose != null, LOADED_MS);
      expect(await page.locator('[data-alert="model-load"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lets a waiting workout go on with another model picked in Settings, and with a third mid-set', async () => {
    const context = await launch({
      fakeCamera: await makeY4m(DOWEL, 'dowel-other-model', { fps: 15 }),
      blockServiceWorkers: true,
    });
    try {
      await context.route('**/models/blazepose-full.bin', (route) =>
        route.fulfill({ status: 404, body: 'Not found' }),
      );
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.locator('[data-alert="model-load"]').waitFor({ timeout: LOADED_MS });
      await startExercise(page, 'squat', { sets: 1, reps: 5 });
      await gateSays(page, new RegExp(MODEL_NOT_LOADED.replace(/[.]/g, '\\.')));
      await page.locator('summary', { hasText: 'Settings' }).click();
      await page.selectOption('#model-select', 'blazepose-lite');
      const s = await until(
        page,
        (d) => d.info?.model === 'blazepose-lite' && d.analysed > 5 && d.lastOverlay?.pose != null,
        LOADED_MS,
      );
      expect(s.lastOverlay?.flow.set).toBe(1);
      expect(await page.locator('[data-alert="model-load"]').count()).toBe(0);
      // Another model picked mid-run: the camera, left open, streams to it.
      await page.selectOption('#model-select', 'movenet-lightning');
      await until(page, (d) => d.info?.model === 'movenet-lightning', LOADED_MS);
      const switched = await snapshot(page);
      await until(page, (d) => d.analysed > switched.analysed + 5, LOADED_MS);
    } finally {
      await context.close();
    }
  });
});
