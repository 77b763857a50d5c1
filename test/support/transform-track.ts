import type { PoseTrack } from '../../src/pose/pose-track.ts';
import {
  MIN_KEYPOINT_SCORE,
  type FrameSize,
  type Keypoint,
  type KeypointName,
  type Pose,
  type WorldPointM,
} from '../../src/pose/skeleton.ts';

// The same real movement seen another way: pose tracks changed as a different camera or a
// different side of the body would have changed them, for specs that the engine's results do not
// depend on it.

type Rename = (name: KeypointName) => KeypointName;

function mapPoses(track: PoseTrack, map: (pose: Pose) => Pose, frameSize = track.frameSize) {
  return {
    ...track,
    frameSize,
    frames: track.frames.map((f) =>
      f.pose === null ? f : { ...f, pose: { ...map(f.pose), frameSize } },
    ),
  };
}

function mapPoints(
  pose: Pose,
  image: (p: Keypoint) => Keypoint,
  world: (p: WorldPointM) => WorldPointM = (p) => p,
  rename: Rename = (n) => n,
): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, p] of Object.entries(pose.keypoints) as [KeypointName, Keypoint][])
    keypoints[rename(name)] = image(p);
  if (pose.world === undefined) return { ...pose, keypoints };
  const worldPoints: Partial<Record<KeypointName, WorldPointM>> = {};
  for (const [name, p] of Object.entries(pose.world) as [KeypointName, WorldPointM][])
    worldPoints[rename(name)] = world(p);
  return { ...pose, keypoints, world: worldPoints };
}

const otherSide: Rename = (name) =>
  name.startsWith('left_')
    ? (name.replace('left_', 'right_') as KeypointName)
    : name.startsWith('right_')
      ? (name.replace('right_', 'left_') as KeypointName)
      : name;

const LEG = /^(left|right)_(hip|knee|ankle|heel|toe)$/;

/** The legs' names the other way round (the arms and face as they were), in the image and 3-D. */
export const legNamesSwapped = (pose: Pose): Pose =>
  mapPoints(
    pose,
    (p) => p,
    (p) => p,
    (n) => (LEG.test(n) ? otherSide(n) : n),
  );

/**
 * A detector that names the legs the other way round in `run` frames of every `every` (BlazePose
 * does it side on in 10-17 % of frames, a few at a time: the rendered clips with exact truth).
 */
export function legsNamedTheOtherWay(track: PoseTrack, every: number, run: number): PoseTrack {
  return {
    ...track,
    frames: track.frames.map((f, i) =>
      f.pose !== null && i % every < run ? { ...f, pose: legNamesSwapped(f.pose) } : f,
    ),
  };
}

/**
 * A noisier detector (a smaller picture, a slower machine's frames): every keypoint moved by white
 * noise of `sd` of the frame height, each axis (a fixed pseudo-random draw per `seed`).
 */
export function withKeypointJitter(track: PoseTrack, sd: number, seed: number): PoseTrack {
  let state = seed;
  const uniform = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const gauss = () =>
    Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  const { widthPx, heightPx } = track.frameSize;
  return mapPoses(track, (pose) =>
    mapPoints(pose, (p) => ({
      ...p,
      x: p.x + (gauss() * sd * heightPx) / widthPx,
      y: p.y + gauss() * sd,
    })),
  );
}

/** The mirror image: as if the person had done it with the other side of the body towards us. */
export function mirrored(track: PoseTrack): PoseTrack {
  return mapPoses(track, (pose) =>
    mapPoints(
      pose,
      (p) => ({ ...p, x: 1 - p.x }),
      (p) => ({ ...p, xM: -p.xM }),
      otherSide,
    ),
  );
}

/**
 * The same poses as a camera behind the person would see them: the picture mirrored and the 3-D
 * turned half round about the vertical, every joint keeping its name (the person's left side on
 * the picture's left, as from behind).
 */
export function seenFromBehind(track: PoseTrack): PoseTrack {
  return mapPoses(track, (pose) =>
    mapPoints(
      pose,
      (p) => ({ ...p, x: 1 - p.x }),
      (p) => ({ ...p, xM: -p.xM, zM: -p.zM }),
    ),
  );
}

/** The recording from `fromMs` on: the clip trimmed at its start (its clock kept). */
export function startingAt(track: PoseTrack, fromMs: number): PoseTrack {
  return { ...track, frames: track.frames.filter((f) => f.timestampMs >= fromMs) };
}

/** The same frames a minute later on the clock (a camera session that did not start at 0). */
export function later(track: PoseTrack, byMs = 60_000): PoseTrack {
  return {
    ...track,
    frames: track.frames.map((f) => ({
      timestampMs: f.timestampMs + byMs,
      pose: f.pose === null ? null : { ...f.pose, timestampMs: f.pose.timestampMs + byMs },
    })),
  };
}

