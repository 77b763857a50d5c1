import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { PEOPLE_COUNT_EVERY_MS } from '../../src/engine/others-in-view.ts';
import { crossingInFront } from '../support/side-by-side.ts';
import { fixtureTrack } from '../support/tracks.ts';
import { startExercise, storedSets } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { snapshot, timings, until } from './diagnostics.ts';

// Firefox and Safari cannot hand camera frames to a worker (no MediaStreamTrackProcessor): there
// the page turns each new video frame into a bitmap and sends it to the pose worker
// (`src/app/frame-source.ts`). Chromium is made into such a browser here by removing the
// processor before the app's own scripts run.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const DOWEL = join(FIXTURES, 'squat_side_gym_dowel_2reps.mp4');
const CROSSER = join(FIXTURES, 'squat_front_band_woman_3reps.mp4');
/** What `formcheck analyze` counts on the same clip (from its committed pose track). */
const ANALYZE_COUNT = analyzeTrack(fixtureTrack(DOWEL), 'squat').repCount;

function withoutFrameProcessor(): void {
  delete (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor;
}

describe('a browser that cannot hand camera frames to a worker (the bitmap path)', () => {
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function open(camera: string): Promise<Page> {
    context = await launch({ fakeCamera: camera });
    const page = await context.newPage();
    await page.addInitScript(withoutFrameProcessor);
    await page.goto(inject('baseUrl'));
    return page;
  }

  it('counts a squat set hands-free, as `formcheck analyze` counts the clip', async () => {
    const page = await open(await makeY4m(DOWEL, 'dowel-bitmaps', { fps: 15 }));
    expect(await page.evaluate(() => 'MediaStreamTrackProcessor' in globalThis)).toBe(false);
    await startExercise(page, 'squat', { reps: 2, sets: 1 });
    await page.waitForSelector('[data-session-done]', { timeout: 120_000 });
    expect(ANALYZE_COUNT).toBe(2);
    expect(await page.locator('[data-summary-line]').first().textContent()).toMatch(/^2 reps/);
    // Every analysed frame went through a bitmap made on the page.
    const frames = await timings(page);
    expect(frames.length).toBeGreaterThan(20);
    expect(frames.filter((f) => f.bitmapMs > 0).length).toBe(frames.length);
  });

  it('counts the people again at once when someone crossing in front takes the tracker over', async () => {
    // The dowel squat with someone crossing in front from 8.2 s to 9.7 s of each 12 s loop of the
    // webcam file. People are counted every 2 s; the tracker jumping to the crosser makes the page
    // count them on the next frames, a quarter of a second apart.
    const crossed = await crossingInFront(DOWEL, CROSSER, 'crossing-bitmaps.y4m', 12, 8.2);
    const page = await open(crossed);
    await startExercise(page, 'squat', { reps: 20, sets: 1 });
    await until(page, (s) => s.lastOverlay?.live.ready === true, 90_000);
    // A run of counts a quarter of a second apart (four within one regular 2 s interval), the
    // crosser counted (the set keeps its note at once) and a rep counted: a whole crossing during
    // the set. Two loops of the webcam file hold at least one.
    const bursts = async (): Promise<number> => {
      const counted = (await timings(page)).filter((f) => f.peopleMs > 0).map((f) => f.receivedMs);
      return counted.filter(
        (ms, i) => (counted[i + 3] ?? Infinity) - ms < PEOPLE_COUNT_EVERY_MS / 2,
      ).length;
    };
    const note = /^Someone else came into view (before the first rep|after rep \d+)/;
    const noted = async (): Promise<boolean> =>
      (await storedSets(page)).some(
        (s) => s.exerciseId === 'squat' && s.notes?.some((n) => note.test(n)) === true,
      );
    const deadline = Date.now() + 2 * 12_000 + 10_000;
    while (Date.now() < deadline) {
      const reps = (await snapshot(page)).lastOverlay?.live.repCount ?? 0;
      if (reps > 0 && (await noted()) && (await bursts()) > 0) break;
      await page.waitForTimeout(500);
    }
    expect(await bursts()).toBeGreaterThan(0);
    await page.keyboard.press('e');
    await page.locator('[data-session-done]').waitFor();
    const stored = (await storedSets(page)).filter((s) => s.exerciseId === 'squat');
    expect(stored.map((s) => s.notes?.some((n) => note.test(n)))).toEqual([true]);
    expect((await snapshot(page)).lastOverlay?.live.repCount).toBeGreaterThan(0);
  });
});
