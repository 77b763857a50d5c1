import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, makeY4m } from './chromium.ts';
import { until } from './diagnostics.ts';

const CLIP = join(import.meta.dirname, '..', 'fixtures', 'squat_front_band_woman_3reps.mp4');

describe('the page with a real video as its webcam', () => {
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    context = await launch({ fakeCamera: await makeY4m(CLIP, 'band', { fps: 15 }) });
    page = await context.newPage();
    const base = inject('baseUrl');
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
        outside.push(r.url());
    });
    await page.goto(base);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('draws the skeleton of the person in the video over the camera view', async () => {
    await page.click('[data-start="squat"]');
    const d = await until(
      page,
      (s) => s.overlayFrames > 10 && s.lastOverlay?.pose != null,
      120_000,
    );
    const k = d.lastOverlay?.pose?.keypoints ?? {};
    // The overlay was given a confident full-body pose, mirrored for the selfie view.
    const legs = [
      'left_hip',
      'right_hip',
      'left_knee',
      'right_knee',
      'left_ankle',
      'right_ankle',
    ] as const;
    for (const name of legs) {
      expect(k[name]?.score ?? 0, name).toBeGreaterThan(0.5);
    }
    expect((k['left_ankle']?.y ?? 0) > (k['left_hip']?.y ?? 1)).toBe(true);
    expect(d.lastOverlay?.mirrored).toBe(true);
    expect(d.info?.backend.name).toBe('wasm');
    await page.screenshot({ path: join(ARTIFACTS, 'live-skeleton.png') });
  });

  it('makes no request outside its own origin', () => {
    expect(outside).toEqual([]);
  });
});
