import { frameBitmap } from './frame-bitmap.ts';

/** Sample `index` of a recorded video: the picture shown at (index + 0.5) / rate s. */
export interface SampledFrame {
  readonly index: number;
  readonly bitmap: ImageBitmap;
}

type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/** A frame held from the video: its time on the video's clock (s) and the picture. */
export interface Held {
  readonly atSec: number;
  readonly frame: VideoFrame;
  /** The time this frame was sought at (a seek shows the frame covering it), if it was. */
  readonly soughtSec?: number;
}

/**
 * How a recorded video's frames are reached: played through (each frame decoded once), or sought
 * one by one (the way before; kept to compare them, `npm run bench:video`).
 */
export type VideoSampling = 'played' | 'sought';

/** Frames held ahead of the analysis while the video plays on; then it waits. */
const MAX_AHEAD = 3;
/** Frames are shown at most this many a second while played (then fewer after a missed one). */
const MAX_SHOWN_PER_SEC = 20;
const MIN_PLAYBACK_RATE = 0.1;
/**
 * Played, the next frame is waited for this long; then the next sample is sought. Frames come
 * every 50 ms or so; a tab behind another is drawn once a second, or not at all.
 */
const STALL_MS = 700;
/**
 * After a stall, samples are sought for this long before playing is tried again (in a tab the
 * browser draws once a second, each sample would otherwise wait out a stall).
 */
const SEEK_AFTER_STALL_MS = 3000;
/** Times on the frames and on the video's clock agree within this (s). */
const SAME_TIME_SEC = 1e-3;

/**
 * How many samples a video of `durationSec` gives at `fps`: rounded, as ffmpeg counts the frames it
 * gives `formcheck analyze` (a 29.97 fps video of 240 frames lasts 8.008 s, and 8.008 × 29.97, the
 * rate as measured to 0.01, is 239.9998). Sample i is shown at (i + 0.5) / fps, inside the video
 * for every i under the rounded count.
 */
export function sampleCount(durationSec: number, fps: number): number {
  return Number.isFinite(durationSec) && durationSec > 0 ? Math.round(durationSec * fps) : 0;
}

/**
 * The pictures of a recorded video at `rate` samples a second, in order: sample i is the frame
 * shown at (i + 0.5) / rate s, the frame a seek there shows (and the one `formcheck analyze`
 * takes). The video is played and each frame held as it is shown, so the browser decodes each
 * frame once. Seeking to every sample instead decodes from the last key frame each time: on 2
 * cores, 8 s of a 1080p video exported with x264's default (a key frame every 250 frames) took 95
 * s to analyse that way and 29 s played, a phone's (a key frame every second) 32 s and 20 s
 * (`npm run bench:video`, README).
 *
 * Where playing cannot be trusted to give a sample's frame, it is sought: a frame the page missed
 * (a busy page can; the video then plays slower), a stall, the end, a hidden page (it draws no
 * frames), a browser without VideoFrame or requestVideoFrameCallback (every sample), or frame
 * times that are not on the video's clock (every sample). `how: 'sought'` seeks every sample.
 *
 * `frameSec` is the video's own time between frames: a frame more than 1.5 of it after the one
 * before means one was missed between them, and the samples there are sought.
 */
export async function* sampledFrames(
  video: HTMLVideoElement,
  rate: number,
  count: number,
  frameSec: number,
  signal: AbortSignal,
  how: VideoSampling = 'played',
): AsyncGenerator<SampledFrame> {
  const sampleSec = (i: number) => (i + 0.5) / rate;
  const v = video as FrameCallbackVideo;
  const player =
    how === 'played' &&
    v.requestVideoFrameCallback !== undefined &&
    typeof VideoFrame !== 'undefined'
      ? new FramePlayer(v, frameSec)
      : undefined;
  if (player === undefined) {
    yield* everySampleSought(video, sampleSec, count, signal);
    return;
  }
  let i = 0;
  let held: Held | undefined;
  /** The time of the file's last frame, once a seek has had to look (s). */
  let lastFrameSec: number | undefined;
  try {
    held = await player.seek(sampleSec(0));
    if (!onVideoClock(held, frameSec)) {
      held.frame.close();
      player.stop();
      yield* everySampleSought(video, sampleSec, count, signal);
      return;
    }
    while (i < count && !signal.aborted) {
      // The frame held shown again (as playing starts from a seek) is no next frame.
      let next = await player.next();
      while (next !== undefined && next.atSec <= held.atSec + SAME_TIME_SEC) {
        next.frame.close();
        next = await player.next();
      }
      const covers = coverage(held, next, frameSec);
      while (i < count && covers(sampleSec(i)) && !signal.aborted) {
        yield { index: i, bitmap: await frameBitmap(held.frame) };
        i += 1;
      }
      held.frame.close();
      if (i >= count || signal.aborted) {
        next?.frame.close();
        break;
      }
      if (next !== undefined && sampleSec(i) >= next.atSec - SAME_TIME_SEC) held = next;
      else {
        next?.frame.close();
        held = await player.seek(sampleSec(i));
        // A seek past the file's last frame shows that frame again: a WebM cut short (its header
        // still giving the whole length) had its last frame analysed over and over to the end.
        // A gap in a video with frames only on change is not that: its stated end shows a later
        // frame (looked at once, the first time a seek lands this far back).
        if (pastTheLastFrame(held, frameSec)) {
          if (lastFrameSec === undefined) {
            const end = await player.seek(Math.max(sampleSec(i), video.duration - frameSec / 2));
            lastFrameSec = end.atSec;
            end.frame.close();
            held.frame.close();
            held = await player.seek(sampleSec(i));
          }
          if (held.atSec >= lastFrameSec - SAME_TIME_SEC) throw new Error(UNREADABLE_REST);
        }
      }
    }
  } finally {
    // Closed however it ends (closing twice does no harm): also when analysis stops part-way.
    held?.frame.close();
    player.stop();
  }
}

