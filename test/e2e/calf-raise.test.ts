import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_COUNT_CUE } from '../../src/engine/view-tip.ts';
import { gateSays, openWithPhotosAsWebcam, saidSoFar, shot, startExercise } from './app-page.ts';
import { until } from './diagnostics.ts';

const PHOTOS = join(import.meta.dirname, '..', 'fixtures', 'photos');

// The routine's calf raises (3-0-X-1: lower over 3 s, rise fast, hold 1 s at the top) as a person
// who drops the heels does them, filmed from behind at 3/4. The camera is two real photos of one
// person (free-exercise-db, Unlicense): heels down for 4 s, on the toes for 2.5 s, in a loop; the
// heels go up and come down between two frames, so each raise is lowered in a frame's time. The
// top is held well over the 1 s asked for: held 1.5 s, a fresh clone's run on a busy machine read
// two tops short and the set ended "hold the top" instead.
describe('a calf-raise set with a real person as the webcam', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openWithPhotosAsWebcam(
      [
        { path: join(PHOTOS, 'calfraise_rear34_smith_fedb_0_heels_down.jpg'), seconds: 4 },
        { path: join(PHOTOS, 'calfraise_rear34_smith_fedb_1_heels_up.jpg'), seconds: 2.5 },
      ],
      'calf-raise',
    ));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('counts each raise hands-free and ends the set by saying to lower over 3 s', async () => {
    await startExercise(page, 'calf-raise', { sets: 1, reps: 4 });
    await page.waitForSelector('[data-session-done]', { timeout: 120_000 });
    await shot(page, 'calf-raise-set-done');
    expect(await page.locator('[data-summary-line]').first().textContent()).toMatch(/^4 reps/);
    const said = await saidSoFar(page);
    // Each raise counted aloud, in order, after "Go!"; the tempo said once mid-set, in a few words.
    const afterGo = said.slice(said.indexOf('Go!') + 1);
    expect(afterGo.filter((s) => /^\d+$/.test(s))).toEqual(['1', '2', '3', '4']);
    expect(afterGo).toContain('Lower over 3 seconds.');
    // The set ends with the one thing to fix over it: every raise is lowered in a frame's time. The
    // photos are not a person, and the model reads them unevenly: in about half the runs the first
    // top reads 0.3 s high for its first frames, then falls 28 % and stays (a top cut short: "hold
    // the top"); a raise's way down may fall between two frames on a busy machine (not timed, and
    // neither counted for nor against it); and once in 13 runs a second top also read short and
    // a set of three ended "On 2 of 3 reps: hold the top 1 second." (a run here on 2026-12-07; its
    // poses were not kept). Four raises leave the lowering the fix on the most reps
    // whichever of these happen; how many reps the words name follows from which raises were timed
    // (set-end-words.ts, pinned in test/engine/set-end-words.test.ts), so any count is taken here.
    expect(said.at(-1)).toMatch(/^Workout done\. (On [^:]+|Next time): lower over 3 seconds\.$/);
  });
});

// The same collection's band calf raise, photographed facing the camera: the heel lift is "subtle
// from the front" (its label), the feet hiding the heels, and few of its raises count (live, none
// in 55 s before this was said; engine/view-tip.ts).
describe('a calf-raise set facing the camera', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openWithPhotosAsWebcam(
      [
        { path: join(PHOTOS, 'calfraise_front_bands_fedb_0_heels_down.jpg'), seconds: 4 },
        { path: join(PHOTOS, 'calfraise_front_bands_fedb_1_heels_up.jpg'), seconds: 1.5 },
      ],
      'calf-raise-facing',
    ));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('says aloud and on the picture why raises are not counted, and to turn side-on', async () => {
    await startExercise(page, 'calf-raise', { sets: 1, reps: 20 });
    await gateSays(page, /^Tracking\. Tip: turn side-on to the camera\./, 90_000);
    const shown = await until(
      page,
      (d) => /^(Not|Nothing) counted.*: turn side-on\./.test(d.lastOverlay?.cue ?? ''),
      10_000,
    );
    await shot(page, 'calf-raise-facing-turn-side-on');
    expect(shown.lastOverlay?.cue).toMatch(/Facing the camera, your feet hide your heels' rise\.$/);
    const said = await saidSoFar(page);
    expect(said.slice(said.indexOf('Go!') + 1)).toContain(HIDDEN_COUNT_CUE);
  });
});
