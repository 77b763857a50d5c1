import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const modelsDir = join(root, 'models');

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.data': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.binarypb': 'application/octet-stream',
};

/** Serves models/ at /models/ (dev and preview) and copies it into dist/models on build. */
function modelsPlugin(): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    if (!url.startsWith('/models/')) return next();
    const file = normalize(join(modelsDir, decodeURIComponent(url.slice('/models/'.length))));
    if (!file.startsWith(modelsDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end(`Not found: ${url}. Run npm ci to install the models.`);
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'formcheck-models',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
    async closeBundle() {
      if (existsSync(join(root, 'dist'))) await cp(modelsDir, join(root, 'dist', 'models'), { recursive: true });
    },
  };
}

/** Cross-origin isolation: lets the wasm backend use threads (SharedArrayBuffer). */
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [modelsPlugin()],
  publicDir: false,
  resolve: {
    alias: [
      // pose-detection's ESM imports a class from @mediapipe/pose, whose script has no exports
      // (POSE-STACK.md pitfall 1). The tfjs runtime never constructs it; the MediaPipe runtime is
      // loaded as a classic script instead (src/app/mediapipe-runtime.ts).
      { find: /^@mediapipe\/pose$/, replacement: resolve(root, 'src/app/mediapipe-shim/pose.ts') },
    ],
  },
  server: { headers: ISOLATION },
  preview: { headers: ISOLATION },
  optimizeDeps: { include: ['@tensorflow/tfjs-backend-wasm'] },
  worker: {
    format: 'es',
    // tfjs turns code into Blob workers via toString(); the minifier's compress pass breaks it
    // (POSE-STACK.md pitfall 2).
    rolldownOptions: { output: { minify: { compress: false, mangle: true } } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { main: resolve(root, 'index.html'), bench: resolve(root, 'test/bench/index.html') },
    },
  },
});
