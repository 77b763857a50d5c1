// npm run bench:live [-- --clip FILE] [--exercise ID] [--minutes N] [--camera WxH,...] [--window WxH,...] [--no-cli | --cli-only]: the live app's own speed,
// latency and memory in Debian's Chromium with a real clip as a 30 fps webcam (by default one that
// gives the 640×360 the app asks for, then one that only gives 1280×720; each in every browser window
// size given, 1280×800 by default: the picture and its overlay fill the window), through a set of the
// exercise given (a squat by default), side by side with the detector alone
// on the same frames (the ceiling), then `formcheck analyze` on a 30 fps 720p clip (real-time
// factor). Prints tables; asserts nothing (figures vary by machine and load).
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FFMPEG_PATH, probeVideo } from '../../src/node/video-decoder.ts';
import { runLiveBench, type LiveBenchResult } from './live-bench.ts';
import { removeScratch, SCRATCH_ROOT_ENV, scratchDir } from '../support/scratch.ts';
import { serveTestBuild } from './test-build.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DEFAULT_CLIP = join(ROOT, 'test', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
const CLI = join(ROOT, 'src', 'cli', 'formcheck.mjs');

const { values } = parseArgs({
  options: {
    clip: { type: 'string', default: DEFAULT_CLIP },
    exercise: { type: 'string', default: 'squat' },
    minutes: { type: 'string', default: '1' },
    camera: { type: 'string', default: '640x360,1280x720' },
    window: { type: 'string', default: '1280x800' },
    'no-cli': { type: 'boolean', default: false },
    'cli-only': { type: 'boolean', default: false },
  },
  strict: true,
});
const minutes = Number(values.minutes);
const sizes = (option: string, list: string) =>
  list.split(',').map((size) => {
    const m = /^(\d+)x(\d+)$/.exec(size.trim());
    if (m === null) throw new Error(`--${option} takes sizes like 1280x720, got ${size}`);
    return { width: Number(m[1]), height: Number(m[2]) };
  });
const cameras = sizes('camera', values.camera);
const windows = sizes('window', values.window);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got ${values.minutes}`);

const q = (v: readonly number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))] ?? NaN;
const med = (v: readonly number[]) => q(v, 0.5);
const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1));

interface Size {
  readonly width: number;
  readonly height: number;
}

function printLive(r: LiveBenchResult, camera: Size, window: Size): void {
  const fr = r.frames;
  const pick = (k: (t: (typeof fr)[number]) => number) => fr.map(k);
  const transfer = pick((t) => t.toResultMs - t.queuedMs - t.bitmapMs - t.inferenceMs);
  const rawFps = r.rawFrameMs === undefined ? undefined : 1000 / med(r.rawFrameMs);
  console.log(
    `\n## Live app: ${r.runtime}, a ${camera.width}×${camera.height} webcam in a ${window.width}×${window.height} window, ${r.seconds.toFixed(0)} s of a ${values.exercise} set (${r.counted})\n`,
  );
  console.log('| measure | value |');
  console.log('|---|---|');
  const rows: [string, string][] = [
    ['first visit: page opened → pose model ready, ms', r.modelReadyMs.toFixed(0)],
    ['camera frames delivered / s', f1(r.cameraFps)],
    ['frames analysed / s (live)', f1(r.analysedFps)],
    ['detector alone / s (same frames, same browser: the ceiling)', f1(rawFps)],
    [
      '**live / raw**',
      rawFps === undefined ? '–' : `**${((100 * r.analysedFps) / rawFps).toFixed(0)} %**`,
    ],
    [
      'detector ms/frame inside the worker (median, p95)',
      `${f1(med(pick((t) => t.inferenceMs)))}, ${f1(
        q(
          pick((t) => t.inferenceMs),
          0.95,
        ),
      )}`,
    ],
    (() => {
      // The people counter (a second model) runs every 2 s of the set, before the detector, on
      // the frame it counts: what it costs the set, measured on the frames that ran it.
      const counts = pick((t) => t.peopleMs).filter((ms) => ms > 0);
      const shareOfTime = counts.reduce((a, b) => a + b, 0) / (1000 * r.seconds);
      return [
        'people counted: times, median ms each, share of the set',
        counts.length === 0
          ? '–'
          : `${counts.length}, ${f1(med(counts))}, ${(100 * shareOfTime).toFixed(1)} %`,
      ] as [string, string];
    })(),
    [
      'detector alone ms/frame (median)',
      f1(r.rawFrameMs === undefined ? undefined : med(r.rawFrameMs)),
    ],
    [
      'capture → detector free (waited for the frame before), median ms',
      f1(med(pick((t) => t.queuedMs))),
    ],
    ['VideoFrame → bitmap (worker), median ms', f1(med(pick((t) => t.bitmapMs)))],
    ['result → page (transfer, messages), median ms', f1(med(transfer))],
    ['engine, median ms', f1(med(pick((t) => t.engineMs)))],
    ['overlay, median ms', f1(med(pick((t) => t.overlayMs)))],
    ['capture → overlay drawn, median ms', f1(med(pick((t) => t.latencyMs)))],
    [
      'capture → overlay drawn, p95 ms',
      f1(
        q(
          pick((t) => t.latencyMs),
          0.95,
        ),
      ),
    ],
    [
      'main-thread long tasks > 50 ms after the first second',
      `${r.longTasksMs.length}${r.longTasksMs.length > 0 ? ` (longest ${Math.max(...r.longTasksMs).toFixed(0)} ms)` : ''}`,
    ],
  ];
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  console.log('\n| at s | page heap MB | page + workers MB | tfjs tensors | storage MB |');
  console.log('|---|---|---|---|---|');
  for (const m of r.memory)
    console.log(
      `| ${m.atSec.toFixed(0)} | ${f1(m.pageHeapMB)} | ${f1(m.allMB)} | ${m.tensors ?? '–'} | ${f1(m.storageMB)} |`,
    );
}

