import { join } from 'node:path';
import { build, preview } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServedBuild {
  /** Where it is served, without a trailing slash. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The production build plus the bench page (`vite build --mode test`, into dist-test/), served with
 * the production headers on a free local port: what the benchmarks measure.
 */
export async function serveTestBuild(): Promise<ServedBuild> {
  await build({ root: ROOT, logLevel: 'warn', mode: 'test' });
  const server = await preview({
    root: ROOT,
    mode: 'test',
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  return {
    baseUrl: (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, ''),
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
