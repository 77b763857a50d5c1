import { spawnSync } from 'node:child_process';
import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FFMPEG_PATH } from '../../src/node/video-decoder.ts';
import { parsePoseTrack } from '../../src/pose/pose-track.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { crossingInFront, sideBySide } from '../support/side-by-side.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'src', 'cli', 'formcheck.mjs');
const CLIP = join(ROOT, 'test', 'fixtures', 'squat_front_band_woman_3reps.mp4');
const TRACKS = join(ROOT, 'test', 'fixtures', 'tracks');
const TRACK = join(TRACKS, 'squat_side_gym_dowel_2reps.track.json');

/** Exit codes of the command line. */
const EXIT = { ok: 0, input: 1, usage: 2 } as const;

function formcheck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
}

function ffmpeg(...args: string[]): void {
  const r = spawnSync(FFMPEG_PATH, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  if (r.status !== 0) throw new Error(String(r.stderr));
}

let dir = '';
beforeAll(async () => {
  dir = await scratchDir('formcheck-cli-');
});
afterAll(() => removeScratch(dir));

/** A pose track file made from the committed one, with `edit` applied to its JSON. */
async function editedTrack(name: string, edit: (t: { frames: object[] }) => void): Promise<string> {
  const t = JSON.parse(await readFile(TRACK, 'utf8')) as { frames: object[] };
  edit(t);
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(t));
  return path;
}

describe('formcheck poses', () => {
  it('writes a pose track of a real video, one entry per frame, with its speed', async () => {
    const out = join(dir, 'band.json');
    const r = formcheck('poses', CLIP, '--model', 'blazepose-lite', '--out', out);
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const track = parsePoseTrack(await readFile(out, 'utf8'));
    expect(track.frames).toHaveLength(65);
    expect(track.frames[1]?.timestampMs).toBe(200);
    expect(track.frames.every((f) => f.pose !== null)).toBe(true);
    expect(track.frames[0]?.pose?.keypoints.left_heel).toBeDefined();
    expect(track.frames[0]?.pose?.world?.left_heel).toBeDefined();
    expect(r.stderr).toMatch(/65 frames in [\d.]+ s, [\d.]+ frames\/s, [\d.]+× real time/);
    // The people in view, counted every 2 s of the video (one woman): on frames 0, 2, 4 … s.
    const counted = track.frames.filter((f) => f.people !== undefined);
    expect(counted.map((f) => f.timestampMs)).toEqual([0, 2000, 4000, 6000, 8000, 10000, 12000]);
    expect(counted.every((f) => f.people === 1)).toBe(true);
  });

  it('counts nobody with --one-person (the second model is not run)', async () => {
    const out = join(dir, 'band-alone.json');
    const r = formcheck('poses', CLIP, '--model', 'blazepose-lite', '--one-person', '--out', out);
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const track = parsePoseTrack(await readFile(out, 'utf8'));
    expect(track.frames).toHaveLength(65);
    expect(track.frames.filter((f) => f.people !== undefined)).toEqual([]);
  });

  it('checks --out before decoding anything', () => {
    const r = formcheck('poses', CLIP, '--out', '/nonexistent/folder/track.json');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--out .*: the folder \/nonexistent\/folder does not exist/);
  });

  it('exits non-zero with a clear message for a missing file, before decoding any other', async () => {
    const alone = formcheck('poses', '/nonexistent/clip.mp4');
    expect(alone.status).toBe(EXIT.input);
    expect(alone.stderr).toMatch(/No such file: \/nonexistent\/clip.mp4/);
    // Named after another input, it is said before that one is decoded (or the model loaded):
    // here the other is no video, which decoding would have said first.
    const bad = join(dir, 'before-the-missing-one.mp4');
    await writeFile(bad, 'just text');
    const r = formcheck('analyze', bad, '/nonexistent/clip.mp4', '--exercise', 'squat');
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(/No such file: \/nonexistent\/clip.mp4/);
    expect(r.stderr).not.toMatch(/is not a video/);
    expect(r.stdout).toBe('');
  });

  it('exits non-zero with a clear message for a file that is not a video', async () => {
    const bad = join(dir, 'notes.mp4');
    await writeFile(bad, 'just text');
    const r = formcheck('poses', bad);
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(/is not a video ffmpeg can read/);
  });

  it('points a pose track to `formcheck analyze` (it is what this command writes)', () => {
    const r = formcheck('poses', TRACK);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toContain(
      `${TRACK} is a pose track already: analyse it with \`formcheck analyze ${TRACK} --exercise ID\`.`,
    );
  });
});

