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

describe('the camera, opened at the size the detector is given', () => {
  /** The camera picture's size in the page once a set is started, with `y4m` as the webcam. */
  async function cameraSize(y4m: string): Promise<{ width: number; height: number }> {
    const context = await launch({ fakeCamera: y4m });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.click('[data-start="squat"]');
      await page.waitForFunction(
        () => (document.getElementById('video') as HTMLVideoElement | null)?.videoWidth,
        undefined,
        { timeout: 60_000 },
      );
      return await page.evaluate(() => {
        const v = document.getElementById('video') as HTMLVideoElement;
        return { width: v.videoWidth, height: v.videoHeight };
      });
    } finally {
      await context.close();
    }
  }

  it('takes a laptop webcam 640 px wide: a 1280×720 picture arrives as 640×360', async () => {
    const webcam = await makeY4m(CLIP, 'laptop-720p', {
      frame: { width: 1280, height: 720 },
      seconds: 2,
    });
    expect(await cameraSize(webcam)).toEqual({ width: 640, height: 360 });
  });

  it('keeps the whole of a portrait picture (no crop to another shape)', async () => {
    // The clip is 720×1280, made a 270×480 webcam: narrower than 640, it is taken as it is.
    const webcam = await makeY4m(CLIP, 'portrait', { seconds: 2 });
    expect(await cameraSize(webcam)).toEqual({ width: 270, height: 480 });
  });
});
