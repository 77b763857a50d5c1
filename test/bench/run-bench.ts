// npm run bench: pose detection speed and accuracy, per model, in Node and in the real worker in
// headless Chromium (wasm; threads on and off), against the main thread as the raw baseline.
// Prints a table; nothing here is a test (timings vary by machine).
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePoseService } from '../../src/node/node-pose-service.ts';
import { decodeVideo, probeVideo } from '../../src/node/video-decoder.ts';
import { MODEL_IDS, type ModelId } from '../../src/pose/model-catalog.ts';
import type { Pose } from '../../src/pose/skeleton.ts';
import { BASE_FLAGS, CHROMIUM } from '../e2e/chromium.ts';
import { GOLDEN_CLIP as CLIP, meanErrorPx } from '../support/golden.ts';
import { openBench, runInPage, type BenchRunResult } from '../e2e/bench-page.ts';
import { removeScratch } from '../support/scratch.ts';
import { serveTestBuild } from './test-build.ts';

/** The clip is 13 s at 5 frames/s: run it three times over for steadier figures (tracking restarts each pass). */
const PASSES = 3;

const quantile = (v: readonly number[], q: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))] ?? NaN;

interface Row {
  where: string;
  model: ModelId;
  loadMs: number;
  frameMs: readonly number[];
  errorPx: number;
  memMB: number | undefined;
}

async function nodeRow(model: ModelId): Promise<Row> {
  const service = createNodePoseService();
  const info = await service.init({ model, backend: 'wasm' });
  const frames = [];
  for await (const f of decodeVideo(CLIP, await probeVideo(CLIP))) frames.push(f);
  const frameMs: number[] = [];
  const poses: (Pose | null)[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    service.reset();
    for (const f of frames) {
      const t0 = performance.now();
      const r = await service.estimate({ ...f, data: f.data.slice() }, f.timestampMs + 1);
      frameMs.push(performance.now() - t0);
      if (pass === 0) poses.push(r.pose);
    }
  }
  service.dispose();
  return {
    where: 'node wasm',
    model,
    loadMs: info.loadMs,
    frameMs,
    errorPx: meanErrorPx(poses),
    memMB: process.memoryUsage().rss / 1e6,
  };
}

function browserRow(where: string, r: BenchRunResult): Row {
  return {
    where,
    model: r.model,
    loadMs: r.loadMs,
    frameMs: r.frameMs,
    errorPx: meanErrorPx(r.poses),
    memMB: r.heapMB,
  };
}

const rows: Row[] = [];
for (const model of MODEL_IDS) rows.push(await nodeRow(model));

const served = await serveTestBuild();
const base = served.baseUrl;
const profile = await mkdtemp(join(tmpdir(), 'formcheck-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [...BASE_FLAGS, '--enable-precise-memory-info'],
});
const page = await openBench(context, base, CLIP, 5);
/** Runs of one configuration, passes pooled (first pass's poses kept for the error). */
function pooled(runs: readonly BenchRunResult[]): BenchRunResult | undefined {
  const first = runs[0];
  return first === undefined
    ? undefined
    : {
        ...first,
        frameMs: runs.flatMap((r) => r.frameMs),
        inferenceMs: runs.flatMap((r) => r.inferenceMs),
      };
}

const workerRuns = new Map<ModelId, BenchRunResult>();
for (const model of MODEL_IDS) {
  // Worker and main thread interleaved (A B A B A B) so drift on a busy 2-core machine hits both.
  const worker: BenchRunResult[] = [];
  const main: BenchRunResult[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    worker.push(await runInPage(page, 'runWorker', model, 'wasm', false));
    main.push(await runInPage(page, 'runMainThread', model, 'wasm', false));
  }
  const w = pooled(worker);
  const m = pooled(main);
  if (w !== undefined) {
    rows.push(browserRow('chromium worker (wasm)', w));
    workerRuns.set(model, w);
  }
  rows.push(
    browserRow(
      'chromium worker (wasm threads)',
      await runInPage(page, 'runWorker', model, 'wasm', true),
    ),
  );
  if (m !== undefined) rows.push(browserRow('chromium main thread (wasm, raw)', m));
}
await context.close();
await removeScratch(profile);
await served.close();

console.log(
  `\nPose detection on ${CLIP.replace(/^.*\//, '')} (65 frames; ${PASSES} passes pooled for Node, the worker and the main thread), ${new Date().toISOString()}`,
);
console.log(
  '| where | model | load ms | median ms/frame | p95 ms/frame | fps (1000/median) | keypoint error px vs golden | memory MB |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const med = quantile(r.frameMs, 0.5);
  console.log(
    `| ${r.where} | ${r.model} | ${r.loadMs.toFixed(0)} | ${med.toFixed(1)} | ${quantile(r.frameMs, 0.95).toFixed(1)} | ${(1000 / med).toFixed(1)} | ${r.errorPx.toFixed(1)} | ${r.memMB === undefined ? '' : r.memMB.toFixed(0)} |`,
  );
}
console.log(
  '\nWhat the worker pipeline adds per frame (transfer, messages, conversion), paired frame by frame:',
);
console.log(
  'round trip seen by the page minus the time inside the detector, as a share of the detector time.',
);
for (const model of MODEL_IDS) {
  const w = workerRuns.get(model);
  if (w === undefined) continue;
  const extra = w.frameMs.map((ms, i) => ms - (w.inferenceMs[i] ?? NaN)).filter(Number.isFinite);
  const inside = quantile(w.inferenceMs.filter(Number.isFinite), 0.5);
  const added = quantile(extra, 0.5);
  console.log(
    `  ${model}: +${added.toFixed(1)} ms on ${inside.toFixed(1)} ms = ${((100 * added) / inside).toFixed(1)} %`,
  );
}
console.log('\nWorker vs main thread (separate runs, so machine noise included):');
for (const model of MODEL_IDS) {
  const w = rows.find((r) => r.model === model && r.where === 'chromium worker (wasm)');
  const m = rows.find((r) => r.model === model && r.where.startsWith('chromium main thread'));
  if (w && m)
    console.log(
      `  ${model}: ${((quantile(w.frameMs, 0.5) / quantile(m.frameMs, 0.5) - 1) * 100).toFixed(1)} %`,
    );
}
