import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runLiveBench } from '../bench/live-bench.ts';

const CLIP = join(import.meta.dirname, '..', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
/**
 * Bounds for a minute of a live set (5-minute runs here, with a 640×360 webcam: page heap 3.9 →
 * 5.7 MB, page + workers 39 → 41 MB; with a 270×480 one: 3.5 → 13.5 MB in the first two minutes,
 * then flat, and 38 → 47 MB; tensors constant; storage +0.2 MB a minute as the set's record grows
 * with its reps). A minute is enough for the leaks that matter: one 640×360 frame kept per frame
 * analysed is 0.9 MB × 10-15 frames/s, over 500 MB a minute, and one tensor per frame changes the
 * count; longer runs (`npm run bench:live -- --minutes 5`) are for the slow drifts above.
 */
/** A laptop camera as the app asks for it (app/camera.ts: 640 px wide). */
const CAMERA = { width: 640, height: 360 };
const SOAK_SECONDS = 60;
const PAGE_HEAP_GROWTH_MB = 25;
const ALL_MEMORY_GROWTH_MB = 40;
const STORAGE_GROWTH_MB = 2;

describe('a long live set', () => {
  it('keeps memory, tensors and storage bounded over a minute with a real clip as the camera', async () => {
    const r = await runLiveBench({
      baseUrl: inject('baseUrl'),
      clip: CLIP,
      seconds: SOAK_SECONDS,
      sampleEverySec: 30,
      raw: false,
      camera: CAMERA,
    });
    const first = r.memory[0];
    const last = r.memory.at(-1);
    if (first === undefined || last === undefined) throw new Error('no memory samples');
    expect(r.memory.length).toBeGreaterThanOrEqual(3);
    expect(r.analysedFps).toBeGreaterThan(0);
    expect(r.counted).toMatch(/^[1-9]\d* reps counted$/);
    expect(last.tensors).toBe(first.tensors);
    expect(last.pageHeapMB - first.pageHeapMB).toBeLessThan(PAGE_HEAP_GROWTH_MB);
    if (first.allMB !== undefined && last.allMB !== undefined)
      expect(last.allMB - first.allMB).toBeLessThan(ALL_MEMORY_GROWTH_MB);
    expect((last.storageMB ?? 0) - (first.storageMB ?? 0)).toBeLessThan(STORAGE_GROWTH_MB);
  }, 400_000);
});
