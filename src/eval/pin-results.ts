// Writes test/fixtures/pinned-results.json and test/fixtures/mirrored/pinned-results.json: the
// engine's result on every labelled clip with a pose track, aspect by aspect, as filmed and
// mirrored (the clip flipped left to right and tracked afresh: the model's errors drawn again), so
// the tests pin both (a change in either direction fails and is looked at). Reasons for known
// misses ("miss") are kept from each file; a clip whose result differs from its label without one
// is listed here, to be explained before committing.
// Usage: node --import tsx src/eval/pin-results.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXERCISES } from '../engine/catalog.ts';
import { parsePoseTrack } from '../pose/pose-track.ts';
import { LABELS } from '../../test/fixtures/labels.ts';
import { matchesLabel, pinnedResult, type PinnedResult } from './pinned.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

/** Pins the results on the tracks in `tracksDir` into `file`; returns the clips to explain. */
function pin(tracksDir: string, file: string): string[] {
  const old = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { miss?: string }>)
    : {};
  const out: Record<string, PinnedResult & { miss?: string }> = {};
  const unexplained: string[] = [];
  for (const label of LABELS) {
    if (!EXERCISES.some((e) => e.id === label.exercise)) continue;
    const name = label.file.replace(/^.*\//, '').replace(/\.mp4$/, '');
    const track = join(tracksDir, `${name}.track.json`);
    if (!existsSync(track)) continue;
    const result = pinnedResult(label, parsePoseTrack(readFileSync(track, 'utf8'), track));
    const right = matchesLabel(result, label);
    const miss = right ? undefined : old[label.file]?.miss;
    if (!right && miss === undefined) unexplained.push(label.file);
    out[label.file] = miss === undefined ? result : { ...result, miss };
  }
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log(`${Object.keys(out).length} clips pinned in ${file}.`);
  return unexplained;
}

const unexplained = [
  ...pin(join(fixtures, 'tracks'), join(fixtures, 'pinned-results.json')),
  ...pin(join(fixtures, 'mirrored'), join(fixtures, 'mirrored', 'pinned-results.json')).map(
    (f) => `${f} (mirrored)`,
  ),
];
if (unexplained.length > 0)
  console.log(
    `Differ from their labels with no reason given ("miss"):\n  ${unexplained.join('\n  ')}`,
  );
