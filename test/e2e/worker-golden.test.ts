import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { trackVideo } from '../../src/node/video-tracker.ts';
import { MODEL_IDS, type ModelId } from '../../src/pose/model-catalog.ts';
import { BODY, GOLDEN, GOLDEN_CLIP, GOLDEN_VIDEO, meanErrorPx } from '../support/golden.ts';
import { openBench, runInPage, type BenchRunResult } from './bench-page.ts';
import { launch } from './chromium.ts';

/**
 * Golden (BlazePose full, tfjs-models' own test) vs ours: mean distance over the 12 body keypoints,
 * px of the 720×1280 video. Measured here: lite 7.7, full 5.9, heavy 6.7, Lightning 13.4,
 * Thunder 13.0 (MoveNet is another model: its hips and shoulders sit elsewhere). Limits ≈ 1.6×.
 */
const MAX_MEAN_ERROR_PX: Record<ModelId, number> = {
  'blazepose-lite': 12,
  'blazepose-full': 10,
  'blazepose-heavy': 11,
  'movenet-lightning': 21,
  'movenet-thunder': 21,
};
/** The same model in Node (ffmpeg decode) and in the browser worker (Chromium decode), mean
 *  distance in normalized units; measured 0.0010 (≈0.6 px at 640 px). */
const MAX_NODE_VS_BROWSER = 0.004;

describe('the pose worker in Chromium on a real squat video', () => {
  let context: BrowserContext;
  let page: Page;
  const runs = new Map<ModelId, BenchRunResult>();

  beforeAll(async () => {
    context = await launch();
    page = await openBench(context, inject('baseUrl'), GOLDEN_CLIP, GOLDEN_VIDEO.fps);
  });

  afterAll(async () => {
    await context?.close();
  });

  it.each(MODEL_IDS)(
    'loads %s from models/ and finds the person near the golden landmarks',
    async (model) => {
      const run = await runInPage(page, 'runWorker', model);
      runs.set(model, run);
      const mean = meanErrorPx(run.poses);
      const found = run.poses.filter((p) => p !== null).length;
      console.log(
        `${model}: mean keypoint error ${mean.toFixed(1)} px (limit ${MAX_MEAN_ERROR_PX[model]}), person in ${found}/${run.poses.length} frames, ${run.backend}`,
      );
      expect(run.poses.length).toBe(GOLDEN.length);
      expect(found).toBe(GOLDEN.length);
      expect(mean).toBeLessThan(MAX_MEAN_ERROR_PX[model]);
    },
  );

  it('matches the command line (Node, same model) frame by frame', async () => {
    const browser =
      runs.get('blazepose-full') ?? (await runInPage(page, 'runWorker', 'blazepose-full'));
    const node = await trackVideo(GOLDEN_CLIP, 'blazepose-full');
    expect(node.frames.length).toBe(browser.poses.length);
    let sum = 0;
    let n = 0;
    node.frames.forEach((f, i) => {
      for (const name of BODY) {
        const a = f.pose?.keypoints[name];
        const b = browser.poses[i]?.keypoints[name];
        if (a === undefined || b === undefined) continue;
        sum += Math.hypot(a.x - b.x, a.y - b.y);
        n += 1;
      }
    });
    console.log(
      `Node vs browser worker: mean ${(sum / n).toFixed(4)} (normalized), limit ${MAX_NODE_VS_BROWSER}`,
    );
    expect(n).toBeGreaterThan(BODY.length * node.frames.length * 0.9);
    expect(sum / n).toBeLessThan(MAX_NODE_VS_BROWSER);
  });
});
