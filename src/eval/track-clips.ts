// Computes formcheck's own pose tracks for the clips in ../shared/data/videos and writes them to
// test/fixtures/tracks/<clip>.track.json (the project's measurements, allowed as fixtures).
// Usage: node --import tsx src/eval/track-clips.ts [--rendered | --stills] [--model NAME] [CLIP_SUBSTRING...]
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { serializePoseTrack } from '../pose/pose-track.ts';
import { FFMPEG_PATH } from '../node/video-decoder.ts';
import { VideoTracker } from '../node/video-tracker.ts';

// --rendered: the synthetic clips in ../shared/data/rendered (exact ground truth, test use only).
// --stills: the photos in ../shared/data/stills, each as a 1 s video of the photo at 10 frames/s
// (the tracker refines its first detection over the frames, as it would with a person holding
// still in front of the camera); tracks go to test/fixtures/stills/.
const rendered = process.argv.includes('--rendered');
const stills = process.argv.includes('--stills');
const sharedData = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const sourceDir = join(sharedData, rendered ? 'rendered' : stills ? 'stills' : 'videos');
const outDir = join(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  stills ? 'stills' : 'tracks',
);
const stillsVideoDir = stills ? await mkdtemp(join(tmpdir(), 'formcheck-stills-')) : undefined;
const args = process.argv.slice(2);
const modelIdx = args.indexOf('--model');
const model = parseModelId(modelIdx >= 0 ? (args[modelIdx + 1] ?? '') : DEFAULT_MODEL);
const filters = args.filter((a, i) => !a.startsWith('--') && (modelIdx < 0 || i !== modelIdx + 1));

const clips = stills
  ? (await readdir(sourceDir)).filter((f) => /\.(jpg|png)$/.test(f))
  : [
      ...(await readdir(sourceDir)).filter((f) => f.endsWith('.mp4')),
      ...(rendered ? [] : await readdir(join(sourceDir, 'partial_body')))
        .filter((f) => f.endsWith('.mp4'))
        .map((f) => `partial_body/${f}`),
    ];
const chosen = clips.filter((c) => filters.length === 0 || filters.some((f) => c.includes(f)));

/** The video to track for a clip: the clip itself, or a photo made into 1 s of video. */
async function videoOf(clip: string): Promise<string> {
  if (stillsVideoDir === undefined) return join(sourceDir, clip);
  const video = join(stillsVideoDir, `${clip.replace(/\.\w+$/, '')}.mp4`);
  await promisify(execFile)(FFMPEG_PATH, [
    ...['-loglevel', 'error', '-y', '-loop', '1', '-i', join(sourceDir, clip)],
    ...['-t', '1', '-r', '10', '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-pix_fmt', 'yuv420p'],
    video,
  ]);
  return video;
}

await mkdir(outDir, { recursive: true });
// One clip per worker at a time, each tracked whole (split: false): the tracks do not depend on
// how many cores made them.
const tracker = await VideoTracker.start(model);
const queue = [...chosen];
await Promise.all(
  Array.from({ length: tracker.size }, async () => {
    for (let clip = queue.shift(); clip !== undefined; clip = queue.shift()) {
      const started = performance.now();
      const { track } = await tracker.track(await videoOf(clip), { split: false });
      const name = clip.replace(/^.*\//, '').replace(/\.\w+$/, '');
      await writeFile(join(outDir, `${name}.track.json`), serializePoseTrack(track) + '\n');
      const found = track.frames.filter((f) => f.pose !== null).length;
      console.log(
        `${clip}: ${track.frames.length} frames, person in ${found}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }),
);
await tracker.close();
if (stillsVideoDir !== undefined) await rm(stillsVideoDir, { recursive: true, force: true });
