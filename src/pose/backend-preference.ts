/** Which tfjs backend to ask the worker for (`auto` picks the fastest that works here). */
export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'webgl', 'wasm'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
