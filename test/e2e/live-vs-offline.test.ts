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

/**
 * Each clip as the webcam plays it. The file plays, and loops, from when the page opens the camera,
 * so the set must open while the person still stands before the first rep, and the loop must join
 * standing to standing; otherwise the live set counts other squats than the command line's (one
 * begun before the set opened, or the clip's last, cut off rising, joined to its first standing
 * frame), and comparing them rep by rep says nothing. The dowel clip stands for 8.7 s before its
 * first rep and ends standing. The band clip (5 frames/s, 13 s) squats from 0.8 s and ends rising
 * from a third squat: its first frame is held 8 s and it is cut at 10 s, standing after the second
 * rep (8.4-10.2 s).
 */
const CLIPS: readonly {
  readonly clip: string;
  readonly camera: { seconds?: number; holdFirstSec?: number };
}[] = [
  { clip: 'squat_side_gym_dowel_2reps', camera: {} },
  { clip: 'squat_front_band_woman_3reps', camera: { seconds: 10, holdFirstSec: 8 } },
];

describe('live and offline agree', () => {
  it.each(CLIPS)(
    'counts, measures and judges $clip played as a 30 fps webcam as `formcheck analyze` does',
    async ({ clip, camera }) => {
      const cli = analyzeTrack(
        parsePoseTrack(readFileSync(join(FIXTURES, 'tracks', `${clip}.track.json`), 'utf8')),
        'squat',
      );
      const context = await launch({
        fakeCamera: await makeY4m(join(FIXTURES, `${clip}.mp4`), `${clip}-30fps`, {
          fps: 30,
          ...camera,
        }),
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
