import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // Every core: Vitest's default leaves one free (one worker on a 2-core machine), and the
          // unit files then ran one at a time (329 s here; 262 s on both cores).
          maxWorkers: '100%',
          testTimeout: 60_000,
          // First, alone: run beside the Chromium specs, both took longer than one after the other
          // (the whole suite 1580-1650 s; unit 245 s then Chromium 1080 s), and the live specs'
          // detector got a share of the cores, not the whole machine a person's laptop gives it.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time on a 2-core machine; the app is built once (global setup).
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