/** `formcheck analyze` on the clip made 1280×720 at 30 fps: its wall time against the video's. */
async function cliRealTime(clip: string): Promise<void> {
  const dir = await scratchDir('formcheck-720p-');
  const out = join(dir, 'clip-720p30.mp4');
  const vf = 'scale=-2:720,pad=1280:720:(ow-iw)/2:0,fps=30';
  const ff = spawnSync(FFMPEG_PATH, [
    '-loglevel',
    'error',
    '-y',
    '-i',
    clip,
    '-vf',
    vf,
    '-an',
    out,
  ]);
  if (ff.status !== 0) throw new Error(`ffmpeg: ${ff.stderr.toString()}`);
  const durationSec = (await probeVideo(out)).durationSec ?? NaN;
  const args = ['analyze', out, '--exercise', 'squat', '--json'];
  const configurations: [string, string[]][] = [
    ['formcheck analyze (restarts with --single-threaded-gc)', [CLI, ...args]],
    [
      "the same without the restart (V8's GC helper threads)",
      ['--import', 'tsx', join(ROOT, 'test', 'bench', 'cli-default-gc.ts'), ...args],
    ],
    // The people in view are counted every 2 s of the video by a second model: its load and counts.
    ['formcheck analyze --one-person (people not counted)', [CLI, ...args, '--one-person']],
  ];
  console.log(`\n## formcheck analyze, 1280×720 30 fps, ${durationSec.toFixed(1)} s of video\n`);
  console.log('| run | wall s (process start to exit) | real-time factor | its own speed line |');
  console.log('|---|---|---|---|');
  for (const [name, argv] of configurations) {
    const started = performance.now();
    const run = spawnSync(process.execPath, argv, { encoding: 'utf8', cwd: ROOT });
    const wallSec = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
    const speed = run.stderr.split('\n').find((l) => /real time/.test(l)) ?? '';
    console.log(
      `| ${name} | ${wallSec.toFixed(1)} | ${(durationSec / wallSec).toFixed(2)}× | ${speed.replace(/^.*: /, '').trim()} |`,
    );
  }
}

/** The production build in Chromium with the clip as the webcam. */
async function liveApp(): Promise<void> {
  const served = await serveTestBuild();
  const baseUrl = served.baseUrl;
  try {
    console.log(
      `formcheck live bench, ${new Date().toISOString()}, clip ${values.clip.replace(/^.*\//, '')}`,
    );
    for (const camera of cameras)
      for (const browserWindow of windows) {
        const result = await runLiveBench(
          {
            baseUrl,
            clip: values.clip,
            exercise: values.exercise,
            seconds: minutes * 60,
            sampleEverySec: minutes > 2 ? 60 : 20,
            camera,
            window: browserWindow,
          },
          (line) => process.stderr.write(`${line}\n`),
        );
        printLive(result, camera, browserWindow);
      }
  } finally {
    await served.close();
  }
}

// Webcam files, browser profiles and the 720p copy go in one scratch folder, removed at the end.
const scratch = await mkdtemp(join(tmpdir(), 'formcheck-bench-'));
process.env[SCRATCH_ROOT_ENV] = scratch;
try {
  if (!values['cli-only']) await liveApp();
  if (!values['no-cli']) await cliRealTime(values.clip);
} finally {
  await removeScratch(scratch);
}
