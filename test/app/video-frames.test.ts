import { describe, expect, it } from 'vitest';
import {
  coverage,
  onVideoClock,
  pastTheLastFrame,
  sampleCount,
  type Held,
} from '../../src/app/video-frames.ts';
import { cutShortNote } from '../../src/engine/cut-short-note.ts';

/** A frame held at `atSec` (the picture itself plays no part in which samples it is). */
const held = (atSec: number, soughtSec?: number): Held => ({
  atSec,
  frame: {} as VideoFrame,
  ...(soughtSec === undefined ? {} : { soughtSec }),
});
const FRAME_SEC = 1 / 30;

describe('which samples a frame held from a playing video is the picture of', () => {
  it('every sample from its time until the next frame shown', () => {
    const covers = coverage(held(1.0), held(1.0 + FRAME_SEC), FRAME_SEC);
    expect(covers(1.0)).toBe(true);
    expect(covers(1.02)).toBe(true);
    expect(covers(1.0 + FRAME_SEC)).toBe(false);
    expect(covers(0.99)).toBe(false);
  });

  it('a 60 frames/s video sampled 30 times a second: each frame its own 1/60 s', () => {
    const covers = coverage(held(1.0), held(1.0 + 1 / 60), 1 / 60);
    expect(covers(1.01)).toBe(true);
    expect(covers(1.02)).toBe(false);
  });

  it('after a frame the page did not see shown, only half a frame on: the rest is sought', () => {
    // The next frame seen is three frames on: the two between were missed.
    const covers = coverage(held(1.0), held(1.0 + 3 * FRAME_SEC), FRAME_SEC);
    expect(covers(1.01)).toBe(true);
    expect(covers(1.05)).toBe(false);
    expect(covers(1.09)).toBe(false);
  });

  it('a frame a little late is no missed frame (frames are not always evenly spaced)', () => {
    const covers = coverage(held(1.0), held(1.0 + 1.4 * FRAME_SEC), FRAME_SEC);
    expect(covers(1.04)).toBe(true);
  });

  it('with no next frame (the end, a stall, a hidden page), only half a frame on', () => {
    const covers = coverage(held(1.0), undefined, FRAME_SEC);
    expect(covers(1.01)).toBe(true);
    expect(covers(1.02)).toBe(false);
  });

  it('a frame sought is the picture at the time it was sought at, however long before it began', () => {
    // Frames 0.1 s apart here (a video that slowed down): the seek to 0.95 s showed the 0.9 s one.
    const covers = coverage(held(0.9, 0.95), undefined, FRAME_SEC);
    expect(covers(0.95)).toBe(true);
    expect(covers(0.98)).toBe(false);
  });
});

describe('frame times on the video’s clock', () => {
  it('are trusted when the frame a seek showed began at most two frames before the time sought', () => {
    expect(onVideoClock(held(0, 0.5 / 30), FRAME_SEC)).toBe(true);
    expect(onVideoClock(held(0.9, 0.9 + 1.5 * FRAME_SEC), FRAME_SEC)).toBe(true);
  });

  it('are not when it is later than the time sought, or long before: every sample is then sought', () => {
    // A file whose frames carry their own start time (5 s in) rather than the video's clock.
    expect(onVideoClock(held(5.0, 0.5 / 30), FRAME_SEC)).toBe(false);
    expect(onVideoClock(held(0, 0.2), FRAME_SEC)).toBe(false);
  });
});

describe('a video cut short (its header giving more length than it has frames)', () => {
  it('is past its last frame when a seek shows a frame from over a second (or two frames) before', () => {
    // A WebM cut at 6.4 s: a seek to 8.1 s shows the frame at 6.4 s again.
    expect(pastTheLastFrame(held(6.4, 8.1), FRAME_SEC)).toBe(true);
    // A phone video's own gap of a few frames, or half a frame on, is no end.
    expect(pastTheLastFrame(held(3.0, 3.0 + 4 * FRAME_SEC), FRAME_SEC)).toBe(false);
    expect(pastTheLastFrame(held(3.0, 3.0 + 0.5 * FRAME_SEC), FRAME_SEC)).toBe(false);
    // At 0.5 frames/s (a time-lapse), two frames are 4 s.
    expect(pastTheLastFrame(held(10, 13), 2)).toBe(false);
    // A frame played, not sought, says nothing of it.
    expect(pastTheLastFrame(held(6.4), FRAME_SEC)).toBe(false);
  });

  it('is reported up to where it was read, in words as `formcheck analyze` gives them', () => {
    expect(cutShortNote(5.26, 11.82)).toBe(
      "Only the first 5.3 s of the video's 11.8 s could be read (the file looks cut short or damaged): this report is of that part.",
    );
    expect(cutShortNote(5.26, Infinity)).toBe(
      'Only the first 5.3 s of the video could be read (the file looks cut short or damaged): this report is of that part.',
    );
  });
});

describe('how many samples a recorded video gives', () => {
  it('as many as ffmpeg gives the command line, the rate measured to 0.01 included', () => {
    expect(sampleCount(8.008, 29.97)).toBe(240); // 240 frames at 30000/1001 per second
    expect(sampleCount(8, 30)).toBe(240);
    expect(sampleCount(7.51, 30)).toBe(225);
    expect(sampleCount(12, 12.5)).toBe(150);
  });

  it('each at (i + 0.5) / fps, inside the video', () => {
    for (const [durationSec, fps] of [
      [8.008, 29.97],
      [7.51, 30],
      [7.52, 30],
      [0.05, 30],
    ] as const) {
      const n = sampleCount(durationSec, fps);
      expect((n - 0.5) / fps, `${durationSec} s at ${fps}`).toBeLessThanOrEqual(durationSec);
    }
  });

  it('none from a video with no length (not loaded, or a stream)', () => {
    expect(sampleCount(Number.NaN, 30)).toBe(0);
    expect(sampleCount(Infinity, 30)).toBe(0);
    expect(sampleCount(0, 30)).toBe(0);
  });
});
