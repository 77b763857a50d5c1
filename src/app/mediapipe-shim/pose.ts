/**
 * Stand-in for `@mediapipe/pose` in the bundle (see vite.config.ts). pose-detection's tfjs runtime
 * imports this class but never constructs it; the MediaPipe runtime uses the real script, loaded
 * as a classic <script> (src/app/mediapipe-runtime.ts).
 */
export class Pose {
  constructor() {
    throw new Error('The MediaPipe runtime is loaded as a classic script, not bundled.');
  }
}
export const POSE_CONNECTIONS: readonly [number, number][] = [];
export const VERSION = 'shim';
