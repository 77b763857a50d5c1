import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder a test run keeps its scratch files in, when the run made one (e2e global setup). */
export const SCRATCH_ROOT_ENV = 'FORMCHECK_TEST_TMP';

/**
 * A fresh folder for files a test makes (browser profiles, webcam files, command-line outputs):
 * inside the run's own scratch folder when it has one, which goes when the run ends, else in the
 * system's temporary folder. Whoever makes one removes it when done (`removeScratch`): a browser
 * profile is ~55 MB and a raw .y4m webcam file up to a few hundred, and left behind, every run
 * of the suite added gigabytes to /tmp.
 */
export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(process.env[SCRATCH_ROOT_ENV] ?? tmpdir(), prefix));
}

/** Removes a scratch folder and all in it (nothing if it is gone already). */
export async function removeScratch(dir: string | undefined): Promise<void> {
  if (dir === undefined || dir === '') return;
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
