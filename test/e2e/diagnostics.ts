import type { Page } from 'playwright-core';
import type { DiagnosticsSnapshot } from '../../src/app/diagnostics.ts';

/** The page's own diagnostics (window.formcheck), as plain data. */
export function snapshot(page: Page): Promise<DiagnosticsSnapshot> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { formcheck: { snapshot(): DiagnosticsSnapshot } }
    ).formcheck.snapshot(),
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
