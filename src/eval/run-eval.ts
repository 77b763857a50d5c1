// npm run eval: the engine against the hand labels of every clip in ../shared/data.
// Uses formcheck's own pose track of each clip (test/fixtures/tracks, made by the same detector
// as `formcheck poses`); a clip without one is detected first, and `--fresh` re-detects them all.
// `--fps N` analyses every track at N frames/s (frames dropped), to show what a slower camera does.
// `--model ID` measures another pose model: its tracks are detected once and kept in
// .cache/tracks/ID (not committed; BlazePose heavy takes about 3× the clips' length here).
// `--strictness S` judges form at gentle, standard (the default) or strict; whichever is chosen,
// the last table sets the three side by side: what each check finds and what it flags on clean
// clips as its limits move within their documented range.
// `--mirrored` measures every clip mirrored left to right (the person's other side towards the
// camera), tracked afresh: the same movements with the model's errors drawn again, as footage
// nobody tuned on would draw them. A result that changes was decided by the model's noise. The
// mirrored videos are kept in .cache/mirrored; their tracks are committed in
// test/fixtures/mirrored, and each clip's result on them is pinned as the filmed one's is
// (src/eval/pin-results.ts).
// `--handheld` measures every clip as if filmed by a hand held phone (the picture pans, tilts and
// rolls: src/eval/clip-reading.ts), tracked afresh; the videos are kept in .cache/handheld, their
// tracks committed in test/fixtures/handheld (test/engine/handheld-camera.test.ts).
// `--dim` measures every clip as if filmed in a room just light enough that the app does not ask
// for more light (mean luma 40, with a webcam's noise and longer shutter: src/eval/clip-reading.ts),
// tracked afresh; videos in .cache/dim, tracks committed in test/fixtures/dim
// (test/engine/dim-room.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeTrack } from '../engine/analyze-track.ts';
import { EXERCISES, findExercise } from '../engine/catalog.ts';
import {
  DEFAULT_STRICTNESS,
  STRICTNESS_LEVELS,
  type Strictness,
} from '../engine/checks/thresholds.ts';
import { readingFilter, type ClipReading } from './clip-reading.ts';
import { filterVideo, meanLuma } from './reading-video.ts';
import { DEFAULT_MODEL, parseModelId } from '../pose/model-catalog.ts';
import { parsePoseTrack, serializePoseTrack, type PoseTrack } from '../pose/pose-track.ts';
import { resampleTrack } from '../pose/resample-track.ts';
import { trackVideo } from '../node/video-tracker.ts';
import type { Report } from '../engine/report.ts';
import { scoreClip, summarize, type ClipLabel, type ClipScore, type Confusion } from './score.ts';
import { renderedLabel, type RenderedGroundTruth } from './rendered-truth.ts';
import { tempoAgainstTruth, truePhases } from './rendered-tempo.ts';
import { describeTop, topsAgainstLabels } from './labelled-tops.ts';
import { median } from '../geometry/stats.ts';
import { separations, spread } from './separation.ts';
import { describeMoves, repeatability } from './repeatability.ts';
import {
  compareMeasures,
  COMPARED,
  describeSeparation,
  labelledRepsOf,
  repRecorder,
  type LabelledRep,
} from './image-or-world.ts';

