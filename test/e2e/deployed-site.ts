import { createReadStream } from 'node:fs';
import { cp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { securityHeaders } from '../../vite.config.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** The build the Chromium tests serve (global-setup.ts). */
const BUILD = join(ROOT, 'dist-test');
const MODELS = join(ROOT, 'models');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

/**
 * A copy of the build served as a static host serves a deployment: the files in `folder` and
 * nothing else (a file a deployment removed is a 404), with the production headers. Models come
 * from the project's models/ folder, as the preview server serves them.
 */
export interface DeployedSite {
  readonly url: string;
  readonly folder: string;
  /** Whether the host still serves this path (HEAD, outside any browser). */
  serves(path: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function deploySite(folder: string): Promise<DeployedSite> {
  await cp(BUILD, folder, {
    recursive: true,
    filter: (src) => !src.startsWith(join(BUILD, 'models')),
  });
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const base = path.startsWith('/models/') ? MODELS : folder;
    const rel = path.startsWith('/models/') ? path.slice('/models/'.length) : path.slice(1);
    const file = normalize(join(base, rel === '' ? 'index.html' : rel));
    const headers = securityHeaders(false);
    void stat(file)
      .then((s) => {
        if (!file.startsWith(base + sep) || !s.isFile()) throw new Error('not a file');
        res.writeHead(200, {
          ...headers,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      })
      .catch(() => {
        res.writeHead(404, headers);
        res.end('Not found');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    folder,
    serves: async (path) => (await fetch(url + path, { method: 'HEAD' })).ok,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Deploys a new version over the site, as a new build does: every hashed file in assets/ gets a
 * new name (its hash changes), every file naming it is rewritten, the old names are gone from the
 * host, and sw.js names a new cache (its version is a hash of the files). Returns the old names.
 */
export async function deployNewVersion(folder: string, tag: string): Promise<string[]> {
  const assets = join(folder, 'assets');
  const names = await readdir(assets);
  const renamed = new Map(names.map((n) => [n, n.replace(/(\.[a-z]+)$/, `-${tag}$1`)]));
  const rewrite = async (file: string) => {
    let text = await readFile(file, 'utf8');
    for (const [from, to] of renamed) text = text.replaceAll(from, to);
    await writeFile(file, text);
  };
  for (const [from, to] of renamed) {
    if (/\.(js|css)$/.test(from)) await rewrite(join(assets, from));
    await rename(join(assets, from), join(assets, to));
  }
  for (const page of ['index.html', 'sw.js', join('test', 'bench', 'index.html')])
    await rewrite(join(folder, page));
  const sw = join(folder, 'sw.js');
  const cache = /const CACHE = 'formcheck-[^']+';/;
  await writeFile(
    sw,
    (await readFile(sw, 'utf8')).replace(cache, `const CACHE = 'formcheck-${tag}';`),
  );
  return names.map((n) => `/assets/${n}`);
}
