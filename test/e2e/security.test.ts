import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicy } from '../../vite.config.ts';
import { startExercise } from './app-page.ts';
import { launch, makeY4m } from './chromium.ts';
import { until } from './diagnostics.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLIP = join(ROOT, 'test', 'fixtures', 'squat_front_band_woman_3reps.mp4');

/** A server on another local port that counts what reaches it (nothing should). */
function listener(): Promise<{ server: Server; hits: string[]; url: string }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('leaked');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        hits,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      }),
    ),
  );
}

/** A GET of exactly `path`, with no URL normalisation on the way. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('the security policy that ships', () => {
  let other: Awaited<ReturnType<typeof listener>>;

  beforeAll(async () => {
    other = await listener();
  });

  afterAll(() => {
    other?.server.close();
  });

  it('is sent as a header on the page and on the worker script, with no unsafe sources', async () => {
    const base = inject('baseUrl');
    const page = await fetch(`${base}/`);
    const workerFile = readdirSync(join(ROOT, 'dist-test', 'assets')).find((f) =>
      /^pose\.worker-.*\.js$/.test(f),
    );
    const worker = await fetch(`${base}/assets/${workerFile}`);
    for (const response of [page, worker]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toBe(contentSecurityPolicy(false));
      expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|ws:/);
      expect(csp).toMatch(/connect-src 'self'(;|$)/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // The built page has no inline script or style for the policy to have to allow.
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });

  it('blocks eval in the page, and requests to another port from the page and the pose worker', async () => {
    const context = await launch({ fakeCamera: await makeY4m(CLIP, 'band-csp', { fps: 10 }) });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await startExercise(page, 'squat');
      await until(page, (s) => s.analysed > 3, 60_000);
      // Run from the page's own event loop: code evaluated by the test driver itself is exempt.
      expect(
        await page.evaluate(
          () =>
            new Promise<string>((resolve) =>
              setTimeout(() => {
                try {
                  resolve(String(eval('1 + 1')));
                } catch (e) {
                  resolve((e as Error).name);
                }
              }, 0),
            ),
        ),
      ).toBe('EvalError');
      const tryFetch = (url: string) =>
        fetch(url).then(
          () => 'arrived',
          (e: unknown) => (e as Error).name,
        );
      expect(await page.evaluate(tryFetch, `${other.url}/from-page`)).toBe('TypeError');
      const worker = page.workers().find((w) => w.url().includes('pose.worker'));
      expect(worker, 'the pose worker is running').toBeDefined();
      expect(await worker?.evaluate(tryFetch, `${other.url}/from-worker`)).toBe('TypeError');
      expect(other.hits).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves nothing outside models/ under /models (an encoded ../ included)', async () => {
    const base = inject('baseUrl');
    // Sent byte for byte (fetch would normalise a dot segment before sending it).
    for (const path of [
      '/models/..%2fpackage.json',
      '/models/..%2f..%2fetc/passwd',
      '/models/%2e%2e%2fvite.config.ts',
      '/models/..%5cpackage.json',
    ]) {
      const { status, body } = await rawGet(base, path);
      expect(status, path).toBe(404);
      expect(body).not.toMatch(/"name": "formcheck"|root:|defineConfig/);
    }
    expect((await fetch(`${base}/models/manifest.json`)).status).toBe(200);
  });

  it("is the policy the README's privacy section quotes", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${contentSecurityPolicy(false)}`);
  });

  it('keeps the bench and test pages out of the production build', async () => {
    await build({ root: ROOT, logLevel: 'warn', mode: 'production' });
    const dist = join(ROOT, 'dist');
    const assets = readdirSync(join(dist, 'assets'));
    expect(assets.filter((f) => /bench/.test(f))).toEqual([]);
    expect(existsSync(join(dist, 'test'))).toBe(false);
    expect(readFileSync(join(dist, 'sw.js'), 'utf8')).not.toMatch(/bench|\/test\//);
  });
});
