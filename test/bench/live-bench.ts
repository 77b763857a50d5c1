// The live app measured where the user is: the built app in Debian's Chromium, a real clip as a
// 30 fps webcam, a set of an exercise (a squat set by default) through the workout flow. Used by `npm run bench:live` (a table) and
// by the soak test (memory bounds). Nothing here asserts a speed.
import type { BrowserContext, Page } from 'playwright-core';
import type { DiagnosticsSnapshot } from '../../src/app/diagnostics.ts';
import type { FrameTiming } from '../../src/app/live-stats.ts';
import { startExercise } from '../e2e/app-page.ts';
import { openBench, runInPage } from '../e2e/bench-page.ts';
import { launch, makeY4m } from '../e2e/chromium.ts';
import { snapshot, until } from '../e2e/diagnostics.ts';
import { findExercise } from '../../src/engine/catalog.ts';
import type { ExerciseKind } from '../../src/engine/exercise-def.ts';
import type { KindLive } from '../../src/engine/kinds/kind-analyzer.ts';

export interface LiveBenchOptions {
  readonly baseUrl: string;
  readonly clip: string;
  /** The exercise whose set is run (its catalogue id; `squat` otherwise). */
  readonly exercise?: string;
  /** How long to measure once the set has started (s). */
  readonly seconds: number;
  /** Memory is sampled this often (s). */
  readonly sampleEverySec: number;
  readonly cameraFps?: number;
  /** The webcam's frame size (the clip 480 px high otherwise): 640×360, or a 1280×720-only camera. */
  readonly camera?: { readonly width: number; readonly height: number };
  /** The browser window's size (1280×800 otherwise): the picture and its overlay fill it. */
  readonly window?: { readonly width: number; readonly height: number };
  /** Also run the detector alone on the clip's frames in the same browser (the ceiling). */
  readonly raw?: boolean;
}

export interface MemorySample {
  readonly atSec: number;
  /** The page's JS heap (performance.memory), MB. */
  readonly pageHeapMB: number;
  /** Page and workers together (measureUserAgentSpecificMemory), MB, when the browser tells. */
  readonly allMB: number | undefined;
  readonly tensors: number | undefined;
  /** This origin's storage (IndexedDB, caches), MB. */
  readonly storageMB: number | undefined;
}

export interface LiveBenchResult {
  readonly runtime: string;
  readonly seconds: number;
  readonly cameraFps: number;
  readonly analysedFps: number;
  readonly frames: readonly FrameTiming[];
  readonly longTasksMs: readonly number[];
  readonly memory: readonly MemorySample[];
  /** What the set counted by the end, in words ("12 reps counted", "31.0 s held"). */
  readonly counted: string;
  /** The detector alone, one frame after another in a worker: ms per frame. */
  readonly rawFrameMs: readonly number[] | undefined;
  /** A first visit (fresh profile): from opening the page until the pose model is ready, ms. */
  readonly modelReadyMs: number;
}

const MB = 1024 * 1024;

/** Waits (at most 30 s) for the app's service worker to be installed and active. */
async function offlineCacheFilled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready,
      new Promise((resolve) => setTimeout(resolve, 30_000)),
    ]),
  );
}

async function memory(page: Page, atSec: number): Promise<MemorySample> {
  const m = await page.evaluate(async () => {
    const heap = (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
    const measure = (
      performance as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }
    ).measureUserAgentSpecificMemory;
    const all = crossOriginIsolated && measure ? await measure.call(performance) : undefined;
    const storage = await navigator.storage?.estimate?.();
    return { heap: heap ?? 0, all: all?.bytes, storage: storage?.usage };
  });
  const s = await snapshot(page);
  return {
    atSec,
    pageHeapMB: m.heap / MB,
    allMB: m.all === undefined ? undefined : m.all / MB,
    tensors: s.tensors,
    storageMB: m.storage === undefined ? undefined : m.storage / MB,
  };
}

/** A set no bench run reaches the end of. */
const LONGEST_SET: Record<ExerciseKind, Parameters<typeof startExercise>[2]> = {
  reps: { reps: 100 },
  hold: { seconds: 600 },
  circles: { perDirectionSeconds: 600 },
  walk: { seconds: 600 },
};

