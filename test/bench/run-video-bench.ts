// npm run bench:video [-- --clip FILE] [--seconds N]: how fast "Analyse a video" goes through a
// recorded video in Debian's Chromium, the frames played through (each decoded once, the app's
// way) against each one sought (decoded again from the last key frame every time), on the same
// real clip encoded as a phone records it (H.264, a key frame every second), as an editor exports
// it (x264's default, a key frame every 250 frames), as a browser records it (VP8 WebM), and as a
// 1080p export; then `formcheck analyze` on each (ffmpeg decodes in order). Runs alternate
// (played, sought, played, sought) so that drift on a busy machine hits both. Prints a table;
// asserts nothing (figures vary by machine and load).
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { FFMPEG_PATH } from '../../src/node/video-decoder.ts';
import { trackVideo } from '../../src/node/video-tracker.ts';
import type { VideoSampling } from '../../src/app/video-frames.ts';
import { BASE_FLAGS, CHROMIUM } from '../e2e/chromium.ts';
import { removeScratch, SCRATCH_ROOT_ENV, scratchDir } from '../support/scratch.ts';
import type { VideoRun } from './bench-page.ts';
import { serveTestBuild } from './test-build.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DEFAULT_CLIP = join(ROOT, 'test', 'fixtures', 'squat_side_gym_dowel_2reps.mp4');
const MODEL = 'blazepose-full';
const PASSES = 2;

const { values } = parseArgs({
  options: {
    clip: { type: 'string', default: DEFAULT_CLIP },
    seconds: { type: 'string', default: '8' },
  },
  strict: true,
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got ${values.seconds}`);

interface Encoding {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
}

const scratch = await mkdtemp(join(tmpdir(), 'formcheck-video-bench-'));
process.env[SCRATCH_ROOT_ENV] = scratch;
const dir = await scratchDir('encodings-');
const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an'];
const encodings: Encoding[] = [
  {
    name: 'phone: H.264, a key frame every 1 s',
    file: 'phone.mp4',
    args: [...h264, '-g', '30'],
  },
  {
    name: "export: H.264, a key frame every 250 frames (x264's default)",
    file: 'export.mp4',
    args: h264,
  },
  {
    name: 'browser recording: VP8 WebM',
    file: 'recording.webm',
    args: ['-c:v', 'libvpx', '-b:v', '2M', '-an'],
  },
  {
    name: '1080p export: 1920×1080 H.264, a key frame every 250 frames',
    file: 'export-1080p.mp4',
    args: ['-vf', 'scale=-2:1080,pad=1920:1080:(ow-iw)/2:0', ...h264],
  },
];
for (const e of encodings) {
  const r = spawnSync(
    FFMPEG_PATH,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-t',
      String(seconds),
      '-i',
      values.clip,
      ...e.args,
      join(dir, e.file),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed on ${e.file}: ${r.stderr}`);
}

const served = await serveTestBuild();
const base = served.baseUrl;
const profile = await scratchDir('profile-');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [...BASE_FLAGS],
});

async function analyse(page: Page, file: string, how: VideoSampling): Promise<VideoRun> {
  await page.locator('#analyse-file').setInputFiles(file);
  return page.evaluate(
    ([h, m]) =>
      (
        globalThis as unknown as {
          formcheckBench: { analyseVideo(how: string, model: string): Promise<VideoRun> };
        }
      ).formcheckBench.analyseVideo(h, m),
    [how, MODEL] as const,
  );
}

interface Row {
  readonly encoding: string;
  readonly how: string;
  readonly frames: number;
  readonly wallMs: number;
  readonly inferenceMs: readonly number[];
}

const rows: Row[] = [];
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(`${base}/test/bench/index.html`);
await page.waitForFunction(
  () => (globalThis as { formcheckBench?: { loaded: boolean } }).formcheckBench?.loaded === true,
);
for (const e of encodings) {
  const file = join(dir, e.file);
  const runs = new Map<VideoSampling, VideoRun[]>();
  for (let pass = 0; pass < PASSES; pass++)
    for (const how of ['played', 'sought'] as const) {
      const run = await analyse(page, file, how);
      runs.set(how, [...(runs.get(how) ?? []), run]);
      console.error(`${e.file} ${how}: ${(run.wallMs / 1000).toFixed(1)} s`);
    }
  for (const [how, list] of runs) {
    const best = [...list].sort((a, b) => a.wallMs - b.wallMs)[0];
    if (best !== undefined)
      rows.push({
        encoding: e.name,
        how: how === 'played' ? 'app, played (each frame decoded once)' : 'app, each frame sought',
        frames: best.frames,
        wallMs: best.wallMs,
        inferenceMs: best.inferenceMs,
      });
  }
  const t0 = performance.now();
  const track = await trackVideo(file, MODEL);
  rows.push({
    encoding: e.name,
    how: '`formcheck analyze` (ffmpeg, in order)',
    frames: track.frames.length,
    wallMs: performance.now() - t0,
    inferenceMs: [],
  });
}
await context.close();
await served.close();
await removeScratch(scratch);

const median = (v: readonly number[]) =>
  v.length === 0 ? NaN : ([...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN);
console.log(
  `\n## Analysing a recorded video: ${seconds} s of ${values.clip.replace(/^.*\//, '')}, ${MODEL}, best of ${PASSES} runs in the page, ${new Date().toISOString()}\n`,
);
console.log(
  '| video | how | frames | seconds | ms per frame | detector ms (median) | × real time |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.encoding} | ${r.how} | ${r.frames} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.wallMs / r.frames).toFixed(0)} | ${r.inferenceMs.length === 0 ? '–' : median(r.inferenceMs).toFixed(0)} | ${(seconds / (r.wallMs / 1000)).toFixed(2)} |`,
  );
