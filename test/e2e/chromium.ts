import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { FFMPEG_PATH } from '../../src/node/video-decoder.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { sideBySide } from '../support/side-by-side.ts';

/** Debian's Chromium (installed by .ci/run with apt-get); never a downloaded browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Screenshots kept as test artifacts (look at them: a person should understand each screen). */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

export const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /** A .y4m file played as the webcam (looping). */
  readonly fakeCamera?: string;
  /** Grant the camera (true) or answer the prompt with "deny" (false). */
  readonly cameraAllowed?: boolean;
  /** No camera device at all (a real headless Chromium has none). */
  readonly noCamera?: boolean;
  /** Reuse a profile (a browser restart); a fresh one otherwise. */
  readonly profileDir?: string;
  /** More Chromium flags (the live bench's memory measurement). */
  readonly extraArgs?: readonly string[];
  /**
   * No service worker: every request then reaches the network, where a test can route it (the
   * app's offline worker otherwise answers the model files from its cache).
   */
  readonly blockServiceWorkers?: boolean;
}

/** A fresh Chromium profile per launch (removed when the browser closes), unless one is given. */
export async function launch(options: LaunchOptions = {}): Promise<BrowserContext> {
  const profile = options.profileDir ?? (await scratchDir('formcheck-chromium-'));
  const args = [...BASE_FLAGS, ...(options.extraArgs ?? [])];
  if (options.fakeCamera !== undefined) {
    args.push(
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeCamera}`,
    );
  }
  if (
    options.cameraAllowed !== false &&
    (options.fakeCamera !== undefined || options.noCamera === true)
  )
    args.push('--use-fake-ui-for-media-stream');
  if (options.cameraAllowed === false)
    args.push('--use-fake-device-for-media-stream', '--deny-permission-prompts');
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    ...(options.blockServiceWorkers === true ? { serviceWorkers: 'block' as const } : {}),
  });
  if (options.profileDir === undefined)
    context.on('close', () => {
      removeScratch(profile).catch(() => undefined);
    });
  return context;
}

/**
 * Kills the browser of a profile as a crash does (SIGKILL to every Chromium process started with
 * it: no unload, no chance to write anything more) and waits for the context to notice.
 */
export async function crashBrowser(context: BrowserContext, profileDir: string): Promise<void> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const pids = await readdir('/proc').then((names) => names.filter((n) => /^\d+$/.test(n)));
  let killed = 0;
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.split('\0').includes(`--user-data-dir=${profileDir}`)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed += 1;
    } catch {
      // Gone already (a child of one killed before it).
    }
  }
  if (killed === 0) throw new Error(`no Chromium process runs with the profile ${profileDir}`);
  await closed;
}

interface ClipOptions {
  /** Only this top share of the picture kept (the legs out of frame). */
  readonly cropTopFraction?: number;
  /** Only this bottom share of the picture kept (the lower legs alone in frame). */
  readonly cropBottomFraction?: number;
  /** From `fromSec` on, the top `fraction` of the picture hidden behind grey (all but the legs). */
  readonly hideTop?: { readonly fromSec: number; readonly fraction: number };
  /** The webcam's frame size (the picture fitted in and padded); 480 px high otherwise. */
  readonly frame?: { readonly width: number; readonly height: number };
  readonly fps?: number;
  /** Where in the clip the made-over video begins (s): a recording trimmed at its start. */
  readonly startSec?: number;
  /** How much of the clip is kept (s), from `startSec`. */
  readonly seconds?: number;
  /**
   * The clip's first frame held this long before it plays (s): a person who stands still while the
   * app loads and opens the set, so the set sees the clip's reps from the first, in order, however
   * long the page takes to get there (the webcam file plays, and loops, from when it is opened).
   */
  readonly holdFirstSec?: number;
  readonly darken?: boolean;
  /** A lens cover or closed privacy shutter: the picture near black. */
  readonly covered?: boolean;
  /** The camera tilted sideways by this (deg, positive clockwise): the picture turned, grey corners. */
  readonly tiltDeg?: number;
}

/**
 * A real clip made over with the project's ffmpeg into `format`: scaled to 480 px high (or fitted
 * in a webcam's frame), optional crop (e.g. legs out of frame), optional frame rate and length.
 */
async function remake(
  clip: string,
  name: string,
  opts: ClipOptions,
  format: 'y4m' | 'webm',
): Promise<string> {
  const dir = await scratchDir(`formcheck-${format}-`);
  const out = join(dir, `${name}.${format}`);
  const filters = [];
  if (opts.cropTopFraction !== undefined) filters.push(`crop=iw:ih*${opts.cropTopFraction}:0:0`);
  if (opts.cropBottomFraction !== undefined) {
    const keep = opts.cropBottomFraction;
    filters.push(`crop=iw:ih*${keep}:0:ih*${1 - keep}`);
  }
  const f = opts.frame;
  if (f === undefined) filters.push('scale=-2:480');
  else
    filters.push(
      `scale=${f.width}:${f.height}:force_original_aspect_ratio=decrease`,
      `pad=${f.width}:${f.height}:(ow-iw)/2:(oh-ih)/2`,
    );
  if (opts.hideTop !== undefined) {
    const { fromSec, fraction } = opts.hideTop;
    filters.push(
      `drawbox=x=0:y=0:w=iw:h=ih*${fraction}:color=gray:t=fill:enable='gte(t,${fromSec})'`,
    );
  }
  // A dim room: mean luma about 29 of 255, under the set-up line's "too dark" (35), over black (10).
  if (opts.darken === true) filters.push('eq=brightness=-0.3:contrast=0.5');
  // A cover over the lens: a little light through it, and the sensor's noise at full gain.
  if (opts.covered === true)
    filters.push('drawbox=x=0:y=0:w=iw:h=ih:color=black@0.97:t=fill', 'noise=alls=6:allf=t');
  if (opts.tiltDeg !== undefined) filters.push(`rotate=${opts.tiltDeg}*PI/180:fillcolor=gray`);
  if (opts.holdFirstSec !== undefined)
    filters.push(`tpad=start_mode=clone:start_duration=${opts.holdFirstSec}`);
  if (opts.fps !== undefined) filters.push(`fps=${opts.fps}`);
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...(opts.startSec ? ['-ss', String(opts.startSec)] : []),
    // The clip's length is read from the input: a held first frame comes on top of it.
    ...(opts.seconds ? ['-t', String(opts.seconds)] : []),
    '-i',
    clip,
    '-vf',
    filters.join(','),
    '-pix_fmt',
    'yuv420p',
    ...(format === 'webm' ? ['-an', '-c:v', 'libvpx', '-b:v', '1M'] : []),
    out,
  ];
  const r = spawnSync(FFMPEG_PATH, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return out;
}

/** A .y4m webcam file from a real clip (a .y4m is raw: keep it short and small). */
export const makeY4m = (clip: string, name: string, opts: ClipOptions = {}): Promise<string> =>
  remake(clip, name, opts, 'y4m');

/** A video file a person could open in the page, from a real clip (VP8 WebM). */
export const makeWebm = (clip: string, name: string, opts: ClipOptions = {}): Promise<string> =>
  remake(clip, name, opts, 'webm');

/**
 * Two real clips side by side in one webcam view (two people in frame). With `rightFromSec`, the
 * right half is a grey wall until then and its person walks in at that second.
 */
export const makeY4mSideBySide = (
  left: string,
  right: string,
  name: string,
  seconds = 8,
  rightFromSec = 0,
): Promise<string> => sideBySide(left, right, `${name}.y4m`, seconds, rightFromSec);

/**
 * A .y4m webcam file from photos, each shown for its seconds in turn (a person who stands, then
 * holds a pose perfectly still), at `fps` frames/s and 480 px high.
 */
export async function makeY4mFromPhotos(
  photos: readonly { readonly path: string; readonly seconds: number }[],
  name: string,
  fps = 15,
): Promise<string> {
  const dir = await scratchDir('formcheck-y4m-');
  const out = join(dir, `${name}.y4m`);
  const inputs = photos.flatMap((p) => [
    '-loop',
    '1',
    '-framerate',
    String(fps),
    '-t',
    String(p.seconds),
    '-i',
    p.path,
  ]);
  const scaled = photos.map((_, i) => `[${i}:v]scale=-2:480,setsar=1[p${i}]`).join(';');
  const joined = photos.map((_, i) => `[p${i}]`).join('');
  const graph = `${scaled};${joined}concat=n=${photos.length}:v=1:a=0,format=yuv420p[v]`;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', graph];
  const r = spawnSync(FFMPEG_PATH, [...args, '-map', '[v]', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
  return out;
}