/**
 * The sample times a held frame is the one shown at: until the next frame held, when none was
 * missed between them; else only the time it was sought at, or half a frame on (a video's frames
 * are not always evenly spaced).
 */
export function coverage(
  held: Held,
  next: Held | undefined,
  frameSec: number,
): (atSec: number) => boolean {
  const from = held.atSec - SAME_TIME_SEC;
  if (next !== undefined && next.atSec - held.atSec <= 1.5 * frameSec)
    return (t) => t >= from && t < next.atSec - SAME_TIME_SEC;
  return (t) => t === held.soughtSec || (t >= from && t <= held.atSec + 0.5 * frameSec);
}

/**
 * A frame sought that shows an earlier one by more than this (s), or two frames: the file has no
 * frame there. A video's own gaps (a phone dropping frames) are a frame or two.
 */
export const PAST_THE_END_SEC = 1;

/** Whether a seek showed a frame from well before the time sought: there is none there. */
export function pastTheLastFrame(held: Held, frameSec: number): boolean {
  const sought = held.soughtSec;
  return sought !== undefined && sought - held.atSec > Math.max(PAST_THE_END_SEC, 2 * frameSec);
}

/** Whether a frame sought at `soughtSec` carries a time on the video's clock: at most that, within a frame or two. */
export function onVideoClock(held: Held, frameSec: number): boolean {
  const sought = held.soughtSec ?? held.atSec;
  return held.atSec <= sought + SAME_TIME_SEC && sought - held.atSec < 2 * frameSec;
}

async function* everySampleSought(
  video: HTMLVideoElement,
  sampleSec: (i: number) => number,
  count: number,
  signal: AbortSignal,
): AsyncGenerator<SampledFrame> {
  for (let i = 0; i < count && !signal.aborted; i++) {
    await seekTo(video, sampleSec(i));
    yield { index: i, bitmap: await frameBitmap(video) };
  }
}

/**
 * A seek that has not landed by then never will: a file cut short (its header still giving the
 * whole length) left a seek past its last frame waiting for data that does not exist, and the
 * page at "Analysing the video… 44 %" for good. A seek within a file takes well under a second.
 */
export const SEEK_TIMEOUT_MS = 10_000;

/** Why a video stopped being read before its end. */
export const UNREADABLE_REST = 'The video could not be read to its end (corrupt, or cut short).';

/**
 * The longest wait, after "seeked", for the frame the seek shows (ms): it came 0-15 ms after it
 * here. Past it the frame the element holds is taken (a seek can leave the picture as it was and
 * send no frame).
 */
export const FRAME_AFTER_SEEK_MS = 500;

/**
 * Seeks and waits for the frame there. "seeked" can come before the frame sought is the one the
 * element holds: 1-6 % of seeks in Chromium here, read at once, gave the frame shown before the
 * seek, and a seek back after a look at the file's end then held its last frame: a frame from
 * elsewhere analysed, or a file with a gap in it taken for one cut short. So the frame the seek
 * sends to be drawn is waited for too (a frame callback, asked for before the seek); a page not
 * seen draws nothing and waits for nothing, and a seek to where the video already is shows nothing
 * new.
 */
async function seekTo(video: HTMLVideoElement, atSec: number): Promise<void> {
  const target = Math.min(video.duration, atSec);
  const v = video as FrameCallbackVideo;
  let handle: number | undefined;
  const drawn =
    v.requestVideoFrameCallback !== undefined &&
    document.visibilityState === 'visible' &&
    video.currentTime !== target
      ? new Promise<void>((resolve) => {
          // A frame later than the one sought is one still on its way from before (played).
          const shown = (_now: number, meta: { mediaTime: number }) => {
            handle = undefined;
            if (meta.mediaTime > target + SAME_TIME_SEC)
              handle = v.requestVideoFrameCallback?.(shown);
            else resolve();
          };
          handle = v.requestVideoFrameCallback?.(shown);
        })
      : undefined;
  const seeked = new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      video.removeEventListener('seeked', ok);
      video.removeEventListener('error', bad);
    };
    const ok = () => {
      done();
      resolve();
    };
    const bad = () => {
      done();
      reject(new Error(UNREADABLE_REST));
    };
    const timer = setTimeout(bad, SEEK_TIMEOUT_MS);
    video.addEventListener('seeked', ok, { once: true });
    video.addEventListener('error', bad, { once: true });
  });
  video.currentTime = target;
  try {
    await seeked;
    if (drawn !== undefined) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        drawn,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, FRAME_AFTER_SEEK_MS))),
      ]);
      clearTimeout(timer);
    }
  } finally {
    if (handle !== undefined) v.cancelVideoFrameCallback?.(handle);
  }
}

