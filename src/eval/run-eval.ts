// npm run eval: the engine against the hand labels of every clip in ../shared/data.
// Uses formcheck's own pose track of each clip (test/fixtures/tracks, made by the same detector
// as `formcheck poses`); `--fresh` re-detects every clip from its video first (~12 min on 2 cores).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeTrack } from '../engine/analyze-track.ts';
import { EXERCISES } from '../engine/catalog.ts';
import { parsePoseTrack, serializePoseTrack, type PoseTrack } from '../pose/pose-track.ts';
import { DEFAULT_MODEL } from '../pose/model-catalog.ts';
import { scoreClip, summarize, type ClipLabel, type ClipScore } from './score.ts';
import { trackVideo } from '../cli/track-video.ts';

const root = join(import.meta.dirname, '..', '..');
const data = join(root, '..', 'shared', 'data');
const fresh = process.argv.includes('--fresh');
if (!existsSync(join(data, 'labels.json'))) {
  console.error('npm run eval needs ../shared/data (the labelled clips); it is not here.');
  process.exit(1);
}
const labels = JSON.parse(await readFile(join(data, 'labels.json'), 'utf8')) as {
  clips: ClipLabel[];
};
const known = new Set(EXERCISES.map((e) => e.id));

async function trackOf(file: string): Promise<PoseTrack> {
  const name = file.replace(/^.*\//, '').replace(/\.mp4$/, '');
  const cached = join(root, 'test', 'fixtures', 'tracks', `${name}.track.json`);
  if (!fresh && existsSync(cached)) return parsePoseTrack(await readFile(cached, 'utf8'), cached);
  const track = await trackVideo(join(data, 'videos', file), DEFAULT_MODEL);
  await writeFile(cached, serializePoseTrack(track) + '\n');
  return track;
}

const scores: ClipScore[] = [];
const skipped: string[] = [];
for (const label of labels.clips) {
  if (!known.has(label.exercise)) {
    skipped.push(`${label.file} (${label.exercise.slice(0, 40)}: not in the routine)`);
    continue;
  }
  const report = analyzeTrack(await trackOf(label.file), label.exercise);
  scores.push(scoreClip(label, report));
}

const cell = (v: unknown) => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v));
const rows = scores.map((s) => {
  const repOk = s.expectedReps === undefined || s.expectedReps === s.countedReps ? '' : ' ✗';
  const faultOk = cell(s.labelledFaults) === cell(s.foundFaults) ? '' : ' ✗';
  const hold =
    s.expectedHoldSec === undefined
      ? ''
      : `${s.expectedHoldSec.toFixed(1)} / ${(s.heldSec ?? 0).toFixed(1)}`;
  const circles =
    s.expectedCircles === undefined ? '' : `${s.expectedCircles} / ${s.countedCircles ?? 0}`;
  return `| ${s.clip.replace(/^partial_body\//, '')} | ${s.exercise} | ${cell(s.expectedReps)} | ${cell(s.countedReps)}${repOk} | ${s.misplacedReps || ''} | ${cell(s.labelledFaults)} | ${cell(s.foundFaults)}${faultOk} | ${hold} | ${circles} |`;
});
console.log(
  '| clip | exercise | reps labelled | counted | off-time | faults labelled | found | hold s labelled / timed | circles labelled / counted |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
const sum = summarize(scores);
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${Math.round((100 * n) / d)} %`);
console.log(
  `\nRep counts: ${sum.exact}/${sum.countedClips} exact (${pct(sum.exact, sum.countedClips)}), ${pct(sum.withinOne, sum.countedClips)} within one, mean absolute error ${sum.meanAbsError.toFixed(2)}, ghost reps ${sum.ghostReps}, reps off the labelled times ${sum.misplacedReps}.`,
);
const precision = pct(sum.faultTruePositives, sum.faultTruePositives + sum.faultFalsePositives);
const recall = pct(sum.faultTruePositives, sum.faultTruePositives + sum.faultFalseNegatives);
console.log(
  `Faults (warn level, per clip and code): precision ${precision}, recall ${recall}; clean clips with a fault: ${sum.cleanClipsWithFaults}.`,
);
if (skipped.length > 0) console.log(`Not scored: ${skipped.join('; ')}`);
