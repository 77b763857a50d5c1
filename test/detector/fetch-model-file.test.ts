import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchModelFile, fetchModelManifest } from '../../src/detector/fetch-model-file.ts';
import { ModelFileError, parseManifest } from '../../src/detector/model-files.ts';

// The page fetches models/ from its own server. What went wrong decides what the person should
// do: a file the server does not have is an installation to repair; a server that does not answer
// is one to start again. Served here by a real HTTP server on this machine.
describe('a model file fetched from the app’s server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/models/manifest.json') response.end('{"files": {}}');
      else if (request.url === '/models/busy.bin') response.writeHead(503).end();
      else if (request.url === '/models/weights.bin') response.end(Buffer.from([1, 2, 3]));
      else response.writeHead(404).end('Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const problem = (name: string, from = base) =>
    fetchModelFile(from, name).then(
      () => undefined,
      (e: unknown) => (e instanceof ModelFileError ? e.problem.kind : e),
    );

  it('is read when the server has it', async () => {
    expect([...new Uint8Array(await fetchModelFile(base, 'weights.bin'))]).toEqual([1, 2, 3]);
    expect(await fetchModelManifest(base)).toEqual({ files: {} });
  });

  it('is missing when the server answers 404: reinstall', async () => {
    expect(await problem('blazepose-full.bin')).toBe('missing');
    await expect(fetchModelFile(base, 'blazepose-full.bin')).rejects.toThrow(
      'models/blazepose-full.bin is missing from this installation. Reinstall the models: `npm ci`',
    );
  });

  it('is unreachable when the server does not answer: start it again', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const gone = `http://127.0.0.1:${port}/models/`;
    expect(await problem('blazepose-full.bin', gone)).toBe('unreachable');
    await expect(fetchModelFile(gone, 'blazepose-full.bin')).rejects.toThrow(
      /could not be fetched: formcheck's server did not answer.*still running, then try again/,
    );
  });

  it('is unreadable on any other answer, with the status', async () => {
    await expect(fetchModelFile(base, 'busy.bin')).rejects.toThrow(
      'models/busy.bin could not be read (HTTP 503)',
    );
  });

  it('refuses a manifest that is not one (a page served in its place)', async () => {
    const base2 = `${base}other/`;
    await expect(fetchModelManifest(base2)).rejects.toThrow(/models\/manifest\.json is missing/);
    const page = new TextEncoder().encode('<!doctype html><title>formcheck</title>');
    expect(() => parseManifest(page.buffer)).toThrow(/models\/manifest\.json could not be read/);
    expect(() => parseManifest(new TextEncoder().encode('[]').buffer)).toThrow(/no "files" in it/);
  });
});
