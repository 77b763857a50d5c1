import * as v from 'valibot';
import {
  KEYPOINT_NAMES,
  type FrameSize,
  type Keypoint,
  type KeypointName,
  type Pose,
  type WorldPointM,
} from './skeleton.ts';

/**
 * A pose track: what the detector saw in every analysed frame of a video or a camera session.
 * Written by `formcheck poses`, read by `formcheck analyze`, the tests and the eval. The browser's
 * worker produces the same poses, so a track could have come from either.
 */
export interface PoseTrack {
  readonly source: string;
  readonly model: string;
  readonly backend: string;
  readonly frameSize: FrameSize;
  readonly frames: readonly TrackFrame[];
}

export interface TrackFrame {
  readonly timestampMs: number;
  readonly pose: Pose | null;
  /** How many people were in view, on the frames where they were counted (every 2 s or so). */
  readonly people?: number;
}

/** A pose track file that cannot be used, with the first place it goes wrong. */
export class PoseTrackError extends Error {
  override name = 'PoseTrackError';
}

const finite = v.pipe(v.number(), v.finite());
const triple = v.tuple([finite, finite, finite]);
const byName = v.record(v.picklist(KEYPOINT_NAMES), triple);

/**
 * On disk: keypoints as [x, y, score] rounded to 1e-4 (≈0.06 px at 640 px); version 2 adds the
 * world landmarks as [x, y, z] metres rounded to 1 mm; version 3 the people counted in view, `p`,
 * on the frames where they were. A frame without `k` is a frame with nobody. A track with no
 * people counts is written as version 2, which formcheck before version 3 also reads.
 */
const StoredFrame = v.strictObject({
  t: finite,
  s: v.optional(finite),
  k: v.optional(byName),
  w: v.optional(byName),
  p: v.optional(v.pipe(finite, v.integer(), v.minValue(0))),
});

const StoredTrack = v.object({
  format: v.literal('formcheck-pose-track'),
  version: v.picklist([1, 2, 3]),
  source: v.optional(v.string(), ''),
  model: v.optional(v.string(), ''),
  backend: v.optional(v.string(), ''),
  frameSize: v.object({
    widthPx: v.pipe(finite, v.minValue(1)),
    heightPx: v.pipe(finite, v.minValue(1)),
  }),
  frames: v.array(v.unknown()),
});

type StoredFrameT = v.InferOutput<typeof StoredFrame>;

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const round3 = (x: number): number => Math.round(x * 1e3) / 1e3;

export function serializePoseTrack(track: PoseTrack): string {
  return JSON.stringify({
    format: 'formcheck-pose-track',
    version: track.frames.some((f) => f.people !== undefined) ? 3 : 2,
    source: track.source,
    model: track.model,
    backend: track.backend,
    frameSize: track.frameSize,
    frames: track.frames.map((f): StoredFrameT => {
      const stored = storedFrame(f);
      return f.people === undefined ? stored : { ...stored, p: f.people };
    }),
  });
}

function storedFrame(f: TrackFrame): StoredFrameT {
  if (f.pose === null) return { t: round4(f.timestampMs) };
  const k: Partial<Record<KeypointName, [number, number, number]>> = {};
  const w: Partial<Record<KeypointName, [number, number, number]>> = {};
  for (const name of KEYPOINT_NAMES) {
    const p = f.pose.keypoints[name];
    if (p !== undefined) k[name] = [round4(p.x), round4(p.y), round4(p.score)];
    const q = f.pose.world?.[name];
    if (q !== undefined) w[name] = [round3(q.xM), round3(q.yM), round3(q.zM)];
  }
  const stored: StoredFrameT = { t: round4(f.timestampMs), s: round4(f.pose.score), k };
  return Object.keys(w).length === 0 ? stored : { ...stored, w };
}

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (first === undefined) return 'invalid';
  const path = (first.path ?? []).map((p) => String(p.key)).join('.');
  return `${path === '' ? '' : `${path}: `}${first.message}`;
}

/** Reads and validates a pose track; throws a PoseTrackError that names the first bad frame. */
export function parsePoseTrack(text: string, origin = 'pose track'): PoseTrack {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PoseTrackError(`${origin} is not JSON.`);
  }
  const head = v.safeParse(StoredTrack, raw);
  if (!head.success) {
    const isTrack =
      typeof raw === 'object' &&
      raw !== null &&
      (raw as { format?: unknown }).format === 'formcheck-pose-track';
    throw new PoseTrackError(
      isTrack
        ? `${origin} is not a valid pose track (${issueText(head.issues)}).`
        : `${origin} is not a formcheck pose track (version 1, 2 or 3).`,
    );
  }
  const { frameSize } = head.output;
  const frames = head.output.frames.map((rawFrame, i): TrackFrame => {
    const parsed = v.safeParse(StoredFrame, rawFrame);
    if (!parsed.success) {
      throw new PoseTrackError(`${origin}: frame ${i} is not valid (${issueText(parsed.issues)}).`);
    }
    return trackFrame(parsed.output, frameSize);
  });
  return {
    source: head.output.source,
    model: head.output.model,
    backend: head.output.backend,
    frameSize,
    frames,
  };
}

function trackFrame(f: StoredFrameT, frameSize: FrameSize): TrackFrame {
  const frame = framePose(f, frameSize);
  return f.p === undefined ? frame : { ...frame, people: f.p };
}

function framePose(f: StoredFrameT, frameSize: FrameSize): TrackFrame {
  if (f.k === undefined) return { timestampMs: f.t, pose: null };
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, [x, y, score]] of Object.entries(f.k) as [KeypointName, number[]][])
    keypoints[name] = { x: x ?? NaN, y: y ?? NaN, score: score ?? 0 };
  const pose: Pose = { timestampMs: f.t, frameSize, score: f.s ?? 0, keypoints };
  if (f.w === undefined) return { timestampMs: f.t, pose };
  const world: Partial<Record<KeypointName, WorldPointM>> = {};
  for (const [name, [xM, yM, zM]] of Object.entries(f.w) as [KeypointName, number[]][])
    world[name] = { xM: xM ?? NaN, yM: yM ?? NaN, zM: zM ?? NaN };
  return { timestampMs: f.t, pose: { ...pose, world } };
}

/** Where a track's timestamps go backwards or repeat (frames that analysis will skip). */
export function timestampProblems(track: PoseTrack): string[] {
  const problems: string[] = [];
  let last = -Infinity;
  track.frames.forEach((f, i) => {
    if (f.timestampMs < last) problems.push(`frame ${i} goes back in time (${f.timestampMs} ms)`);
    else if (f.timestampMs === last) problems.push(`frame ${i} repeats ${f.timestampMs} ms`);
    last = Math.max(last, f.timestampMs);
  });
  return problems;
}
