import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelId } from '../../src/pose/model-catalog.ts';
import { parsePoseTrack, type PoseTrack } from '../../src/pose/pose-track.ts';

/** Where formcheck's own pose tracks of the labelled clips are committed. */
export const TRACKS_DIR = join(import.meta.dirname, '..', 'fixtures', 'tracks');

/** Where formcheck's own pose tracks of the labelled clips mirrored left to right are committed. */
const MIRRORED_DIR = join(import.meta.dirname, '..', 'fixtures', 'mirrored');

/**
 * The tracks read so far, by file: a spec reads the same clip's track again and again (once per
 * reading of it, per frame rate, per draw), and parsing one takes a third as long as analysing it.
 * Tracks are read-only: a spec that changes one makes a changed copy.
 */
const read = new Map<string, PoseTrack>();

/** A clip's track file in `dir`, by the clip's name or its labelled file. */
function trackIn(dir: string, clip: string): PoseTrack {
  const name = clip.replace(/^.*\//, '').replace(/\.mp4$/, '');
  const file = join(dir, `${name}.track.json`);
  const known = read.get(file);
  if (known !== undefined) return known;
  const track = parsePoseTrack(readFileSync(file, 'utf8'));
  read.set(file, track);
  return track;
}

/**
 * The committed pose track of a clip, by its name or its labelled file
 * (`partial_body/x.mp4` → `x.track.json`).
 */
export function fixtureTrack(clip: string): PoseTrack {
  return trackIn(TRACKS_DIR, clip);
}

/**
 * The committed pose track of a clip mirrored left to right and tracked afresh
 * (`npm run eval -- --mirrored`): the same movements with the model's errors drawn again.
 */
export function mirroredTrack(clip: string): PoseTrack {
  return trackIn(MIRRORED_DIR, clip);
}

/** Where formcheck's own pose tracks of the labelled clips as filmed by a hand held camera are. */
const HANDHELD_DIR = join(import.meta.dirname, '..', 'fixtures', 'handheld');

/**
 * The committed pose track of a clip as if filmed by a hand held camera (`npm run eval --
 * --handheld`: the picture pans, tilts and rolls; src/eval/clip-reading.ts) and tracked afresh.
 */
export function handheldTrack(clip: string): PoseTrack {
  return trackIn(HANDHELD_DIR, clip);
}

/**
 * The committed pose track of a clip as if filmed in a dim room (`npm run eval -- --dim`: mean
 * luma 40, a webcam's noise and longer shutter; src/eval/clip-reading.ts) and tracked afresh.
 */
export function dimTrack(clip: string): PoseTrack {
  return trackIn(join(import.meta.dirname, '..', 'fixtures', 'dim'), clip);
}

/**
 * The committed pose track of a clip cut so that part of the body is at or past the picture's edge
 * (test/fixtures/cropped: how each was cut is in the fixtures' README), by its name.
 */
export function croppedTrack(name: string): PoseTrack {
  return trackIn(join(import.meta.dirname, '..', 'fixtures', 'cropped'), name);
}

/**
 * The committed pose track of a clip made by another of formcheck's models (`npm run eval --
 * --model ID`): only the few clips a spec needs are committed (test/fixtures/models).
 */
export function otherModelTrack(model: ModelId, clip: string): PoseTrack {
  return trackIn(join(import.meta.dirname, '..', 'fixtures', 'models', model), clip);
}

/**
 * The committed pose track of a clip whose first frame is held before it plays, as a webcam shows
 * a person who waits still before starting (test/fixtures/held: how each was made is in the
 * fixtures' README), by its name.
 */
export function heldTrack(name: string): PoseTrack {
  return trackIn(join(import.meta.dirname, '..', 'fixtures', 'held'), name);
}

/**
 * The committed poses the app analysed live in Chromium, a clip or photos looped as its webcam
 * (test/fixtures/live: how each was made is in the fixtures' README), by its name.
 */
export function liveTrack(name: string): PoseTrack {
  return trackIn(join(import.meta.dirname, '..', 'fixtures', 'live'), name);
}

/**
 * The committed pose track of two photos of one person played as a video (test/fixtures/
 * photo-video: how it was made is in the fixtures' README), by its name.
 */
export function photoVideoTrack(name: string): PoseTrack {
  return trackIn(join(import.meta.dirname, '..', 'fixtures', 'photo-video'), name);
}

/** Where formcheck's own pose tracks of the photos in ../shared/data/stills are committed. */
export const STILLS_DIR = join(import.meta.dirname, '..', 'fixtures', 'stills');

/** The committed pose track of a photo (1 s of video of it), by the photo's name. */
export function stillTrack(photo: string): PoseTrack {
  return parsePoseTrack(readFileSync(join(STILLS_DIR, `${photo}.track.json`), 'utf8'));
}

/**
 * One rep made of two photos of a person taken from one camera (free-exercise-db shoots each
 * exercise as a start and an end photo): the start photo for 3 s, the end photo for 1 s, the start
 * again for 2 s, at 30 frames/s. Each photo's track is 1 s of video of it; its first frame is left
 * out (the model's first frame of a clip is off, ../shared/data/rendered/README.md).
 */
export function photoRep(start: string, end: string): PoseTrack {
  const FRAME_MS = 1000 / 30;
  const held = (photo: string, ms: number) => {
    const poses = stillTrack(photo)
      .frames.slice(1)
      .map((f) => f.pose);
    return Array.from(
      { length: Math.round(ms / FRAME_MS) },
      (_, i) => poses[i % poses.length] ?? null,
    );
  };
  const poses = [...held(start, 3000), ...held(end, 1000), ...held(start, 2000)];
  const track = stillTrack(start);
  return {
    ...track,
    source: `${start} → ${end} → ${start}`,
    frames: poses.map((pose, i) => {
      const timestampMs = Math.round(i * FRAME_MS);
      return { timestampMs, pose: pose === null ? null : { ...pose, timestampMs } };
    }),
  };
}

/**
 * The committed pose track of the dowel squat with a second real person crossing in front of it
 * (`crossingInFront` in side-by-side.ts: the banded squat's woman, from 8.2 s to 9.7 s; 12 s at 10
 * frames/s), tracked with `formcheck poses --one-person` (no people counts in it).
 */
export function crossingTrack(): PoseTrack {
  return parsePoseTrack(
    readFileSync(
      join(TRACKS_DIR, '..', 'crossing', 'squat_side_gym_dowel_2reps.crossed-at-8.2s.track.json'),
      'utf8',
    ),
  );
}
