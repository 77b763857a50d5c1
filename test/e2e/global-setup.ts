import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { removeScratch, SCRATCH_ROOT_ENV } from '../support/scratch.ts';

let server: PreviewServer | undefined;

/**
 * Builds the app once and serves it for the Chromium tests: the production build plus the bench
 * page (`--mode test`, into dist-test/), with the production headers (policy, isolation). The
 * run's browser profiles and webcam files go in one scratch folder, removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(join(tmpdir(), 'formcheck-e2e-'));
  process.env[SCRATCH_ROOT_ENV] = scratch;
  await build({ logLevel: 'warn', mode: 'test' });
  server = await preview({
    mode: 'test',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not start');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    await removeScratch(scratch);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
