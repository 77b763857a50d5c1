import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { cutShortNote } from '../engine/cut-short-note.ts';
import type { PoseTrack } from '../pose/pose-track.ts';
import { parsePoseTrack, timestampProblems } from '../pose/pose-track.ts';
import type { TrackedVideo, VideoTracker } from '../node/video-tracker.ts';

/** One input of the command line, loaded: its poses, notes to add to its report, and problems. */
export interface LoadedInput {
  readonly path: string;
  readonly track: PoseTrack;
  /** Worth saying in the report (a share of frames with nobody). */
  readonly notes: readonly string[];
  /** Reasons the result cannot be stood behind: the command exits non-zero. */
  readonly problems: readonly string[];
  /** For videos: what the decoding measured (frames/s, real-time factor). */
  readonly video?: TrackedVideo;
}

/** A video decoded short of its container's duration by more than this is called truncated. */
const TRUNCATED_MARGIN = { sec: 0.5, fraction: 0.05 } as const;
/** No person in more than this share of frames is reported. */
const NOBODY_NOTE_SHARE = 0.2;

export const isTrackFile = (path: string) => path.toLowerCase().endsWith('.json');

/**
 * Every input can be read, checked before the pose model is loaded (3 s) or any video decoded: a
 * mistyped name is said at once, not after the inputs before it were tracked.
 */
export async function assertReadable(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await access(path, constants.R_OK);
    } catch {
      throw new Error(`No such file: ${path}`);
    }
  }
}

/** Reads a pose track file (validated; the first bad frame is named). */
export async function loadTrackFile(path: string): Promise<LoadedInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`No such file: ${path}`);
  }
  const track = parsePoseTrack(text, path);
  const order = timestampProblems(track);
  const problems =
    order.length === 0
      ? []
      : [
          `${path}: timestamps are not in order (${order.slice(0, 3).join('; ')}${order.length > 3 ? `; ${order.length - 3} more` : ''}); those frames are skipped.`,
        ];
  return {
    path,
    track,
    notes: nobodyNotes(track),
    problems: [...problems, ...nobodyProblems(path, track)],
  };
}

/**
 * Detects the person in every frame of a video, and counts the people in view every 2 s unless
 * told not to (the report says when someone else came into view, as a set on the camera does).
 */
export async function loadVideo(
  path: string,
  tracker: VideoTracker,
  options: Parameters<VideoTracker['track']>[1],
): Promise<LoadedInput> {
  const video = await tracker.track(path, { countPeople: true, ...options });
  const problems: string[] = [];
  const notes: string[] = [];
  const container = video.info.durationSec;
  if (
    container !== undefined &&
    container - video.decodedSec >
      Math.max(TRUNCATED_MARGIN.sec, TRUNCATED_MARGIN.fraction * container)
  ) {
    problems.push(
      `${path}: only ${video.decodedSec.toFixed(1)} s of its ${container.toFixed(1)} s could be decoded; the file looks truncated or damaged.`,
    );
    // On the report too, as the page puts it on the video's.
    notes.push(cutShortNote(video.decodedSec, container));
  }
  return {
    path,
    track: video.track,
    notes: [...notes, ...nobodyNotes(video.track)],
    problems: [...problems, ...nobodyProblems(path, video.track)],
    video,
  };
}

function nobodyShare(track: PoseTrack): number {
  const n = track.frames.length;
  return n === 0 ? 1 : track.frames.filter((f) => f.pose === null).length / n;
}

function nobodyNotes(track: PoseTrack): string[] {
  const share = nobodyShare(track);
  return share > NOBODY_NOTE_SHARE && share < 1
    ? [`No person detected in ${Math.round(share * 100)} % of the frames.`]
    : [];
}

function nobodyProblems(path: string, track: PoseTrack): string[] {
  if (track.frames.length === 0) return [`${path}: no frames.`];
  return nobodyShare(track) === 1 ? [`${path}: no person was found in any frame.`] : [];
}
