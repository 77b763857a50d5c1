import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import { formCheckLines } from '../../src/engine/form-check.ts';
import { parsePoseTrack } from '../../src/pose/pose-track.ts';
import { cameraTrack, recordSpeech, saidSoFar, shot, storedSets } from './app-page.ts';
import { launch, makeY4m, makeY4mSideBySide } from './chromium.ts';
import { until } from './diagnostics.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Live frames are not the video's frames: a measured value may move this much (issue #8: depth). */
const DEPTH_TOLERANCE_DEG = 10;
const VALGUS_TOLERANCE_RATIO = 0.15;
const LEAN_TOLERANCE_DEG = 10;
const TOLERANCE: Record<string, number> = {
  depth: DEPTH_TOLERANCE_DEG,
  'knee-valgus': VALGUS_TOLERANCE_RATIO,
  'forward-lean': LEAN_TOLERANCE_DEG,
};
/** A still has a figure on it: at least this many drawn (non-background) pixels. */
const MIN_DRAWN_PIXELS = 200;

/** What `formcheck analyze` says of the same clip, as form-check lines. */
function cliLines(clip: string) {
  const track = parsePoseTrack(
    readFileSync(join(FIXTURES, 'tracks', `${clip}.track.json`), 'utf8'),
  );
  return formCheckLines(findExercise('squat'), analyzeTrack(track, 'squat'));
}

/** A lunge's form check (one part) with `fakeCamera` as the webcam: the notes on its card. */
async function lungeCheckNotes(fakeCamera: string, screenshot?: string): Promise<string[]> {
  const context = await launch({ fakeCamera });
  try {
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.selectOption('#check-exercise', 'lunge');
    await page.click('#start-check');
    await formCheckCard(page);
    if (screenshot !== undefined) await shot(page, screenshot);
    return await page.locator('[data-card-note]').allTextContents();
  } finally {
    await context.close();
  }
}

interface CardLine {
  check: string;
  status: string;
  value: number | undefined;
  drawnPixels: number[];
}

/** Runs "Check my form" on the squat card and reads the verdict card when it appears. */
async function formCheck(page: Page): Promise<CardLine[]> {
  await page.click('[data-check="squat"]');
  return formCheckCard(page);
}

/** Reads the verdict card when it appears. */
async function formCheckCard(page: Page): Promise<CardLine[]> {
  await page.locator('#form-check-card li.verdict').first().waitFor({ timeout: 150_000 });
  return page.$$eval('#form-check-card li.verdict', (items) =>
    items.map((li) => {
      const e = li as HTMLElement;
      return {
        check: e.dataset['check'] ?? '',
        status: e.dataset['status'] ?? '',
        value: e.dataset['value'] === undefined ? undefined : Number(e.dataset['value']),
        drawnPixels: [...e.querySelectorAll('canvas')].map((c) => {
          const ctx = c.getContext('2d');
          if (ctx === null) return 0;
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const bg = [d[0], d[1], d[2]];
          let n = 0;
          for (let i = 0; i < d.length; i += 4)
            if (d[i] !== bg[0] || d[i + 1] !== bg[1] || d[i + 2] !== bg[2]) n += 1;
          return n;
        }),
      };
    }),
  );
}

describe('the form check before a set', () => {
  it('gives a verdict card on a clean front squat that matches `formcheck analyze`', async () => {
    const cli = cliLines('squat_front_band_woman_3reps');
    // Cut at 10 s, standing after the second rep: the clip ends rising from a third squat, and
    // looped uncut that squat would join the first standing frame, a squat no camera films.
    const context = await launch({
      fakeCamera: await makeY4m(join(FIXTURES, 'squat_front_band_woman_3reps.mp4'), 'band-check', {
        fps: 15,
        seconds: 10,
      }),
    });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      const card = await formCheck(page);
      await shot(page, 'form-check-card-clean');
      // Where to stand followed the check's second part, side on.
      expect(await page.locator('#placement').textContent()).toMatch(
        /^Part 2 of 2: stand side on to the camera/,
      );
      // One line per check that applies, with the same verdict and value as the command line.
      expect(card.map((l) => l.check)).toEqual(cli.map((l) => l.check));
      for (const line of cli) {
        const live = card.find((l) => l.check === line.check);
        expect(live?.status, line.check).toBe(line.status);
        if (line.value !== undefined && TOLERANCE[line.check] !== undefined)
          expect(Math.abs((live?.value ?? NaN) - line.value), line.check).toBeLessThanOrEqual(
            TOLERANCE[line.check] ?? 0,
          );
      }
      // The deepest moment is drawn (the figure and the reference beside it).
      const depth = card.find((l) => l.check === 'depth');
      expect(depth?.drawnPixels.length).toBe(2);
      for (const n of depth?.drawnPixels ?? []) expect(n).toBeGreaterThan(MIN_DRAWN_PIXELS);
      // Screen readers hear the verdict.
      expect(await page.locator('#announcer').textContent()).toMatch(/^Form check done\./);
      // "Redo part 2" does the second part alone (part 1 kept): the card comes back with every
      // line. This webcam faces the camera throughout, so valgus is judged from both parts each
      // time (its value within the live tolerance; the exact still of part 1 is pinned in
      // test/app/workout-session.test.ts, with part 2 redone side on).
      await page.keyboard.press('p');
      await page.locator('#form-check-card').waitFor({ state: 'hidden' });
      await page.waitForFunction(
        () => /part 2 of 2/.test(document.getElementById('gate')?.textContent ?? ''),
        undefined,
        { timeout: 60_000 },
      );
      const again = await formCheckCard(page);
      expect(again.map((l) => l.check)).toEqual(card.map((l) => l.check));
      const valgus = (lines: CardLine[]) => lines.find((l) => l.check === 'knee-valgus');
      expect(valgus(again)?.status).toBe(valgus(card)?.status);
      expect(
        Math.abs((valgus(again)?.value ?? NaN) - (valgus(card)?.value ?? NaN)),
      ).toBeLessThanOrEqual(VALGUS_TOLERANCE_RATIO);
      // The set starts from the card.
      await page.locator('[data-card="redo-last"]').waitFor();
      expect(
        await page.locator('[data-card="start"]').evaluate((b) => b === document.activeElement),
      ).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('#form-check-card').waitFor({ state: 'hidden' });
      expect(await page.locator('#placement').textContent()).toBe(findExercise('squat').placement);
      // The squat's own prescription now runs (3 × 10), not the check's 3 reps.
      await until(
        page,
        (d) => d.lastOverlay?.target.reps === 10 && d.lastOverlay.flow.sets === 3,
        30_000,
      );
    } finally {
      await context.close();
    }
  });

  it('says on the card when the reps were another exercise (squats checked as lunges)', async () => {
    const clip = 'squat_front_FORWARD_LEAN_mlsac_1rep';
    const notes = await lungeCheckNotes(
      await makeY4m(join(FIXTURES, `${clip}.mp4`), 'squat-as-lunge', { fps: 15 }),
    );
    // The card's lines judged the squats as lunges ("front knee bent to 63°"): without the
    // note it read "No fault found." and nothing else.
    expect(notes).toContainEqual(expect.stringMatching(/^This looks like a squat .*choose Squat/));
  });

  it('says on the card that someone else came into view during the check', async () => {
    // The band squats, and from 8 s the dowel squat beside them (the webcam file loops; the check
    // sets up while she is alone).
    const band = join(FIXTURES, 'squat_front_band_woman_3reps.mp4');
    const dowel = join(FIXTURES, 'squat_side_gym_dowel_2reps.mp4');
    const notes = await lungeCheckNotes(
      await makeY4mSideBySide(band, dowel, 'someone-walks-in-check', 20, 8),
      'form-check-card-someone-else',
    );
    expect(notes).toContainEqual(
      expect.stringMatching(
        /^Someone else came into view (before the first rep|after rep \d): I follow the most visible person/,
      ),
    );
  });

  it('marks a labelled forward lean "Fix this", with the worst moment drawn', async () => {
    const clip = 'squat_front_FORWARD_LEAN_mlsac_1rep';
    const cli = cliLines(clip);
    expect(cli.find((l) => l.check === 'forward-lean')?.status).toBe('fix');
    const context = await launch({
      fakeCamera: await makeY4m(join(FIXTURES, `${clip}.mp4`), 'lean-check', { fps: 15 }),
    });
    try {
      const page = await context.newPage();
      await page.addInitScript(recordSpeech);
      await page.goto(inject('baseUrl'));
      const card = await formCheck(page);
      await shot(page, 'form-check-card-forward-lean');
      // Heard from two metres, between reps: the cue in two words, the numbers on the screen.
      const said = await saidSoFar(page);
      const cues = said.filter((t) => /^(Borderline\. )?(go deeper|chest up)\.$/i.test(t));
      expect(cues.length).toBeGreaterThan(0);
      expect(said.filter((t) => /trunk|thighs|°/.test(t))).toEqual([]);
      // It ends by saying what the card found, not the workout's "Workout done".
      expect(said.at(-1)).toMatch(/^Form check done\. Fix: .*forward lean/);
      expect(said.filter((t) => t.startsWith('Workout done'))).toEqual([]);
      const lean = card.find((l) => l.check === 'forward-lean');
      expect(lean?.status).toBe('fix');
      expect(await page.locator('[data-check="forward-lean"] .badge').textContent()).toBe(
        'Fix this',
      );
      expect(lean?.drawnPixels[0]).toBeGreaterThan(MIN_DRAWN_PIXELS);
      expect(await page.locator('#announcer').textContent()).toMatch(/Fix: .*forward lean/);
      // The card up, the check is over and nothing pauses it: the camera stopping now says so
      // (the camera is still on here, for "Check again") and nothing of a paused set.
      const saidBefore = (await saidSoFar(page)).length;
      await cameraTrack(page, 'end');
      await page.locator('[data-alert="camera"]').waitFor();
      expect(await page.locator('#gate').textContent()).toBe('Form check done.');
      expect((await saidSoFar(page)).slice(saidBefore)).toEqual([]);
      // Stills stay in memory until the person keeps the card; then they are in IndexedDB.
      expect(await storedSets(page)).toEqual([]);
      await page.click('[data-card="save"]');
      await page.locator('[data-card="save"]', { hasText: 'Kept in history' }).waitFor();
      const [kept] = await storedSets(page);
      const keptLean = kept?.formCheck?.find((l) => l.check === 'forward-lean');
      expect(keptLean?.status).toBe('fix');
      expect(keptLean?.still).toMatch(/^data:image\/png;base64,/);
      // One record for the check, with the reps of both its parts (3 facing, 3 side on).
      expect(kept?.reps.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6]);
      // The history shows the card as it was kept: its lines, with the still of the fault.
      await page.click('[data-nav="history"]');
      const keptLine = page.locator('[data-kept-check] li[data-check="forward-lean"]').first();
      await keptLine.waitFor();
      expect(await keptLine.textContent()).toMatch(/^Forward lean: fix this\. /);
      expect(await keptLine.locator('img').getAttribute('src')).toBe(keptLean?.still);
    } finally {
      await context.close();
    }
  });
});