/** What the set counted by the end, in words. */
function counted(kind: ExerciseKind, live: KindLive | undefined): string {
  if (kind === 'hold') return `${(live?.heldSec ?? 0).toFixed(1)} s held`;
  if (kind === 'circles') {
    const c = live?.circles;
    return `${(c?.clockwise ?? 0) + (c?.anticlockwise ?? 0)} circles counted`;
  }
  if (kind === 'walk') return `${live?.steps ?? 0} steps counted`;
  return `${live?.repCount ?? 0} reps counted`;
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Runs one set for `seconds` with the clip as the camera and measures it. */
export async function runLiveBench(
  options: LiveBenchOptions,
  log: (line: string) => void = () => undefined,
): Promise<LiveBenchResult> {
  const fps = options.cameraFps ?? 30;
  log(`making a ${fps} fps webcam file from ${options.clip}…`);
  const y4m = await makeY4m(options.clip, 'live-bench', {
    fps,
    ...(options.camera === undefined ? {} : { frame: options.camera }),
  });
  const context: BrowserContext = await launch({
    fakeCamera: y4m,
    extraArgs: ['--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  try {
    const page = await context.newPage();
    if (options.window !== undefined) await page.setViewportSize(options.window);
    const opened = Date.now();
    await page.goto(options.baseUrl);
    await until(page, (s) => s.info !== undefined, 60_000, 50);
    const modelReadyMs = Date.now() - opened;
    const exercise = findExercise(options.exercise ?? 'squat');
    await startExercise(page, exercise.id, { sets: 1, ...LONGEST_SET[exercise.kind] });
    log('waiting for the set to start (set-up, countdown)…');
    await until(page, (s) => s.lastOverlay?.flow.phase === 'set', 180_000);
    // The offline cache is filled once the model has loaded (main.ts), on a first visit about
    // when the set starts: memory and storage are measured from after it, so they show the set.
    await offlineCacheFilled(page);
    const startMs = await pageNow(page);
    const start: DiagnosticsSnapshot = await snapshot(page);
    const samples = [await memory(page, 0)];
    const endAt = Date.now() + options.seconds * 1000;
    for (let next = options.sampleEverySec; Date.now() < endAt; next += options.sampleEverySec) {
      const wait = Math.min(endAt, Date.now() + options.sampleEverySec * 1000) - Date.now();
      await page.waitForTimeout(Math.max(0, wait));
      samples.push(await memory(page, Math.min(next, options.seconds)));
      log(`  ${Math.round(samples.at(-1)?.atSec ?? 0)} s measured`);
    }
    const endMs = await pageNow(page);
    const end = await snapshot(page);
    const { frames, longTasks } = await page.evaluate(
      ([from]) => {
        const f = (
          globalThis as unknown as {
            formcheck: {
              timings(from: number): FrameTiming[];
              longTasks(from: number): { durationMs: number }[];
            };
          }
        ).formcheck;
        // The first second of the set is left out (the bound starts after it).
        return { frames: f.timings(from), longTasks: f.longTasks(from + 1000) };
      },
      [startMs] as const,
    );
    await page.keyboard.press('e');
    const seconds = (endMs - startMs) / 1000;
    const rawFrameMs =
      options.raw === false ? undefined : await rawDetector(context, options, end.info?.model);
    return {
      runtime: end.runtime,
      seconds,
      cameraFps: (end.cameraFrames - start.cameraFrames) / seconds,
      analysedFps: (end.analysed - start.analysed) / seconds,
      frames: frames.filter((f) => f.receivedMs <= endMs),
      longTasksMs: longTasks.map((t) => t.durationMs),
      memory: samples,
      counted: counted(exercise.kind, end.lastOverlay?.live),
      rawFrameMs,
      modelReadyMs,
    };
  } finally {
    await context.close();
  }
}

/** The same model alone in a worker on the clip's frames, one after another: the ceiling. */
async function rawDetector(
  context: BrowserContext,
  options: LiveBenchOptions,
  model: string | undefined,
): Promise<number[]> {
  const page = await openBench(context, options.baseUrl, options.clip, 30, 150);
  const run = await runInPage(page, 'runWorker', (model ?? 'blazepose-full') as never);
  await page.close();
  return [...run.frameMs];
}
