import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RoutineStep } from '../../src/engine/routine.ts';
import {
  camerasOpened,
  liveCameraTracks,
  overlayBlank,
  shot,
  watchCameraTracks,
} from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { snapshot } from './diagnostics.ts';

const CLIP = join(import.meta.dirname, '..', 'fixtures', 'squat_front_band_woman_3reps.mp4');
/** Two short strength exercises: each gets its form check, then one set of two reps. */
const ROUTINE: RoutineStep[] = [
  { exerciseId: 'squat', prescription: { kind: 'reps', sets: 1, reps: 2, restSec: 10 } },
  { exerciseId: 'lunge', prescription: { kind: 'reps', sets: 1, reps: 2, restSec: 10 } },
];
const EXERCISE_TIMEOUT_MS = 150_000;

describe("today's routine, coached in one go", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await launch({ fakeCamera: await makeY4m(CLIP, 'band-routine', { fps: 15 }) });
    // The person's own version of the routine, as the editor saves it.
    await context.addInitScript((steps) => {
      if (localStorage.getItem('formcheck.routine') === null)
        localStorage.setItem('formcheck.routine', steps);
    }, JSON.stringify(ROUTINE));
    page = await context.newPage();
    await page.addInitScript(watchCameraTracks);
    await page.goto(inject('baseUrl'));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('runs each exercise in order with a form check first, then sums the routine up', async () => {
    await page.locator('#routine-steps > li').first().waitFor();
    expect(await page.locator('#routine-steps > li').count()).toBe(2);
    await shot(page, 'routine-home');
    await page.click('#start-routine');
    for (const id of ['squat', 'lunge']) {
      // The form check's card, then "Start the set" from the keyboard.
      await page
        .locator('#form-check-card [data-card="start"]')
        .waitFor({ timeout: EXERCISE_TIMEOUT_MS });
      expect(await page.locator('#routine-progress').textContent()).toMatch(
        id === 'squat' ? /Exercise 1 of 2/ : /Exercise 2 of 2/,
      );
      await page.keyboard.press('Enter');
      await page.locator('#form-check-card').waitFor({ state: 'hidden' });
      await page.locator(`[data-set="1"]`).last().waitFor({ timeout: EXERCISE_TIMEOUT_MS });
    }
    const summary = page.locator('[data-routine-summary]');
    await summary.waitFor({ timeout: EXERCISE_TIMEOUT_MS });
    await shot(page, 'routine-summary');
    expect(await summary.locator('[data-routine-exercise="squat"]').textContent()).toMatch(
      /1 set, 2 reps/,
    );
    expect(await summary.locator('[data-routine-exercise="lunge"]').textContent()).toMatch(
      /1 set, 2 reps/,
    );
    // One camera for the whole routine, from one exercise and part to the next (the light never
    // blinks, no second wait for the browser to hand it over), and off once it is summed up.
    await page.locator('#camera-off').waitFor();
    expect(await camerasOpened(page)).toBe(1);
    expect(await liveCameraTracks(page)).toBe(0);
    // Nothing drawn over where the picture was (a pose in flight had drawn the last skeleton and
    // count over the black, under "Camera off").
    await page.waitForTimeout(500);
    expect(await overlayBlank(page)).toBe(true);
    await shot(page, 'routine-camera-off');
    expect(await page.locator('#status').textContent()).toMatch(/ · done: camera off$/);
  });

  it('keeps both exercises in the history as one session, with a printable report', async () => {
    await page.click('[data-nav="history"]');
    const session = page.locator('[data-session]').first();
    await session.waitFor();
    // Out of the workout, the header names the model, not the frame rate the last set ended on.
    expect(await page.locator('#status').textContent()).toMatch(/^blazepose-full on \w+$/);
    expect(await page.locator('[data-session]').count()).toBe(1);
    expect(await session.locator('summary').textContent()).toMatch(/Bodyweight squat.*Lunge/);
    await session.locator('[data-report]').click();
    await page.locator('[data-report-exercise="lunge"]').waitFor();
    expect(await page.locator('#report').textContent()).toMatch(/Routine: Today's routine/);
    // How the form was judged: the strictness and the model, as the sets were kept.
    expect(await page.locator('#report').textContent()).toMatch(
      /Form judged standard, from blazepose-full's points\./,
    );
    expect(await page.locator('[data-report-exercise]').count()).toBe(2);
    // No tempo was asked for: no "Tempo kept" column of dashes.
    expect(await page.locator('[data-report-exercise="squat"] table th').allTextContents()).toEqual(
      ['Set', 'Done', 'Faults'],
    );
    // Its charts are drawn dark for paper: on the dark screen they sit on white, or they were
    // invisible before printing.
    const chart = page.locator('.trends canvas').first();
    expect(await chart.evaluate((c) => getComputedStyle(c).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    await page.screenshot({
      path: join(import.meta.dirname, '..', '..', 'test-results', 'report-screen.png'),
      fullPage: true,
    });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: join(import.meta.dirname, '..', '..', 'test-results', 'report-print.png'),
      fullPage: true,
    });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('#print-report').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('turns the camera and the detector off when the last exercise is skipped', async () => {
    await page.click('[data-nav="home"]');
    await page.click('#start-routine');
    for (const id of ['squat', 'lunge']) {
      await page.waitForFunction(
        (n) => document.getElementById('routine-progress')?.textContent?.includes(n) ?? false,
        id === 'squat' ? 'Exercise 1 of 2' : 'Exercise 2 of 2',
      );
      // Its form check under way (the person set up, the count on), then S.
      await page.waitForFunction(
        () => /^(Form check|Tracking)/.test(document.getElementById('gate')?.textContent ?? ''),
        undefined,
        { timeout: EXERCISE_TIMEOUT_MS },
      );
      await page.keyboard.press('s');
    }
    await page.locator('[data-routine-summary]').waitFor({ timeout: EXERCISE_TIMEOUT_MS });
    await page.locator('#camera-off').waitFor();
    expect(await liveCameraTracks(page)).toBe(0);
    // Nothing is analysed once it is summed up (the detector had gone on with no set to judge).
    const analysed = async () => (await snapshot(page)).analysed;
    const before = await analysed();
    await page.waitForTimeout(1000);
    expect(await analysed()).toBe(before);
  });

  it('keeps the numbers edited in a step, its rest too, across a reload', async () => {
    await page.click('[data-nav="home"]');
    const step = page.locator('#routine-steps > li').first();
    const edit = step.locator('details.edit');
    if ((await edit.getAttribute('open')) === null) await edit.locator('> summary').click();
    await step.getByLabel('Rest (s)').fill('25');
    await step.getByLabel('Reps').fill('4');
    await step.getByLabel('Reps').press('Tab');
    expect(await step.locator('.rx').textContent()).toBe('1 × 4 reps, rest 25 s');
    await page.reload();
    await page.locator('#routine-steps > li').first().waitFor();
    expect(await page.locator('#routine-steps > li .rx').first().textContent()).toBe(
      '1 × 4 reps, rest 25 s',
    );
  });

  it('shows the numbers a set will use: one typed out of range reads as the nearest allowed', async () => {
    await page.click('[data-nav="home"]');
    const card = page.locator('[data-exercise="squat-hold"]');
    const edit = card.locator('details.edit');
    if ((await edit.getAttribute('open')) === null) await edit.locator('> summary').click();
    // A hold is at least 5 s; sets are 1 to 10; a cleared field keeps the number it showed.
    const enter = async (label: string, text: string) => {
      await card.getByLabel(label).fill(text);
      await card.getByLabel(label).press('Tab');
    };
    await enter('Seconds', '3');
    await enter('Sets', '12');
    await enter('Rest (s)', '45');
    await enter('Rest (s)', '');
    expect(await card.getByLabel('Seconds').inputValue()).toBe('5');
    expect(await card.getByLabel('Sets').inputValue()).toBe('10');
    expect(await card.getByLabel('Rest (s)').inputValue()).toBe('45');
    expect(await card.locator('.rx').textContent()).toBe('10 × 5 s, rest 45 s');
  });
});
