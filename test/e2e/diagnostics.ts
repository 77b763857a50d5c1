import type { Page } from 'playwright-core';
import type { DiagnosticsSnapshot } from '../../src/app/diagnostics.ts';
import type { FrameTiming } from '../../src/app/live-stats.ts';

/** The page's own diagnostics (window.formcheck), as plain data. */
export function snapshot(page: Page): Promise<DiagnosticsSnapshot> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { formcheck: { snapshot(): DiagnosticsSnapshot } }
    ).formcheck.snapshot(),
  );
}

/** The page's own per-frame timings (window.formcheck, as the live bench reads them). */
export function timings(page: Page): Promise<FrameTiming[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { formcheck: { timings(): FrameTiming[] } }).formcheck.timings(),
  );
}

/** Polls the diagnostics until `ready` holds; fails with the last snapshot after `timeoutMs`. */
export async function until(
  page: Page,
  ready: (s: DiagnosticsSnapshot) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<DiagnosticsSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: DiagnosticsSnapshot | undefined;
  while (Date.now() < deadline) {
    last = await page
      .evaluate(() =>
        (
          globalThis as unknown as { formcheck?: { snapshot(): DiagnosticsSnapshot } }
        ).formcheck?.snapshot(),
      )
      .catch(() => undefined);
    if (last !== undefined && ready(last)) return last;
    await page.waitForTimeout(intervalMs);
  }
  throw new Error(
    `the page did not get there in ${timeoutMs} ms; last diagnostics: ${JSON.stringify(
      last === undefined ? last : { ...last, lastOverlay: undefined, lastReport: undefined },
    )}`,
  );
}
