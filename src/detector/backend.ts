import * as tf from '@tensorflow/tfjs';

import type { BackendPreference } from '../pose/backend-preference.ts';

export type { BackendPreference };

export interface BackendReport {
  readonly name: string;
  /** Why this backend was chosen, in a few words for the page's status line and the bench. */
  readonly reason: string;
  /** The WebGL renderer the choice was made on, in full (diagnostics and bug reports). */
  readonly renderer?: string;
  readonly wasmSimd?: boolean;
  readonly wasmThreads?: boolean;
}

/** Renderer strings of WebGL implementations that run on the CPU: 7-15x slower than wasm SIMD (POSE-STACK.md). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|software|softpipe/i;

/** What the renderer check needs of WebGL (this module is also compiled for Node, without it). */
interface GlLike {
  readonly RENDERER: number;
  getExtension(name: 'WEBGL_debug_renderer_info'): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(name: number): unknown;
}

function webglRenderer(): string | undefined {
  const Offscreen = (
    globalThis as {
      OffscreenCanvas?: new (w: number, h: number) => { getContext(id: 'webgl2'): unknown };
    }
  ).OffscreenCanvas;
  if (Offscreen === undefined) return undefined;
  const gl = new Offscreen(1, 1).getContext('webgl2') as GlLike | null;
  if (gl === null) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

async function hasHardwareWebGpu(): Promise<boolean> {
  interface AdapterLike {
    readonly isFallbackAdapter?: boolean;
    readonly info?: { readonly isFallbackAdapter?: boolean };
  }
  const nav = (
    globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<AdapterLike | null> } } }
  ).navigator;
  if (nav?.gpu === undefined) return false;
  const adapter = await nav.gpu.requestAdapter().catch(() => null);
  // A fallback adapter is a software rasterizer: slower than wasm SIMD.
  return (
    adapter !== null &&
    adapter.isFallbackAdapter !== true &&
    adapter.info?.isFallbackAdapter !== true
  );
}

async function trySet(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

async function wasmReport(reason: string, renderer?: string): Promise<BackendReport> {
  return {
    name: 'wasm',
    reason,
    ...(renderer === undefined ? {} : { renderer }),
    wasmSimd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    wasmThreads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  };
}

/**
 * Picks the tfjs backend. `auto` prefers a hardware GPU (WebGPU, then WebGL) and falls back to
 * wasm: a software GPU (SwiftShader in headless Chromium, llvmpipe) is skipped because wasm SIMD
 * is much faster there. An explicit preference is honoured or fails with a clear message.
 */
export async function chooseBackend(
  preference: BackendPreference,
  wasmThreads = true,
): Promise<BackendReport> {
  // Must be decided before the wasm backend first starts (tfjs reads the flag once).
  if (!wasmThreads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (preference === 'wasm') {
    if (!(await trySet('wasm')))
      throw new Error('The wasm backend could not start in this browser.');
    return wasmReport('asked for');
  }
  if (preference === 'webgpu' || preference === 'webgl') {
    if (!(await trySet(preference))) {
      throw new Error(
        `The ${preference} backend is not available in this browser; choose auto or wasm.`,
      );
    }
    return { name: preference, reason: 'asked for' };
  }
  if ((await hasHardwareWebGpu()) && (await trySet('webgpu'))) {
    return { name: 'webgpu', reason: 'auto: hardware WebGPU adapter' };
  }
  const renderer = webglRenderer();
  if (renderer !== undefined && !SOFTWARE_RENDERERS.test(renderer) && (await trySet('webgl'))) {
    return { name: 'webgl', reason: 'auto: WebGL on a hardware GPU', renderer };
  }
  if (await trySet('wasm')) {
    const why = renderer === undefined ? 'no GPU backend' : 'the GPU is software-rendered';
    return wasmReport(`auto: ${why}`, renderer);
  }
  if (await trySet('cpu')) return { name: 'cpu', reason: 'auto: nothing faster could start' };
  throw new Error('No TensorFlow.js backend could start.');
}