const root = join(import.meta.dirname, '..', '..');
const data = join(root, '..', 'shared', 'data');
const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const fpsArg = args.indexOf('--fps');
const fps = fpsArg >= 0 ? Number(args[fpsArg + 1]) : undefined;
if (fps !== undefined && !(fps > 0)) {
  console.error('--fps needs a number of frames per second, e.g. --fps 15.');
  process.exit(2);
}
const strictnessArg = args.indexOf('--strictness');
const strictnessName = strictnessArg >= 0 ? args[strictnessArg + 1] : DEFAULT_STRICTNESS;
const strictness = STRICTNESS_LEVELS.find((l) => l === strictnessName);
if (strictness === undefined) {
  console.error(`--strictness needs one of ${STRICTNESS_LEVELS.join(', ')}.`);
  process.exit(2);
}
const modelArg = args.indexOf('--model');
let model = DEFAULT_MODEL;
try {
  if (modelArg >= 0) model = parseModelId(args[modelArg + 1] ?? '');
} catch (e) {
  console.error(`--model: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const reading: ClipReading = args.includes('--mirrored')
  ? 'mirrored'
  : args.includes('--handheld')
    ? 'handheld'
    : args.includes('--dim')
      ? 'dim'
      : 'filmed';
/**
 * The committed tracks are the default model's, of the clips as filmed, mirrored and hand held;
 * another model's are cached, not committed.
 */
const tracksDir =
  model === DEFAULT_MODEL
    ? join(root, 'test', 'fixtures', reading === 'filmed' ? 'tracks' : reading)
    : join(root, '.cache', ...(reading === 'filmed' ? [] : [reading]), 'tracks', model);
if (!existsSync(join(data, 'labels.json'))) {
  console.error('npm run eval needs ../shared/data (the labelled clips); it is not here.');
  process.exit(1);
}
const labels = JSON.parse(await readFile(join(data, 'labels.json'), 'utf8')) as {
  clips: ClipLabel[];
};
const known = new Set(EXERCISES.map((e) => e.id));

async function trackOf(file: string, videos = join(data, 'videos')): Promise<PoseTrack> {
  const name = file.replace(/^.*\//, '').replace(/\.mp4$/, '');
  const cached = join(tracksDir, `${name}.track.json`);
  if (!fresh && existsSync(cached)) return parsePoseTrack(await readFile(cached, 'utf8'), cached);
  console.error(`${file}: detecting poses with ${model} (no pose track yet)…`);
  const track = await trackVideo(await readingVideo(join(videos, file), name), model);
  await mkdir(tracksDir, { recursive: true });
  await writeFile(cached, serializePoseTrack(track) + '\n');
  return track;
}

/** The clip as this reading sees it (mirrored, hand held, dim: near-lossless H.264), made once. */
async function readingVideo(video: string, name: string): Promise<string> {
  if (reading === 'filmed') return video;
  const out = join(root, '.cache', reading, 'videos', `${name}.mp4`);
  if (existsSync(out)) return out;
  const filter = await readingFilter(reading, () => meanLuma(video));
  if (filter !== undefined) await filterVideo(video, filter, out);
  return out;
}

const tracks: { label: ClipLabel; track: PoseTrack }[] = [];
const skipped: string[] = [];
for (const label of labels.clips) {
  if (!known.has(label.exercise)) {
    skipped.push(`${label.file} (${label.exercise.slice(0, 40)})`);
    continue;
  }
  const track = await trackOf(label.file);
  tracks.push({ label, track: fps === undefined ? track : resampleTrack(track, fps) });
}

/**
 * Every clip analysed with form judged at `level`; with `reps`, each judged rep's two measures
 * (picture and 3-D) are recorded into it on the same pass.
 */
function analyseAll(
  level: Strictness,
  reps?: LabelledRep[],
): { label: ClipLabel; report: Report }[] {
  return tracks.map(({ label, track }) => ({
    label,
    report: analyzeTrack(track, label.exercise, {
      strictness: level,
      ...(reps === undefined ? {} : { onRepJudged: repRecorder(label, reps) }),
    }),
  }));
}
const realReps: LabelledRep[] = [];
const runs = analyseAll(strictness, realReps);
const scores: ClipScore[] = runs.map(({ label, report }) => scoreClip(label, report));

const cell = (v: unknown) => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v));
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${Math.round((100 * n) / d)} %`);
const rows = scores.map((s) => {
  const repOk = s.expectedReps === undefined || s.expectedReps === s.countedReps ? '' : ' ✗';
  const faultOk = cell(s.labelledFaults) === cell(s.foundFaults) ? '' : ' ✗';
  const hold =
    s.expectedHoldSec === undefined
      ? ''
      : `${s.expectedHoldSec.toFixed(1)} / ${(s.heldSec ?? 0).toFixed(1)}`;
  const circles =
    s.expectedCircles === undefined ? '' : `${s.expectedCircles} / ${s.countedCircles ?? 0}`;
  return `| ${s.clip.replace(/^partial_body\//, '')} | ${s.exercise} | ${s.view} | ${cell(s.expectedReps)} | ${cell(s.countedReps)}${repOk} | ${s.misplacedReps || ''} | ${cell(s.labelledFaults)} | ${cell(s.foundFaults)}${faultOk} | ${hold} | ${circles} |`;
});
if (model !== DEFAULT_MODEL) console.log(`Poses from ${model}.\n`);
if (reading === 'mirrored')
  console.log('Every clip mirrored left to right, its poses detected afresh.\n');
if (reading === 'handheld')
  console.log('Every clip as if filmed by a hand held camera, its poses detected afresh.\n');
if (reading === 'dim')
  console.log('Every clip as if filmed in a dim room (mean luma 40), its poses detected afresh.\n');
if (fps !== undefined)
  console.log(`Analysed at ${fps} frames/s (frames dropped from each track).\n`);
if (strictness !== DEFAULT_STRICTNESS) console.log(`Form judged ${strictness}.\n`);
console.log(
  '| clip | exercise | view | reps labelled | counted | off-time | faults labelled | found | hold s labelled / timed | circles labelled / counted |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));

const sum = summarize(scores);
console.log(
  `\nRep counts: ${sum.exact}/${sum.countedClips} exact (${pct(sum.exact, sum.countedClips)}), ${pct(sum.withinOne, sum.countedClips)} within one, mean absolute error ${sum.meanAbsError.toFixed(2)}, ghost reps ${sum.ghostReps}, reps off the labelled times ${sum.misplacedReps}.`,
);
const pr = (c: Confusion) =>
  `precision ${pct(c.truePositives, c.truePositives + c.falsePositives)}, recall ${pct(c.truePositives, c.truePositives + c.falseNegatives)}`;
console.log(
  `Faults (warn level, per clip and code): ${pr(sum.faults)}; clean clips with a fault: ${sum.cleanClipsWithFaults} of ${sum.cleanClips} (${pct(sum.cleanClipsWithFaults, sum.cleanClips)}).`,
);

console.log(
  '\nPer check and view (clips: found of labelled · false alarms on clips without it):\n',
);
const views = [...new Set(scores.map((s) => s.view))].sort();
console.log(`| check | ${views.join(' | ')} | all |`);
console.log(`|---|${views.map(() => '---|').join('')}---|`);
for (const [code, byView] of sum.byCode) {
  const cellOf = (c: Confusion | undefined) =>
    c === undefined || c.truePositives + c.falseNegatives + c.falsePositives === 0
      ? ''
      : `${c.truePositives}/${c.truePositives + c.falseNegatives} · ${c.falsePositives}`;
  const all = [...byView.values()].reduce(
    (a, c) => ({
      truePositives: a.truePositives + c.truePositives,
      falsePositives: a.falsePositives + c.falsePositives,
      falseNegatives: a.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  console.log(`| ${code} | ${views.map((v) => cellOf(byView.get(v))).join(' | ')} | ${pr(all)} |`);
}
console.log(
  '\nWhat each check measured on the labelled reps (min / median / max (reps)), reps labelled with its fault against the rest:\n',
);
console.log('| check | view | reps with the fault | reps without |');
console.log('|---|---|---|---|');
for (const s of separations(runs))
  console.log(`| ${s.check} | ${s.view} | ${spread(s.faulty)} | ${spread(s.clean)} |`);
if (sum.holdErrorsSec.length > 0) {
  console.log('\nHolds (timed against labelled, seconds):');
  for (const h of sum.holdErrorsSec) {
    // Hold quality: how far the hips moved from where the worst hold settled (hold-position.ts).
    const position = runs
      .find((r) => r.label.file === h.clip)
      ?.report.verdicts?.find((v) => v.check === 'hold-position');
    const hips =
      position === undefined
        ? ''
        : position.value === undefined
          ? '; hips not judged (no hold of 4 s or more)'
          : `; hips moved ${position.value.toFixed(2)} shank (limit ${position.threshold ?? ''}): ${position.status}`;
    console.log(`- ${h.clip}: off by ${h.errorSec.toFixed(1)} s${hips}`);
  }
}
// Tempo on real footage: the labelled tops of the calf raises (when the heels were up, as the
// labeller saw it) against the top each counted rep was timed (rep-counter.md, "Tempo as timed").
const tops = runs.flatMap(({ label, report }) =>
  label.topsSec === undefined
    ? []
    : topsAgainstLabels(label.topsSec, report.reps ?? []).map((t) => ({ clip: label.file, t })),
);
if (tops.length > 0) {
  console.log('\nTops of the labelled raises (timed / labelled, seconds; "–": not timed):');
  for (const clip of [...new Set(tops.map((x) => x.clip))]) {
    const line = tops
      .filter((x) => x.clip === clip)
      .map(({ t }) => describeTop(t))
      .join(', ');
    console.log(`- ${clip.replace(/^partial_body\//, '')}: ${line}`);
  }
  const errors = tops.flatMap(({ t }) =>
    t.timedSec === undefined ? [] : [Math.abs(t.timedSec - (t.labelled[1] - t.labelled[0]))],
  );
  console.log(
    `Timed ${errors.length} of ${tops.length} labelled tops; off by ${(median(errors) ?? 0).toFixed(2)} s (median), ${Math.max(0, ...errors).toFixed(2)} s at most.`,
  );
}
if (skipped.length > 0) console.log(`\nNot in the routine, not scored: ${skipped.join('; ')}`);

// The rendered clips (one character posed bone by bone: exact truth, synthetic), scored as the
// real ones are: the only clips with a heel lift in a squat or a head bob in knee circles.
const renderedDir = join(data, 'rendered');
const renderedReps: LabelledRep[] = [];
if (existsSync(renderedDir)) {
  const names = (await readdir(renderedDir)).filter((f) => f.endsWith('.gt.json')).sort();
  const rendered: ClipScore[] = [];
  const tempoLines: string[] = [];
  for (const name of names) {
    const gt = JSON.parse(await readFile(join(renderedDir, name), 'utf8')) as RenderedGroundTruth;
    const label = renderedLabel(gt, strictness);
    const track = await trackOf(gt.clip, renderedDir);
    const low = fps === undefined ? track : resampleTrack(track, fps);
    const onRepJudged = repRecorder(label, renderedReps);
    const report = analyzeTrack(low, label.exercise, { strictness, onRepJudged });
    rendered.push(scoreClip(label, report));
    const exercise = findExercise(label.exercise);
    if (exercise.kind === 'reps' && exercise.prescription.tempo !== undefined)
      tempoLines.push(
        ...tempoAgainstTruth(report.reps ?? [], truePhases(gt, exercise)).map(
          (line) => `- ${gt.clip}: ${line}`,
        ),
      );
  }
  console.log(
    '\nRendered clips (../shared/data/rendered: exact truth, labelled here from it at the same limits):\n',
  );
  console.log(
    '| clip | exercise | view | reps true / counted | circles true / counted | faults true | found |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rendered) {
    const miss = cell(r.labelledFaults) === cell(r.foundFaults) ? '' : ' ✗';
    const repMiss = r.expectedReps === r.countedReps ? '' : ' ✗';
    const circleMiss = r.expectedCircles === r.countedCircles ? '' : ' ✗';
    console.log(
      `| ${r.clip} | ${r.exercise} | ${r.view} | ${r.expectedReps === undefined ? '' : `${r.expectedReps} / ${cell(r.countedReps)}${repMiss}`} | ${r.expectedCircles === undefined ? '' : `${r.expectedCircles} / ${cell(r.countedCircles)}${circleMiss}`} | ${cell(r.labelledFaults)} | ${cell(r.foundFaults)}${miss} |`,
    );
  }
  console.log(`\nRendered clips, faults: ${pr(summarize(rendered).faults)}.`);
  console.log(
    '\nTempo on the rendered raises: each phase as read from the poses / as the same counter times it on the exact heel height (seconds; "–": not timed):\n',
  );
  for (const line of tempoLines) console.log(line);
}

// In the picture or in 3-D (form-checks.md): each promised check measured both ways on the same
// reps, and how well each tells the labelled faults from the rest.
console.log(
  '\nIn the picture or in 3-D: how well each measure tells faulty reps from clean ones (AUC, 1 = apart, 0.5 = mixed: faulty min / median / max (reps) vs clean; * = what the engine judges by, none where it does not judge the check from that view):\n',
);
console.log('| check | view | clips | in the picture | 3-D world landmarks |');
console.log('|---|---|---|---|---|');
for (const [clips, reps] of [
  ['real', realReps],
  ['rendered', renderedReps],
] as const)
  for (const c of compareMeasures(reps)) {
    const mark = (way: 'image' | 'world') => (c.engineUses === way ? ' *' : '');
    console.log(
      `| ${c.check} | ${c.view === 'three-quarter' ? '3/4' : c.view} | ${clips} | ${describeSeparation(c.check, c.image)}${mark('image')} | ${describeSeparation(c.check, c.world)}${mark('world')} |`,
    );
  }

// The operating points: each check's limits move within their documented range
// (src/engine/checks/form-checks.md); counts, holds and circles do not depend on it.
const atEach = STRICTNESS_LEVELS.map((level) => ({
  level,
  sum: summarize(analyseAll(level).map(({ label, report }) => scoreClip(label, report))),
}));
console.log(
  '\nEach strictness side by side (clips: found of labelled · false alarms on clips without it):\n',
);
console.log(`| check | ${STRICTNESS_LEVELS.join(' | ')} |`);
console.log(`|---|${STRICTNESS_LEVELS.map(() => '---|').join('')}`);
const codes = [...new Set(atEach.flatMap(({ sum: s }) => [...s.byCode.keys()]))].sort();
for (const code of codes) {
  const cells = atEach.map(({ sum: s }) => {
    const c = [...(s.byCode.get(code)?.values() ?? [])].reduce(
      (a, v) => ({
        found: a.found + v.truePositives,
        labelled: a.labelled + v.truePositives + v.falseNegatives,
        alarms: a.alarms + v.falsePositives,
      }),
      { found: 0, labelled: 0, alarms: 0 },
    );
    return `${c.found}/${c.labelled} · ${c.alarms}`;
  });
  console.log(`| ${code} | ${cells.join(' | ')} |`);
}
console.log(
  `| clean clips with a fault | ${atEach.map(({ sum: s }) => `${s.cleanClipsWithFaults} of ${s.cleanClips} (${pct(s.cleanClipsWithFaults, s.cleanClips)})`).join(' | ')} |`,
);

// Read again (mirrored, hand held): how far each measure moved from the clips as filmed (the
// committed tracks), rep by rep.
if (reading !== 'filmed') {
  const clips = tracks.flatMap(({ label, track }) => {
    const name = label.file.replace(/^.*\//, '').replace(/\.mp4$/, '');
    const path = join(root, 'test', 'fixtures', 'tracks', `${name}.track.json`);
    if (!existsSync(path)) return [];
    const filmed = parsePoseTrack(readFileSync(path, 'utf8'), path);
    const first = labelledRepsOf(fps === undefined ? filmed : resampleTrack(filmed, fps), label);
    const second = labelledRepsOf(track, label);
    return [{ first: first.map((r) => r.measures), second: second.map((r) => r.measures) }];
  });
  console.log(
    `\n${{ mirrored: 'Mirrored', handheld: 'Hand held', dim: 'In a dim room' }[reading]} against as filmed: how far each measure moved on the same rep (median / 90th percentile (reps)); a rep nearer its limit than this is judged by the noise:\n`,
  );
  console.log('| check | view | in the picture | 3-D world landmarks |');
  console.log('|---|---|---|---|');
  for (const r of repeatability(clips)) {
    const decimals = COMPARED[r.check].unit === 'deg' ? 1 : 2;
    console.log(
      `| ${r.check} | ${r.view} | ${describeMoves(r.image, decimals)} | ${describeMoves(r.world, decimals)} |`,
    );
  }
}