describe('formcheck analyze', () => {
  it('--json: exactly one JSON document with the report, its verdicts and strictness', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat', '--json');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout) as {
      exercise: string;
      repCount: number;
      strictness: string;
      reps: { phases: object; verdicts: { check: string; status: string }[] }[];
      view: string;
    };
    expect(report).toMatchObject({
      exercise: 'squat',
      repCount: 2,
      view: 'side',
      strictness: 'standard',
    });
    expect(report.reps[0]?.phases).toHaveProperty('downSec');
    expect(report.reps[0]?.verdicts.map((v) => v.check)).toContain('depth');
  });

  it('analyses several inputs in one run: --json gives an array, one report each', () => {
    const other = join(TRACKS, 'squat_side_whitebg_wahoo_3reps.track.json');
    const r = formcheck('analyze', TRACK, other, '--exercise', 'squat', '--json');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const reports = JSON.parse(r.stdout) as { repCount: number; source: string }[];
    expect(reports.map((x) => x.repCount)).toEqual([2, 3]);
    expect(reports[1]?.source).toBe('squat_side_whitebg_wahoo_3reps.mp4');
  });

  it('judges at the strictness asked for', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat', '--strictness', 'strict');
    expect(r.stdout).toMatch(/form judged strict/);
    expect(
      formcheck('analyze', TRACK, '--exercise', 'squat', '--strictness', 'lax').stderr,
    ).toMatch(/--strictness lax: choose gentle, standard, strict/);
  });

  it('a readable report by default', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat');
    expect(r.stdout).toMatch(/squat: .* filmed from the side \(form judged standard\)\nreps: 2\n/);
    // Phases in the order the person moves, the pause at the top first: not measured before the
    // first rep (that wait is setting up), measured between reps.
    expect(r.stdout).toMatch(
      / {2}rep 1 at [\d.]+ s: top –, down [\d.]+ s, bottom [\d.]+ s, up [\d.]+ s, thighs (level|\d+° (below|above) level)\n/,
    );
    expect(r.stdout).toMatch(/ {2}rep 2 at [\d.]+ s: top [\d.]+ s, down [\d.]+ s, /);
    expect(r.stdout).toMatch(/knee-valgus not judged: Knee valgus needs the front view/);
  });

  it('gives each fault its measure against the limit, and says when it is a close call', () => {
    // The handheld 3/4 squats: rep 3 stops 16° above level against the 15° limit.
    const clip = join(TRACKS, 'squat_34_handheld_bw_goblet.track.json');
    const r = formcheck('analyze', clip, '--exercise', 'squat');
    expect(r.stdout).toContain(
      '! shallow-depth: Borderline. Go deeper: thighs stopped 16° above level; aim for level or lower. (16° against 15°, confidence 57 %)',
    );
  });

  it('lists the exercises when the name is unknown', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'burpee');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/Unknown exercise "burpee". Choose one of: squat, lunge, calf-raise/);
  });

  it('rejects an unknown flag, naming the valid ones', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat', '--jsno');
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/Unknown option '--jsno'/);
    expect(r.stderr).toMatch(/Valid options: --exercise VALUE, --model VALUE, --fps VALUE/);
  });

  it('says that --model does nothing for a pose track', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat', '--model', 'movenet-lightning');
    expect(r.status).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/--model is ignored for pose tracks/);
  });

  it('analyses a pose track at --fps N as a slower camera would have given it (frames dropped)', () => {
    // The side-on chair pose, held 3.5 s by its label: at 30 frames/s its hold starts at 4.42 s;
    // at 3 a second the frames either side of the start are a third of a second apart.
    const chair = join(TRACKS, 'chair_pose_hold_side.track.json');
    const at = (...fps: string[]) =>
      JSON.parse(
        formcheck('analyze', chair, '--exercise', 'squat-hold', '--json', ...fps).stdout,
      ) as {
        holds: { startSec: number }[];
      };
    expect(at().holds[0]?.startSec).toBe(4.42);
    expect(at('--fps', '30').holds[0]?.startSec).toBe(4.42);
    expect(at('--fps', '3').holds[0]?.startSec).toBe(3);
  });

  it('warns when the movement does not look like the exercise asked for', async () => {
    const squats = join(TRACKS, 'squat_front_home_airsquats_12reps.track.json');
    const asCalf = formcheck('analyze', squats, '--exercise', 'calf-raise');
    expect(asCalf.stderr).toMatch(
      /No calf raise reps found, but analysed as bodyweight squat the video has 12/,
    );
    const asLunge = formcheck('analyze', squats, '--exercise', 'lunge', '--json');
    expect(asLunge.stderr).toMatch(/looks like a squat .*not a lunge/);
    expect((JSON.parse(asLunge.stdout) as { notes: string[] }).notes.join(' ')).toMatch(
      /looks like a squat/,
    );
  });

  it('names the first bad frame of a pose track with null keypoints', async () => {
    const bad = await editedTrack('null-keypoints.json', (t) => {
      (t.frames[3] as { k: unknown }).k = null;
    });
    const r = formcheck('analyze', bad, '--exercise', 'squat');
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(/null-keypoints.json: frame 3 is not valid \(k: /);
  });

  it('rejects a null frame, a null time and numbers written as text', async () => {
    for (const [name, edit] of [
      ['null-frame.json', (t: { frames: unknown[] }) => (t.frames[2] = null)],
      [
        'null-time.json',
        (t: { frames: { t: unknown }[] }) => ((t.frames[5] as { t: unknown }).t = null),
      ],
      [
        'nan-text.json',
        (t: { frames: { k: Record<string, unknown[]> }[] }) => {
          const k = (t.frames[7] as { k: Record<string, unknown[]> }).k;
          (k['left_knee'] as unknown[])[0] = 'NaN';
        },
      ],
    ] as const) {
      const bad = await editedTrack(name, edit as (t: { frames: object[] }) => void);
      const r = formcheck('analyze', bad, '--exercise', 'squat');
      expect(r.status, name).toBe(EXIT.input);
      expect(r.stderr, name).toMatch(new RegExp(`${name}: frame \\d+ is not valid`));
    }
  });

  it('reports timestamps that go backwards and exits non-zero', async () => {
    const bad = await editedTrack('backwards.json', (t) => {
      (t.frames[10] as { t: number }).t = 0;
    });
    const r = formcheck('analyze', bad, '--exercise', 'squat');
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(/timestamps are not in order \(frame 10 goes back in time/);
    expect(r.stdout).toMatch(/reps: 2/);
  });

  it('says when nobody is in the video at all, and exits non-zero', async () => {
    const empty = join(dir, 'test-pattern.mp4');
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=10:duration=2',
      '-pix_fmt',
      'yuv420p',
      empty,
    );
    const r = formcheck('analyze', empty, '--exercise', 'squat', '--json');
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(/no person was found in any frame/);
    expect(JSON.parse(r.stdout)).toMatchObject({ repCount: 0 });
  });

  it('says when someone else came into view of a video, after which rep (people counted every 2 s)', async () => {
    // The dowel squat (bottoms at 10.2 and 16.7 s), and from 14 s someone squatting beside it.
    const two = await sideBySide(
      join(ROOT, 'test', 'fixtures', 'squat_side_gym_dowel_2reps.mp4'),
      CLIP,
      'someone-walks-in.mp4',
      20,
      14,
    );
    const r = formcheck('analyze', two, '--exercise', 'squat', '--json');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout) as { repCount: number; notes: string[] };
    expect(report.notes[0]).toMatch(
      /^Someone else came into view after rep 1: I follow the most visible person/,
    );
  });

  it('notices someone crossing in front between two of the 2 s counts (counted again when the tracker jumps)', async () => {
    // The dowel squat (first bottom at 10.2 s) with the banded squat's woman crossing in front of
    // it from 8.2 s to 9.7 s: the counts at 8 and 10 s see one person each. She takes the
    // tracker over at 8.9 s; counted again from the next frame, both are in view at 9.3 s.
    const crossed = await crossingInFront(
      join(ROOT, 'test', 'fixtures', 'squat_side_gym_dowel_2reps.mp4'),
      CLIP,
      'someone-crosses.mp4',
      12,
      8.2,
    );
    const r = formcheck('analyze', crossed, '--exercise', 'squat', '--json');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    const report = JSON.parse(r.stdout) as { notes: string[] };
    expect(report.notes[0]).toMatch(
      /^Someone else came into view before the first rep: I follow the most visible person/,
    );
  });

  it('says when a video decodes short of its length (a truncated file), and exits non-zero', async () => {
    const whole = join(dir, 'faststart.mp4');
    // The index at the front: a cut-off file still opens, and decodes only its first part.
    ffmpeg('-i', CLIP, '-c', 'copy', '-movflags', '+faststart', whole);
    await truncate(whole, Math.round((await stat(whole)).size * 0.4));
    const r = formcheck('analyze', whole, '--exercise', 'squat');
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(
      /only [\d.]+ s of its 13\.\d s could be decoded; the file looks truncated/,
    );
    // The report says it in the page's words: what it gives is of the part read.
    expect(r.stdout).toMatch(
      /note: Only the first [\d.]+ s of the video's 13\.\d s could be read \(the file looks cut short or damaged\): this report is of that part\./,
    );
  });
});
