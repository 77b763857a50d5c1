import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, makeY4m } from './chromium.ts';
import { until } from './diagnostics.ts';

const CLIP = join(import.meta.dirname, '..', 'fixtures', 'squat_front_band_woman_3reps.mp4');

// The legacy MediaPipe runtime runs on the main thread (it cannot run in a worker); here its WebGL
// is software, so it is slow, but it must work and feed the same skeleton to the same engine.
describe('the MediaPipe runtime (main thread)', () => {
  it('finds the person in the camera view, with heels and toes', async () => {
    const context = await launch({ fakeCamera: await makeY4m(CLIP, 'band-mp', { fps: 5 }) });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${inject('baseUrl')}/?model=mediapipe-lite`);
      await page.click('[data-start="squat"]');
      const d = await until(page, (s) => s.lastOverlay?.pose != null, 120_000);
      expect(d.lastOverlay?.pose?.keypoints['left_heel']?.score ?? 0).toBeGreaterThan(0.3);
      expect(d.lastOverlay?.pose?.keypoints['left_knee']?.score ?? 0).toBeGreaterThan(0.5);
      expect(await page.locator('#status').textContent()).toMatch(
        /mediapipe-lite on the main thread/,
      );
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'mediapipe-runtime.png') });
    } finally {
      await context.close();
    }
  });
});
