// npm run eval:light: how dark a room the pose model copes with. Each clip named (default: a
// front-view squat, a side-view squat and a calf raise at 3/4) is brought down to each mean luma
// in turn, with a webcam's noise and longer shutter (src/eval/clip-reading.ts), tracked afresh,
// and its result set against the clip as filmed: how many frames have a person, how sure the
// model is of the knees and ankles, and the counts and faults. It is what the set-up line's
// "too dark" (src/app/light-meter.ts) is set against. Videos and tracks are kept in .cache/light.
// Usage: npm run eval:light [-- CLIP_FILE...] (files as named in ../shared/data/labels.json)
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeTrack } from '../engine/analyze-track.ts';
import type { KeypointName } from '../pose/skeleton.ts';
import { DEFAULT_MODEL } from '../pose/model-catalog.ts';
import { parsePoseTrack, serializePoseTrack, type PoseTrack } from '../pose/pose-track.ts';
import { trackVideo } from '../node/video-tracker.ts';
import { dimFilter } from './clip-reading.ts';
import { filterVideo, meanLuma } from './reading-video.ts';
import { scoreClip, type ClipLabel } from './score.ts';

const ROOM_LUMAS = [40, 30, 20, 15, 10];
const DEFAULT_CLIPS = [
  'squat_front_knee_valgus_WRONG_3reps.mp4',
  'squat_side_correct_deep_2reps.mp4',
  'calfraise_34front_home_bodyweight_3reps.mp4',
];

const root = join(import.meta.dirname, '..', '..');
const data = join(root, '..', 'shared', 'data');
if (!existsSync(join(data, 'labels.json'))) {
  console.error('npm run eval:light needs ../shared/data (the labelled clips); it is not here.');
  process.exit(1);
}
const labels = (
  JSON.parse(readFileSync(join(data, 'labels.json'), 'utf8')) as { clips: ClipLabel[] }
).clips;
const wanted = process.argv.slice(2);
const clips = wanted.length > 0 ? wanted : DEFAULT_CLIPS;

/** The share of frames with a person, and the mean score of `joints` on them. */
function seen(track: PoseTrack, joints: readonly KeypointName[]): { found: number; score: number } {
  const poses = track.frames.flatMap((f) => (f.pose === null ? [] : [f.pose]));
  const scores = poses.flatMap((p) => joints.map((j) => p.keypoints[j]?.score ?? 0));
  return {
    found: poses.length / Math.max(1, track.frames.length),
    score: scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length),
  };
}

async function trackOf(video: string, cached: string): Promise<PoseTrack> {
  if (existsSync(cached)) return parsePoseTrack(await readFile(cached, 'utf8'), cached);
  const track = await trackVideo(video, DEFAULT_MODEL);
  await writeFile(cached, serializePoseTrack(track) + '\n');
  return track;
}

console.log('| clip | mean luma | frames with a person | knee and ankle score | reps | faults |');
console.log('|---|---|---|---|---|---|');
for (const file of clips) {
  const label = labels.find((l) => l.file === file);
  if (label === undefined) throw new Error(`${file} is not in labels.json`);
  const video = join(data, 'videos', file);
  const name = file.replace(/^.*\//, '').replace(/\.mp4$/, '');
  const clipLuma = await meanLuma(video);
  const rows: [string, PoseTrack][] = [];
  const filmed = join(root, 'test', 'fixtures', 'tracks', `${name}.track.json`);
  rows.push([`${clipLuma.toFixed(0)} (as filmed)`, await trackOf(video, filmed)]);
  for (const room of ROOM_LUMAS.filter((l) => l < clipLuma)) {
    const out = join(root, '.cache', 'light', String(room), `${name}.mp4`);
    if (!existsSync(out)) await filterVideo(video, dimFilter(clipLuma, room), out);
    rows.push([
      `${(await meanLuma(out)).toFixed(0)}`,
      await trackOf(out, out.replace(/\.mp4$/, '.track.json')),
    ]);
  }
  for (const [luma, track] of rows) {
    const { found, score } = seen(track, ['left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
    const s = scoreClip(label, analyzeTrack(track, label.exercise));
    console.log(
      `| ${name} | ${luma} | ${Math.round(100 * found)} % | ${score.toFixed(2)} | ${s.countedReps ?? ''} of ${s.expectedReps ?? '–'} | ${s.foundFaults.join(' ') || 'none'} (labelled: ${s.labelledFaults.join(' ') || 'none'}) |`,
    );
  }
}
