// Computes formcheck's own pose tracks for the clips in ../shared/data/videos and writes them to
// test/fixtures/tracks/<clip>.track.json (the project's measurements, allowed as fixtures).
// Usage: node --import tsx src/eval/track-clips.ts [--model NAME] [CLIP_SUBSTRING...]
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { serializePoseTrack } from '../pose/pose-track.ts';
import { VideoTracker } from '../node/video-tracker.ts';

// --rendered: the synthetic clips in ../shared/data/rendered (exact ground truth, test use only).
const rendered = process.argv.includes('--rendered');
const videosDir = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  rendered ? 'rendered' : 'videos',
);
const outDir = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'tracks');
const args = process.argv.slice(2);
const modelIdx = args.indexOf('--model');
const model = parseModelId(modelIdx >= 0 ? (args[modelIdx + 1] ?? '') : DEFAULT_MODEL);
const filters = args.filter((a, i) => !a.startsWith('--') && (modelIdx < 0 || i !== modelIdx + 1));

const clips = [
  ...(await readdir(videosDir)).filter((f) => f.endsWith('.mp4')),
  ...(rendered ? [] : await readdir(join(videosDir, 'partial_body')))
    .filter((f) => f.endsWith('.mp4'))
    .map((f) => `partial_body/${f}`),
].filter((c) => filters.length === 0 || filters.some((f) => c.includes(f)));

await mkdir(outDir, { recursive: true });
// One clip per worker at a time, each tracked whole (split: false): the tracks do not depend on
// how many cores made them.
const tracker = await VideoTracker.start(model);
const queue = [...clips];
await Promise.all(
  Array.from({ length: tracker.size }, async () => {
    for (let clip = queue.shift(); clip !== undefined; clip = queue.shift()) {
      const started = performance.now();
      const { track } = await tracker.track(join(videosDir, clip), { split: false });
      const name = clip.replace(/^.*\//, '').replace(/\.mp4$/, '');
      await writeFile(join(outDir, `${name}.track.json`), serializePoseTrack(track) + '\n');
      const found = track.frames.filter((f) => f.pose !== null).length;
      console.log(
        `${clip}: ${track.frames.length} frames, person in ${found}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }),
);
await tracker.close();