/** Seeks a paused video to `atSec` and holds the frame the seek shows (timed on the video's clock). */
export async function frameSoughtAt(video: HTMLVideoElement, atSec: number): Promise<Held> {
  await seekTo(video, atSec);
  const frame = new VideoFrame(video);
  return { atSec: frame.timestamp / 1e6, frame, soughtSec: atSec };
}

/**
 * Plays a video and holds each frame as it is shown, a few ahead of whoever takes them, pausing
 * while that many wait. It plays slower after missing a frame (a page too busy to see each one),
 * and faster again after a run of frames seen.
 */
class FramePlayer {
  private readonly ahead: Held[] = [];
  private handle: number | undefined;
  private wake: (() => void) | undefined;
  private playing = false;
  private lastShownSec: number | undefined;
  private seenInARow = 0;
  /** No playing before this (page clock, ms): a stall was just waited out. */
  private playFromMs = 0;
  private readonly maxRate: number;
  /** The element's rate before, given back when done (the element shows the camera next). */
  private readonly rateBefore: number;

  constructor(
    private readonly video: FrameCallbackVideo,
    private readonly frameSec: number,
  ) {
    this.maxRate = Math.min(1, MAX_SHOWN_PER_SEC * frameSec);
    this.rateBefore = video.playbackRate;
    video.muted = true;
    video.playbackRate = this.maxRate;
    video.addEventListener('ended', this.onEnded);
  }

  /**
   * Seeks to `atSec` and holds the frame shown there; plays on from it while the page is seen and
   * no stall was waited out in the last few seconds.
   */
  async seek(atSec: number): Promise<Held> {
    this.halt();
    this.dropAhead();
    const held = await frameSoughtAt(this.video, atSec);
    this.lastShownSec = held.atSec;
    if (document.visibilityState === 'visible' && performance.now() >= this.playFromMs) this.play();
    return held;
  }

  /** The next frame shown; undefined at the end, after a stall, or when not playing. */
  async next(): Promise<Held | undefined> {
    if (this.ahead.length === 0 && this.playing) {
      let stalled = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          stalled = true;
          resolve();
        }, STALL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
      if (stalled && this.ahead.length === 0) {
        this.halt();
        this.playFromMs = performance.now() + SEEK_AFTER_STALL_MS;
      }
    }
    const shown = this.ahead.shift();
    if (shown !== undefined && this.playing && this.video.paused) this.resume();
    return shown;
  }

  stop(): void {
    this.halt();
    this.dropAhead();
    this.video.removeEventListener('ended', this.onEnded);
    this.video.playbackRate = this.rateBefore;
  }

  private play(): void {
    this.playing = true;
    this.resume();
  }

  /** Plays on, unless at the end (where play() would start the video again from the start). */
  private resume(): void {
    if (this.video.ended || this.video.currentTime >= this.video.duration - SAME_TIME_SEC) {
      this.halt();
      return;
    }
    this.handle ??= this.video.requestVideoFrameCallback?.(this.onShown);
    void this.video.play().catch(() => undefined);
  }

  private halt(): void {
    this.playing = false;
    this.video.pause();
    if (this.handle !== undefined) this.video.cancelVideoFrameCallback?.(this.handle);
    this.handle = undefined;
  }

  private dropAhead(): void {
    for (const h of this.ahead.splice(0)) h.frame.close();
  }

  private readonly onShown = (): void => {
    this.handle = undefined;
    if (!this.playing) return;
    // The frame held is the one the time is read from (the callback's own time can be a frame
    // behind the picture the element then holds).
    const frame = new VideoFrame(this.video);
    const atSec = frame.timestamp / 1e6;
    this.paceAfter(atSec);
    this.ahead.push({ atSec, frame });
    if (this.ahead.length >= MAX_AHEAD) this.video.pause();
    else this.handle = this.video.requestVideoFrameCallback?.(this.onShown);
    this.wake?.();
  };

  /** Slower after a frame missed, faster again after 60 seen in a row. */
  private paceAfter(atSec: number): void {
    const last = this.lastShownSec;
    this.lastShownSec = atSec;
    if (last === undefined) return;
    if (atSec - last > 1.5 * this.frameSec) {
      this.seenInARow = 0;
      this.video.playbackRate = Math.max(MIN_PLAYBACK_RATE, this.video.playbackRate * 0.75);
    } else if ((this.seenInARow += 1) >= 60) {
      this.seenInARow = 0;
      this.video.playbackRate = Math.min(this.maxRate, this.video.playbackRate * 1.1);
    }
  }

  private readonly onEnded = (): void => {
    this.halt();
    this.wake?.();
  };
}
