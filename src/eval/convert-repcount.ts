// Converts the RepCount benchmark's squat poses (../shared/data/poses/repcount_pose_squat: MediaPipe
// landmarks per frame, .npy float32 frames × 104 = 33 × (x, y, z) + 5 angles) into formcheck pose
// tracks in the common skeleton, with the annotated rep counts and rep frames, as test fixtures.
// The videos' size and frame rate are not given: 30 frames/s and 640×480 are assumed (a vertical
// hip-to-knee gap over shank length hardly depends on the aspect ratio).
// Usage: node --import tsx src/eval/convert-repcount.ts
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BLAZEPOSE_LANDMARKS } from '../pose/blazepose-landmarks.ts';
import { poseFromDetector, type DetectorKeypoint } from '../pose/from-detector.ts';
import { serializePoseTrack, type TrackFrame } from '../pose/pose-track.ts';

const FPS = 30;
const SIZE = { widthPx: 640, heightPx: 480 };

const src = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'poses',
  'repcount_pose_squat',
);
const out = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'repcount');

/** Minimal .npy reader for a C-order float32 2-D array. */
function readNpy(buf: Buffer): { rows: number; cols: number; data: Float32Array } {
  const headerLen = buf.readUInt16LE(8);
  const header = buf.subarray(10, 10 + headerLen).toString('latin1');
  const shape = /'shape': \((\d+), (\d+)\)/.exec(header);
  if (!header.includes("'<f4'") || shape === null || header.includes("'fortran_order': True"))
    throw new Error(`unsupported npy: ${header}`);
  const rows = Number(shape[1]);
  const cols = Number(shape[2]);
  const start = 10 + headerLen;
  const data = new Float32Array(
    buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + rows * cols * 4),
  );
  return { rows, cols, data };
}

const csv = (await readFile(join(src, 'test_annotation_squat_only.csv'), 'utf8'))
  .trim()
  .split('\n')
  .slice(1);
await mkdir(out, { recursive: true });
const annotations: { clip: string; count: number; repFrames: [number, number][] }[] = [];
for (const line of csv) {
  const cells = line.split(',');
  const name = (cells[2] ?? '').replace('.mp4', '');
  const count = Number(cells[3]);
  const bounds = cells
    .slice(4)
    .filter((c) => c !== '')
    .map(Number);
  const repFrames: [number, number][] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2)
    repFrames.push([bounds[i] ?? 0, bounds[i + 1] ?? 0]);
  if (!(await readdir(src)).includes(`${name}.npy`)) continue;
  const { rows, cols, data } = readNpy(await readFile(join(src, `${name}.npy`)));
  const frames: TrackFrame[] = [];
  for (let r = 0; r < rows; r++) {
    const timestampMs = (r * 1000) / FPS;
    const kps: DetectorKeypoint[] = BLAZEPOSE_LANDMARKS.map((n, i) => ({
      name: n,
      x: (data[r * cols + i * 3] ?? NaN) * SIZE.widthPx,
      y: (data[r * cols + i * 3 + 1] ?? NaN) * SIZE.heightPx,
      score: 1,
    }));
    const empty = kps.every((k) => k.x === 0 && k.y === 0);
    frames.push({ timestampMs, pose: empty ? null : poseFromDetector(kps, 1, SIZE, timestampMs) });
  }
  await writeFile(
    join(out, `${name}.track.json`),
    serializePoseTrack({
      source: `RepCount ${name}.mp4 (MediaPipe landmarks)`,
      model: 'mediapipe-pose',
      backend: 'n/a',
      frameSize: SIZE,
      frames,
    }) + '\n',
  );
  annotations.push({ clip: name, count, repFrames });
  console.log(`${name}: ${rows} frames, ${count} reps`);
}
await writeFile(
  join(out, 'annotations.json'),
  JSON.stringify(
    {
      fps: FPS,
      note: 'RepCount test_annotation_squat_only.csv: count and [start, end] frame of each rep',
      clips: annotations,
    },
    null,
    1,
  ) + '\n',
);
