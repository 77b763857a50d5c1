/// <reference lib="webworker" />
// The pose worker: a few lines that expose its API (STYLE.md). The detector is the PoseService
// (src/detector), which Node runs unchanged for the command line.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { expose } from 'comlink';
import { createBrowserPoseService } from './browser-pose-service.ts';
import { holdLifeLock } from './life-lock.ts';
import { createWorkerApi } from './pose-worker-api.ts';

// The wasm binaries come from our own origin, never a CDN.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const service = createBrowserPoseService(new URL('/models/', self.location.origin).href);
// The page names the worker after its life lock, and watches the lock to learn when it ends.
expose(createWorkerApi(service, holdLifeLock(self.name)));
