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
    // This Chromium has no voice at all: the page says that nothing is spoken, and why.
    expect(await page.locator('#voice-note').isVisible()).toBe(true);
    expect(await page.locator('#voice-note').textContent()).toMatch(/No English voice/);
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

describe('the camera, opened at the size the detector is given, shown as large as the screen allows', () => {
  interface Shown {
    /** The camera picture's own size. */
    readonly camera: { readonly width: number; readonly height: number };
    /** Its size on the page (CSS px, window 1280×800). */
    readonly shown: { readonly width: number; readonly height: number };
    /** The overlay canvas's resolution, and whether it lies exactly over the picture. */
    readonly overlay: { readonly width: number; readonly height: number; readonly over: boolean };
    /** Where the set-up words (the gate line) are, against the picture's right edge. */
    readonly gate: {
      readonly left: number;
      readonly bottom: number;
      readonly pictureRight: number;
    };
  }

  /** The camera picture in the page once a set is started and its overlay drawn, with `y4m` as the webcam. */
  async function cameraShown(
    y4m: string,
    window: { readonly width: number; readonly height: number } = { width: 1280, height: 800 },
  ): Promise<Shown> {
    const context = await launch({ fakeCamera: y4m });
    try {
      const page = await context.newPage();
      await page.setViewportSize(window);
      await page.goto(inject('baseUrl'));
      await page.click('[data-start="squat"]');
      // The overlay is drawn at the picture's shown size once the camera's size is known.
      await page.waitForFunction(
        () => {
          const v = document.getElementById('video') as HTMLVideoElement | null;
          const c = document.getElementById('overlay') as HTMLCanvasElement | null;
          return (
            v !== null &&
            c !== null &&
            v.videoWidth > 0 &&
            Math.abs(c.width - v.getBoundingClientRect().width * devicePixelRatio) <= 1
          );
        },
        undefined,
        { timeout: 60_000 },
      );
      return await page.evaluate(() => {
        const v = document.getElementById('video') as HTMLVideoElement;
        const c = document.getElementById('overlay') as HTMLCanvasElement;
        const a = v.getBoundingClientRect();
        const b = c.getBoundingClientRect();
        const g = (document.getElementById('gate') as HTMLElement).getBoundingClientRect();
        const same = (x: number, y: number) => Math.abs(x - y) < 0.5;
        return {
          camera: { width: v.videoWidth, height: v.videoHeight },
          shown: { width: Math.round(a.width), height: Math.round(a.height) },
          overlay: {
            width: c.width,
            height: c.height,
            over:
              same(a.left, b.left) &&
              same(a.top, b.top) &&
              same(a.width, b.width) &&
              same(a.height, b.height),
          },
          gate: { left: g.left, bottom: g.bottom, pictureRight: a.right },
        };
      });
    } finally {
      await context.close();
    }
  }

  it('takes a laptop webcam 640 px wide: a 1280×720 picture arrives as 640×360, shown on 70 % of the window', async () => {
    const webcam = await makeY4m(CLIP, 'laptop-720p', {
      frame: { width: 1280, height: 720 },
      seconds: 2,
    });
    const { camera, shown, overlay } = await cameraShown(webcam);
    expect(camera).toEqual({ width: 640, height: 360 });
    // Scaled up for a person two metres away: 70 % of the 1280-px window, its shape kept.
    expect(shown).toEqual({ width: 896, height: 504 });
    // The overlay is drawn at the shown size (sharp letters), exactly over the picture.
    expect(overlay).toEqual({ width: 896, height: 504, over: true });
  });

  it('keeps the set-up words beside the picture and in view in a smaller laptop window (1024×600)', async () => {
    // The panel wrapped under the picture below a 1080-px window: "Step back…" was below the fold.
    const webcam = await makeY4m(CLIP, 'small-window', {
      frame: { width: 1280, height: 720 },
      seconds: 2,
    });
    const { shown, gate } = await cameraShown(webcam, { width: 1024, height: 600 });
    expect(shown.width).toBe(Math.round(1024 * 0.7));
    expect(gate.left).toBeGreaterThan(gate.pictureRight);
    expect(gate.bottom).toBeLessThan(600);
  });

  it('keeps the whole of a portrait picture (no crop to another shape), as tall as the window allows', async () => {
    // The clip is 720×1280, made a 270×480 webcam: narrower than 640, it is taken as it is.
    const webcam = await makeY4m(CLIP, 'portrait', { seconds: 2 });
    const { camera, shown, overlay } = await cameraShown(webcam);
    expect(camera).toEqual({ width: 270, height: 480 });
    // The window is 800 px high: the picture fills it under the header, its shape kept.
    expect(shown.height).toBeGreaterThan(650);
    expect(shown.width / shown.height).toBeCloseTo(270 / 480, 2);
    expect(overlay.over).toBe(true);
    expect(overlay.width).toBe(shown.width);
  });
});
