import type { BrowserContext, Page } from 'playwright-core';
import type { ModelId } from '../../src/pose/model-catalog.ts';
import type { Pose } from '../../src/pose/skeleton.ts';

export interface BenchRunResult {
  readonly model: ModelId;
  readonly backend: string;
  readonly backendReason: string;
  readonly loadMs: number;
  readonly frameMs: readonly number[];
  readonly inferenceMs: readonly number[];
  readonly poses: readonly (Pose | null)[];
  readonly heapMB?: number;
}

/** Opens the bench page and decodes every frame of `clip` at `fps` in Chromium. */
export async function openBench(
  context: BrowserContext,
  baseUrl: string,
  clip: string,
  fps: number,
  maxFrames = 300,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/test/bench/index.html?fps=${fps}`);
  await page.waitForFunction(
    () => (globalThis as { formcheckBench?: { loaded: boolean } }).formcheckBench?.loaded === true,
  );
  const buffer = (await import('node:fs')).readFileSync(clip);
  await page.evaluate(
    async ([bytes, max]) => {
      const file = new File([new Uint8Array(bytes)], 'clip.mp4', { type: 'video/mp4' });
      await (
        globalThis as unknown as {
          formcheckBench: { loadFrames(f: File, n: number): Promise<number> };
        }
      ).formcheckBench.loadFrames(file, max);
    },
    [[...buffer], maxFrames] as const,
  );
  return page;
}

export function runInPage(
  page: Page,
  where: 'runWorker' | 'runMainThread',
  model: ModelId,
  backend = 'wasm',
  threads = false,
): Promise<BenchRunResult> {
  return page.evaluate(
    ([w, m, b, t]) =>
      (
        globalThis as unknown as Record<
          string,
          Record<string, (m: string, b: string, t: boolean) => Promise<BenchRunResult>>
        >
      )['formcheckBench']![w]!(m, b, t),
    [where, model, backend, threads] as const,
  );
}
