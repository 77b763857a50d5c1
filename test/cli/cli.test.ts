import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePoseTrack } from '../../src/pose/pose-track.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'src', 'cli', 'formcheck.mjs');
const CLIP = join(ROOT, 'test', 'fixtures', 'squat_front_band_woman_3reps.mp4');
const TRACK = join(ROOT, 'test', 'fixtures', 'tracks', 'squat_side_gym_dowel_2reps.track.json');

function formcheck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
}

describe('formcheck command line', () => {
  it('poses: writes a pose track of a real video, one entry per frame with its timestamp', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'formcheck-cli-')), 'band.json');
    const r = formcheck('poses', CLIP, '--model', 'blazepose-lite', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const track = parsePoseTrack(await readFile(out, 'utf8'));
    expect(track.frames).toHaveLength(65);
    expect(track.frames[1]?.timestampMs).toBe(200);
    expect(track.frames.every((f) => f.pose !== null)).toBe(true);
    expect(track.frames[0]?.pose?.keypoints.left_heel).toBeDefined();
    expect(r.stderr).toMatch(/frame 15 of ~65/);
  });

  it('analyze --json: exactly one JSON document with the report', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat', '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      exercise: string;
      repCount: number;
      reps: { phases: object }[];
      view: string;
    };
    expect(report).toMatchObject({ exercise: 'squat', repCount: 2, view: 'side' });
    expect(report.reps[0]?.phases).toHaveProperty('downSec');
  });

  it('analyze: a readable report by default', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'squat');
    expect(r.stdout).toMatch(/^squat: .* filmed from the side\nreps: 2\n/);
  });

  it('lists the exercises when the name is unknown', () => {
    const r = formcheck('analyze', TRACK, '--exercise', 'burpee');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown exercise "burpee". Choose one of: squat, lunge, calf-raise/);
  });

  it('exits non-zero with a clear message for a missing file', () => {
    const r = formcheck('poses', '/nonexistent/clip.mp4');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No such file: \/nonexistent\/clip.mp4/);
  });

  it('exits non-zero with a clear message for a file that is not a video', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'formcheck-cli-')), 'notes.mp4');
    await writeFile(bad, 'just text');
    const r = formcheck('poses', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not a video ffmpeg can read/);
  });
});
