import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { recordTexts, startExercise, textsShown } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { until } from './diagnostics.ts';

const DOWEL = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');

// Settings → Model, picked as soon as the page opens, while the default model still loads.
describe('a model picked while the first one loads', () => {
  it('is the one that runs, on the usual backend, and the page never says another loaded', async () => {
    const context = await launch({
      fakeCamera: await makeY4m(DOWEL, 'dowel-model-choice', { seconds: 2 }),
    });
    try {
      const page = await context.newPage();
      // Every status line the page shows, in order.
      await recordTexts(page, 'status');
      await page.goto(inject('baseUrl'));
      await page.locator('summary', { hasText: 'Settings' }).click();
      // Each model says what picking it trades (settings.ts).
      expect(await page.locator('#model-select option').allTextContents()).toEqual([
        'movenet-lightning (no feet)',
        'movenet-thunder (no feet)',
        'blazepose-lite (faster, more false faults)',
        'blazepose-full (recommended)',
        'blazepose-heavy (slow without a GPU)',
        'mediapipe-lite (main thread; needs a GPU)',
        'mediapipe-full (main thread; needs a GPU)',
        'mediapipe-heavy (main thread; needs a GPU)',
      ]);
      await page.selectOption('#model-select', 'movenet-lightning');
      // Two loads at once in the worker once left the first model running on the cpu backend;
      // that race is pinned in test/detector/model-switch.test.ts. Here, the page: the model picked
      // runs, and the status never said the superseded one had loaded.
      const s = await until(page, (d) => d.info?.model === 'movenet-lightning', 60_000);
      expect(s.info?.backend.name).toBe('wasm');
      expect(s.runtime).toBe('movenet-lightning on wasm');
      const statuses = await textsShown(page, 'status');
      expect(statuses.filter((t) => /loaded/.test(t))).toEqual([
        expect.stringMatching(/^movenet-lightning on wasm .*loaded in/),
      ]);
      // Why wasm, in a few words: headless Chromium's GPU is software (SwiftShader). The renderer's
      // full name is kept for diagnostics, not put in the status line, where it wrapped the header.
      expect(statuses.at(-1)).toMatch(/\(auto: the GPU is software-rendered\), loaded in/);
      expect(s.info?.backend.renderer).toMatch(/SwiftShader/);
      // Picked on the home screen: the camera stays off until a workout opens it.
      await page.waitForTimeout(1000);
      expect(
        await page.evaluate(() => (document.getElementById('video') as HTMLVideoElement).srcObject),
      ).toBeNull();
    } finally {
      await context.close();
    }
  });
});

// Settings → Model during a workout: the detector changes at once, the set's judging from its next.
describe('a model picked during a workout', () => {
  it('says at once when the exercise needs feet the new model does not give', async () => {
    const context = await launch({
      fakeCamera: await makeY4m(DOWEL, 'dowel-model-mid-set', { seconds: 4 }),
    });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await startExercise(page, 'calf-raise');
      await until(page, (d) => d.info?.model === 'blazepose-full', 60_000);
      expect(await page.locator('[data-alert="model"]').count()).toBe(0);
      await page.locator('summary', { hasText: 'Settings' }).click();
      await page.selectOption('#model-select', 'movenet-lightning');
      await until(page, (d) => d.info?.model === 'movenet-lightning', 60_000);
      await page.locator('[data-alert="model"]').waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-alert="model"]').textContent()).toContain(
        'Calf raise needs heel and toe points: choose a BlazePose model.',
      );
      // Back to a model with feet: the alert goes.
      await page.selectOption('#model-select', 'blazepose-full');
      await until(page, (d) => d.info?.model === 'blazepose-full', 60_000);
      await page.locator('[data-alert="model"]').waitFor({ state: 'detached', timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});
