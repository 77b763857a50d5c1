import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePoseTrack, type PoseTrack } from '../../src/pose/pose-track.ts';

/** Where formcheck's own pose tracks of the labelled clips are committed. */
export const TRACKS_DIR = join(import.meta.dirname, '..', 'fixtures', 'tracks');

/**
 * The committed pose track of a clip, by its name or its labelled file
 * (`partial_body/x.mp4` → `x.track.json`).
 */
export function fixtureTrack(clip: string): PoseTrack {
  const name = clip.replace(/^.*\//, '').replace(/\.mp4$/, '');
  return parsePoseTrack(readFileSync(join(TRACKS_DIR, `${name}.track.json`), 'utf8'));
}

/** Where formcheck's own pose tracks of the photos in ../shared/data/stills are committed. */
export const STILLS_DIR = join(import.meta.dirname, '..', 'fixtures', 'stills');

/** The committed pose track of a photo (1 s of video of it), by the photo's name. */
export function stillTrack(photo: string): PoseTrack {
  return parsePoseTrack(readFileSync(join(STILLS_DIR, `${photo}.track.json`), 'utf8'));
}
