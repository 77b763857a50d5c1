import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { analyzeTrack } from '../../src/engine/analyze-track.ts';
import type { RepReport } from '../../src/engine/report.ts';
import { parsePoseTrack } from '../../src/pose/pose-track.ts';
import { startExercise, storedSets } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Issue #8: each rep's depth live within this of the command line's on the same clip. */
const DEPTH_TOLERANCE_DEG = 10;

describe('live and offline agree', () => {
  it.each(['squat_side_gym_dowel_2reps', 'squat_front_band_woman_3reps'])(
    'counts, measures and judges %s played as a 30 fps webcam as `formcheck analyze` does',
    async (clip) => {
      const cli = analyzeTrack(
        parsePoseTrack(readFileSync(join(FIXTURES, 'tracks', `${clip}.track.json`), 'utf8')),
        'squat',
      );
      const context = await launch({
        fakeCamera: await makeY4m(join(FIXTURES, `${clip}.mp4`), `${clip}-30fps`, { fps: 30 }),
      });
      try {
        const page = await context.newPage();
        await page.goto(inject('baseUrl'));
        await startExercise(page, 'squat', { sets: 1, reps: cli.repCount ?? 0 });
        await page.locator('[data-session-done]').waitFor({ timeout: 120_000 });
        const [set] = await storedSets(page);
        const live = (set?.reps ?? []) as RepReport[];
        expect(live).toHaveLength(cli.repCount ?? -1);
        live.forEach((rep, i) => {
          const offline = cli.reps?.[i]?.depth?.thighAboveLevelDeg;
          const online = rep.depth?.thighAboveLevelDeg;
          expect(online, `rep ${i + 1} depth`).toBeTypeOf('number');
          expect(Math.abs((online ?? NaN) - (offline ?? NaN)), `rep ${i + 1}`).toBeLessThanOrEqual(
            DEPTH_TOLERANCE_DEG,
          );
          expect(rep.faults.map((f) => f.code).sort(), `rep ${i + 1} faults`).toEqual(
            (cli.reps?.[i]?.faults ?? []).map((f) => f.code).sort(),
          );
        });
      } finally {
        await context.close();
      }
    },
  );
});