/** The person smaller in the frame, about its centre (standing further back). */
export function smaller(track: PoseTrack, scale = 0.6): PoseTrack {
  const about = (v: number) => 0.5 + (v - 0.5) * scale;
  return mapPoses(track, (pose) =>
    mapPoints(pose, (p) => ({ ...p, x: about(p.x), y: about(p.y) })),
  );
}

/**
 * The same picture in the middle of a larger frame, `wide` times as wide and `tall` times as tall
 * (a wider camera, a phone held upright: the person unchanged).
 */
export function inLargerFrame(track: PoseTrack, wide: number, tall: number): PoseTrack {
  const frameSize: FrameSize = {
    widthPx: track.frameSize.widthPx * wide,
    heightPx: track.frameSize.heightPx * tall,
  };
  const centred = (v: number, k: number) => (v + (k - 1) / 2) / k;
  return mapPoses(
    track,
    (pose) => mapPoints(pose, (p) => ({ ...p, x: centred(p.x, wide), y: centred(p.y, tall) })),
    frameSize,
  );
}

/** The same picture at twice the resolution. */
export function sharper(track: PoseTrack): PoseTrack {
  return mapPoses(track, (pose) => pose, {
    widthPx: track.frameSize.widthPx * 2,
    heightPx: track.frameSize.heightPx * 2,
  });
}

/**
 * A camera at twice the frame rate (60 frames/s for a 30 frames/s clip): a frame between each two,
 * its keypoints and 3-D landmarks halfway between theirs (the same movement, sampled twice as
 * often; nobody in it where either neighbour has nobody).
 */
export function twiceTheFrameRate(track: PoseTrack): PoseTrack {
  const halfway = (a: Pose, b: Pose, timestampMs: number): Pose => {
    const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
    for (const [name, p] of Object.entries(a.keypoints) as [KeypointName, Keypoint][]) {
      const q = b.keypoints[name];
      if (q !== undefined)
        keypoints[name] = {
          x: (p.x + q.x) / 2,
          y: (p.y + q.y) / 2,
          score: Math.min(p.score, q.score),
        };
    }
    const world: Partial<Record<KeypointName, WorldPointM>> = {};
    for (const [name, p] of Object.entries(a.world ?? {}) as [KeypointName, WorldPointM][]) {
      const q = b.world?.[name];
      if (q !== undefined)
        world[name] = { xM: (p.xM + q.xM) / 2, yM: (p.yM + q.yM) / 2, zM: (p.zM + q.zM) / 2 };
    }
    return {
      ...a,
      timestampMs,
      score: Math.min(a.score, b.score),
      keypoints,
      ...(a.world === undefined ? {} : { world }),
    };
  };
  const frames = track.frames.flatMap((f, i) => {
    const next = track.frames[i + 1];
    if (next === undefined) return [f];
    const timestampMs = (f.timestampMs + next.timestampMs) / 2;
    const pose =
      f.pose === null || next.pose === null ? null : halfway(f.pose, next.pose, timestampMs);
    return [f, { timestampMs, pose }];
  });
  return { ...track, frames };
}

/**
 * The same movement done `times` times slower (2 or 4), seen at the clip's own frame rate: the
 * clock stretched, then a frame put halfway between each two (twiceTheFrameRate) once for 2 and
 * twice for 4. A slow tempo, as the prescribed one (lower over 3 s, hold the top 1 s), without
 * a slower camera.
 */
export function slowedDown(track: PoseTrack, times: 2 | 4): PoseTrack {
  const stretched: PoseTrack = {
    ...track,
    frames: track.frames.map((f) => ({
      timestampMs: f.timestampMs * times,
      pose: f.pose === null ? null : { ...f.pose, timestampMs: f.pose.timestampMs * times },
    })),
  };
  const once = twiceTheFrameRate(stretched);
  return times === 2 ? once : twiceTheFrameRate(once);
}

/**
 * A detector that loses the person in one frame of `every`, the first of each run (the frames are
 * there, with nobody in them).
 */
export function blinking(track: PoseTrack, every = 10): PoseTrack {
  return {
    ...track,
    frames: track.frames.map((f, i) => (i % every === 0 ? { ...f, pose: null } : f)),
  };
}

/** Uniform draws in [0, 1), the same sequence for the same `seed` (a spec sees the same frames every run). */
function seededUniform(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * A webcam's uneven frame timing: each frame's time moved by up to `maxMs` either way (a fixed
 * pseudo-random draw per `seed`), order kept.
 */
export function jittered(track: PoseTrack, maxMs: number, seed: number): PoseTrack {
  const next = seededUniform(seed);
  let previous = -Infinity;
  return {
    ...track,
    frames: track.frames.map((f) => {
      const t = Math.max(previous + 1, f.timestampMs + (next() * 2 - 1) * maxMs);
      previous = t;
      return { ...f, timestampMs: t, pose: f.pose === null ? null : { ...f.pose, timestampMs: t } };
    }),
  };
}

/**
 * The frames a live app analyses when the detector is slower than the camera: the worker takes the
 * newest camera frame whenever it is free, and each frame keeps it busy for `minMs`-`maxMs` (a
 * fixed pseudo-random draw per `seed`). Frames are dropped unevenly, one, two or three in a row, as
 * on a laptop that analyses 8-12 of a webcam's 30 frames a second; `resampleTrack` drops them
 * evenly.
 */
export function analysedLive(
  track: PoseTrack,
  minMs: number,
  maxMs: number,
  seed: number,
): PoseTrack {
  const next = seededUniform(seed);
  let freeAtMs = -Infinity;
  const frames = track.frames.filter((f) => {
    if (f.timestampMs < freeAtMs) return false;
    freeAtMs = f.timestampMs + minMs + next() * (maxMs - minMs);
    return true;
  });
  return { ...track, frames };
}

/**
 * A camera whose framing zooms about the frame's centre by `zoomAt(seconds since the first frame)`
 * (1 = as filmed): the image points move, the 3-D landmarks (metres) do not.
 */
function zoomed(track: PoseTrack, zoomAt: (sec: number) => number): PoseTrack {
  const first = track.frames[0]?.timestampMs ?? 0;
  return {
    ...track,
    frames: track.frames.map((f) => {
      if (f.pose === null) return f;
      const z = zoomAt((f.timestampMs - first) / 1000);
      const about = (v: number) => 0.5 + (v - 0.5) * z;
      return { ...f, pose: mapPoints(f.pose, (p) => ({ ...p, x: about(p.x), y: about(p.y) })) };
    }),
  };
}

/**
 * Automatic framing (a webcam that zooms to keep the person framed): the picture zooms in and out
 * by `amplitude` (0.1 = 10 %) over `periodSec`.
 */
export const autoFramed = (track: PoseTrack, amplitude: number, periodSec: number): PoseTrack =>
  zoomed(track, (sec) => 1 + amplitude * Math.sin((2 * Math.PI * sec) / periodSec));

/**
 * The camera brought closer through the clip: the person grows by `perSec` (0.03 = 3 %) each
 * second, until they fill the picture. From then on the camera stays: a confident joint inside the
 * picture as filmed stays inside it (a camera brought closer still would cut it off, and a joint
 * out of the picture is not seen: `Body.point`).
 */
export function approaching(track: PoseTrack, perSec: number): PoseTrack {
  let fills = Infinity; // the zoom at which the first joint would reach the picture's edge
  for (const f of track.frames)
    for (const p of Object.values(f.pose?.keypoints ?? {}))
      if (p.score >= MIN_KEYPOINT_SCORE && p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1)
        fills = Math.min(fills, 0.5 / Math.max(Math.abs(p.x - 0.5), Math.abs(p.y - 0.5), 1e-6));
  return zoomed(track, (sec) => Math.max(1, Math.min(1 + perSec * sec, fills)));
}

/**
 * Filmed by a hand that sways: the whole picture drifts by up to 4 % of the frame sideways and 3 %
 * up and down, over about 3 s (a phone held at arm's length, not shaking).
 */
export function swaying(track: PoseTrack): PoseTrack {
  return {
    ...track,
    frames: track.frames.map((f) => {
      if (f.pose === null) return f;
      const s = f.timestampMs / 1000;
      const dx = 0.04 * Math.sin((2 * Math.PI * s) / 2.7);
      const dy = 0.03 * Math.sin((2 * Math.PI * s) / 3.3 + 1);
      return { ...f, pose: mapPoints(f.pose, (p) => ({ ...p, x: p.x + dx, y: p.y + dy })) };
    }),
  };
}

/**
 * The clip played `times` times in a row, as the app's looping test camera plays it: each play
 * starts one frame interval after the last one ended.
 */
export function played(track: PoseTrack, times: number): { track: PoseTrack; playMs: number } {
  const first = track.frames[0]?.timestampMs ?? 0;
  const last = track.frames[track.frames.length - 1]?.timestampMs ?? first;
  const interval = (last - first) / Math.max(1, track.frames.length - 1);
  const playMs = last - first + interval;
  const frames = Array.from({ length: times }, (_, i) => later(track, i * playMs).frames).flat();
  return { track: { ...track, frames }, playMs };
}

/**
 * Filmed by a camera tilted sideways by `deg` (rolled about its axis; positive clockwise, as the
 * picture turns): the image keypoints turned about the picture's centre, in pixels, and the 3-D
 * landmarks about the camera's axis with them, as BlazePose gives them (its crop is turned upright
 * and its 3-D turned back: calculate_world_landmark_projection in @tensorflow-models/pose-detection).
 */
export function tilted(track: PoseTrack, deg: number): PoseTrack {
  const { widthPx: w, heightPx: h } = track.frameSize;
  const c = Math.cos((deg * Math.PI) / 180);
  const s = Math.sin((deg * Math.PI) / 180);
  return mapPoses(track, (pose) =>
    mapPoints(
      pose,
      (p) => {
        const x = (p.x - 0.5) * w;
        const y = (p.y - 0.5) * h;
        return { ...p, x: (x * c - y * s) / w + 0.5, y: (x * s + y * c) / h + 0.5 };
      },
      (p) => ({ ...p, xM: p.xM * c - p.yM * s, yM: p.xM * s + p.yM * c }),
    ),
  );
}

/** The track as MoveNet would give it: the same image keypoints, no 3-D landmarks. */
export function without3d(track: PoseTrack): PoseTrack {
  return {
    ...track,
    frames: track.frames.map((f) => {
      if (f.pose === null) return f;
      const { world: _world, ...pose } = f.pose;
      return { ...f, pose };
    }),
  };
}

/** Knees and below: the legs planted on the floor. */
const PLANTED = /^(left|right)_(knee|ankle|heel|toe)$/;

/**
 * The hips and everything above them raised (+) or lowered (−) by `byShanks` of the clip's shank,
 * ramped in between `fromMs` and `toMs` and held after, in the image; the knees and feet as filmed:
 * a person creeping up out of a low hold as the legs tire (or sagging out of a high one).
 */
export function hipsMoved(
  track: PoseTrack,
  fromMs: number,
  toMs: number,
  byShanks: number,
): PoseTrack {
  const ramp = (ms: number) => Math.min(1, Math.max(0, (ms - fromMs) / (toMs - fromMs)));
  return pointsRaised(track, byShanks, ramp, (name) => !PLANTED.test(name));
}

/**
 * Both heel points raised by `byShanks` of the clip's shank from `fromMs` to `toMs`, ramped in and
 * out over 300 ms either side, in the image; every other point as filmed: a heel lift at the bottom
 * of a squat drawn into a real one.
 */
export function heelsRaised(
  track: PoseTrack,
  fromMs: number,
  toMs: number,
  byShanks: number,
): PoseTrack {
  const RAMP_MS = 300;
  const held = (ms: number) =>
    Math.max(0, Math.min(1, (ms - fromMs + RAMP_MS) / RAMP_MS, (toMs + RAMP_MS - ms) / RAMP_MS));
  return pointsRaised(track, byShanks, held, (name) => name.endsWith('_heel'));
}

/**
 * The points `moves` names raised in the image by `byShanks` of the clip's median shank, times
 * `share` (0-1) at each frame's time.
 */
function pointsRaised(
  track: PoseTrack,
  byShanks: number,
  share: (ms: number) => number,
  moves: (name: KeypointName) => boolean,
): PoseTrack {
  const aspect = track.frameSize.widthPx / track.frameSize.heightPx;
  const shanks = track.frames.flatMap((f) => {
    const k = f.pose?.keypoints.left_knee;
    const a = f.pose?.keypoints.left_ankle;
    return k && a ? [Math.hypot((k.x - a.x) * aspect, k.y - a.y)] : [];
  });
  const shank = [...shanks].sort((a, b) => a - b)[Math.floor(shanks.length / 2)] ?? 0;
  return {
    ...track,
    frames: track.frames.map((f) => {
      if (f.pose === null) return f;
      const dy = -byShanks * shank * share(f.timestampMs);
      const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
      for (const [name, p] of Object.entries(f.pose.keypoints) as [KeypointName, Keypoint][])
        keypoints[name] = moves(name) ? { ...p, y: p.y + dy } : p;
      return { ...f, pose: { ...f.pose, keypoints } };
    }),
  };
}

/**
 * The named keypoints as not seen (score 0) in every frame, or in the frames `inFrame` picks: a
 * detector that loses them (an ear behind hair or a hood, a face turned away).
 */
export function withUnseen(
  track: PoseTrack,
  names: readonly KeypointName[],
  inFrame: (timestampMs: number) => boolean = () => true,
): PoseTrack {
  return mapPoses(track, (pose) => {
    if (!inFrame(pose.timestampMs)) return pose;
    const keypoints = { ...pose.keypoints };
    for (const name of names) {
      const k = keypoints[name];
      if (k !== undefined) keypoints[name] = { ...k, score: 0 };
    }
    return { ...pose, keypoints };
  });
}
