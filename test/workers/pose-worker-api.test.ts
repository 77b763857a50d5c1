import { expose } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoseClient, type WorkerHandle } from '../../src/app/pose-client.ts';
import type { RawFrame } from '../../src/detector/pose-service.ts';
import { createNodePoseService } from '../../src/node/node-pose-service.ts';
import { decodeVideo, probeVideo, type DecodedFrame } from '../../src/node/video-decoder.ts';
import { createWorkerApi, type StreamResult } from '../../workers/pose-worker-api.ts';
import { crossingInFront } from '../support/side-by-side.ts';

const CLIP = new URL('../fixtures/squat_front_band_woman_3reps.mp4', import.meta.url).pathname;
const DOWEL = new URL('../fixtures/squat_side_gym_dowel_2reps.mp4', import.meta.url).pathname;
/** How long the tests let a silent worker go before the client calls it hung. */
const TEST_DEADLINE_MS = 3000;

async function firstFrames(n: number): Promise<RawFrame[]> {
  const frames: RawFrame[] = [];
  for await (const f of decodeVideo(CLIP, await probeVideo(CLIP), { maxSidePx: 256 })) {
    frames.push(f);
    if (frames.length === n) break;
  }
  return frames;
}

/** A "worker" in this realm: the real worker API and model on one end of a MessageChannel. */
function channelWorker(
  opts: { hangs?: boolean; cannotLoad?: boolean; neverStarts?: boolean } = {},
): WorkerHandle & { channel: MessageChannel; fail: (m: string) => void } {
  const channel = new MessageChannel();
  const api = createWorkerApi(createNodePoseService());
  // A hung worker: it loads its model, then never answers a frame.
  const hung = { ...api, estimate: () => new Promise<never>(() => undefined) };
  // One that cannot load its model (the files gone from the server).
  const unloadable = {
    ...api,
    init: () => Promise.reject(new Error('models/manifest.json could not be loaded')),
  };
  // One whose script never loaded: nothing answers at its end (the page's Worker only fires
  // `error`, which the test sends with `fail`).
  if (opts.neverStarts !== true)
    expose(
      opts.cannotLoad === true ? unloadable : opts.hangs === true ? hung : api,
      channel.port1 as never,
    );
  let onError: (m: string) => void = () => undefined;
  return {
    channel,
    endpoint: channel.port2 as never,
    terminate: () => {
      channel.port1.close();
      channel.port2.close();
    },
    onError: (listener) => (onError = listener),
    // The worker failing outside a call (how a page Worker reports an uncaught error).
    get fail() {
      return onError;
    },
  } as WorkerHandle & { channel: MessageChannel; fail: (m: string) => void };
}

// The worker API as the page uses it (comlink over a MessageChannel), with the real PoseService
// and model in this realm: no worker thread needed (as comlink's own tests do).
describe('pose worker API over a MessageChannel', () => {
  const workers: ReturnType<typeof channelWorker>[] = [];
  const client = new PoseClient(() => {
    const w = channelWorker();
    workers.push(w);
    return w;
  });

  beforeAll(async () => {
    await client.init({ model: 'movenet-lightning', backend: 'wasm' });
  });

  afterAll(() => client.stop());

  it("transfers each frame: the sender's buffer is detached afterwards", async () => {
    const [frame] = await firstFrames(1);
    if (frame === undefined) throw new Error('no frame decoded');
    expect(frame.data.buffer.byteLength).toBeGreaterThan(0);
    const result = await client.submit(frame, 1000);
    expect(frame.data.buffer.byteLength).toBe(0);
    expect(result?.pose?.keypoints.left_hip).toBeDefined();
  });

  it('drops a frame sent while another is in flight, and counts it', async () => {
    const [a, b] = await firstFrames(2);
    if (a === undefined || b === undefined) throw new Error('no frames decoded');
    const before = client.counts();
    const first = client.submit(a, 2000);
    const second = await client.submit(b, 2033);
    expect(second).toBeUndefined();
    expect((await first)?.timestampMs).toBe(2000);
    expect(client.counts().dropped).toBe(before.dropped + 1);
  });

  it('drops a frame whose timestamp does not rise', async () => {
    const [a] = await firstFrames(1);
    if (a === undefined) throw new Error('no frame decoded');
    expect(await client.submit(a, 100)).toBeUndefined();
  });
});

describe('a pose client whose worker dies or hangs', () => {
  it('notices a worker that does not answer, starts a new one with the same model, and goes on', async () => {
    const reasons: string[] = [];
    let spawned = 0;
    const client = new PoseClient(() => channelWorker({ hangs: spawned++ === 1 }), {
      onRestart: (r) => reasons.push(r),
      frameDeadlineMs: TEST_DEADLINE_MS,
    });
    await client.init({ model: 'movenet-lightning', backend: 'wasm' });
    // The first worker dies (an error outside any call); its replacement hangs on the next frame.
    await client.restart('test: the first worker died');
    const [a, b] = await firstFrames(2);
    if (a === undefined || b === undefined) throw new Error('no frames decoded');
    const lost = client.submit(a, 1000);
    expect(await lost).toBeUndefined();
    while (client.busy) await new Promise((r) => setTimeout(r, 50));
    const result = await client.submit(b, 2000);
    expect(result?.pose?.keypoints.left_hip).toBeDefined();
    expect(reasons).toEqual([
      'test: the first worker died',
      `the pose worker did not answer for ${TEST_DEADLINE_MS / 1000} s`,
    ]);
    expect(client.counts().restarts).toBe(2);
    client.stop();
  }, 60_000);
});

describe('a pose client whose worker dies and cannot be replaced', () => {
  it('reports the failed restart it started on its own, instead of dropping it', async () => {
    const restarts: string[] = [];
    const failures: string[] = [];
    const spawned: ReturnType<typeof channelWorker>[] = [];
    const client = new PoseClient(
      () => {
        const w = channelWorker({ cannotLoad: spawned.length > 0 });
        spawned.push(w);
        return w;
      },
      {
        onRestart: (r) => restarts.push(r),
        onRestartFailed: (e) => failures.push(e instanceof Error ? e.message : String(e)),
      },
    );
    await client.init({ model: 'movenet-lightning', backend: 'wasm' });
    // The worker fails outside any call: the client replaces it on its own, nobody awaiting.
    spawned[0]?.fail('out of memory');
    while (failures.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(restarts).toEqual(['the pose worker failed (out of memory)']);
    expect(failures[0]).toMatch(/models\/manifest.json could not be loaded/);
    client.stop();
  }, 60_000);
});

describe('a pose client whose worker never starts', () => {
  it('fails the load with the reason, where it waited for ever, and starts a new worker on the next try', async () => {
    const spawned: ReturnType<typeof channelWorker>[] = [];
    const client = new PoseClient(() => {
      const w = channelWorker({ neverStarts: spawned.length === 0 });
      spawned.push(w);
      return w;
    });
    const loading = client.init({ model: 'movenet-lightning', backend: 'wasm' });
    // The browser could not load the worker's script (gone from the host after an update).
    spawned[0]?.fail('the worker failed');
    await expect(loading).rejects.toThrow(
      'The pose worker could not start (the worker failed): reload the page.',
    );
    // Trying again (the model alert's "Try again") starts a new worker, which loads.
    const info = await client.init({ model: 'movenet-lightning', backend: 'wasm' });
    expect(info.model).toBe('movenet-lightning');
    expect(spawned).toHaveLength(2);
    client.stop();
  }, 60_000);

  it('reports a restart whose new worker never starts, so the watchdog can try again', async () => {
    const failures: string[] = [];
    const spawned: ReturnType<typeof channelWorker>[] = [];
    const client = new PoseClient(
      () => {
        const w = channelWorker({ neverStarts: spawned.length > 0 });
        spawned.push(w);
        return w;
      },
      { onRestartFailed: (e) => failures.push(e instanceof Error ? e.message : String(e)) },
    );
    await client.init({ model: 'movenet-lightning', backend: 'wasm' });
    spawned[0]?.fail('out of memory');
    while (spawned.length < 2) await new Promise((r) => setTimeout(r, 20));
    expect(client.busy).toBe(true);
    spawned[1]?.fail('the worker failed');
    while (failures.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(failures).toEqual([
      'The pose worker could not start (the worker failed): reload the page.',
    ]);
    // No longer restarting: the watchdog, which waits while a restart runs, can try again.
    expect(client.busy).toBe(false);
    client.stop();
  }, 60_000);
});

/**
 * A camera as the worker sees it (a MediaStreamTrackProcessor's stream): a frame every 33 ms, each
 * a VideoFrame that must be closed by whoever holds it last. Frames carry a real decoded picture.
 */
function fakeCamera(pictures: RawFrame[]) {
  const frames: { closed: boolean }[] = [];
  let cancelled = false;
  const readable = new ReadableStream<VideoFrame>(
    {
      pull: (controller) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            const picture = pictures[frames.length % pictures.length];
            if (picture === undefined) throw new Error('no pictures');
            const frame = {
              closed: false,
              picture,
              displayWidth: picture.width,
              displayHeight: picture.height,
              timestamp: (frames.length + 1) * 33_333,
              close() {
                this.closed = true;
              },
            };
            frames.push(frame);
            // A cancelled stream takes no more frames: the camera closes its own (as Chromium's does).
            if (cancelled) frame.close();
            else controller.enqueue(frame as unknown as VideoFrame);
            resolve();
          }, 33),
        ),
      cancel: () => {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { readable, frames };
}

describe('camera frames streamed into the worker', () => {
  const realCreateImageBitmap = globalThis.createImageBitmap;
  beforeAll(() => {
    // Node has no ImageBitmap: the "bitmap" is the frame's own decoded picture.
    globalThis.createImageBitmap = (async (frame: { picture: RawFrame }) =>
      frame.picture) as unknown as typeof createImageBitmap;
  });
  afterAll(() => {
    globalThis.createImageBitmap = realCreateImageBitmap;
  });

  it('closes every frame it reads, also the one that arrives after the stream is stopped', async () => {
    const api = createWorkerApi(createNodePoseService());
    await api.init({ model: 'movenet-lightning', backend: 'wasm' });
    const camera = fakeCamera(await firstFrames(3));
    const results: StreamResult[] = [];
    api.startStream(camera.readable, (r) => results.push(r), {
      pageTimeOrigin: performance.timeOrigin,
    });
    while (results.length < 3) await new Promise((r) => setTimeout(r, 20));
    api.stopStream();
    await new Promise((r) => setTimeout(r, 300));
    expect(results.every((r) => r.pose !== null)).toBe(true);
    expect(camera.frames.length).toBeGreaterThan(3);
    expect(camera.frames.filter((f) => !f.closed)).toEqual([]);
  });

  it('counts the people again on the frames after the person followed jumps (someone crossing in front)', async () => {
    // The dowel squat with someone crossing in front of it from 8.2 s to 9.7 s (10 frames/s),
    // streamed from 6 s with the real models at the video's pace, each frame sent once the one
    // before is analysed (none skipped: the frames the command line analyses).
    // The counts of every 2 s (6, 8 and 10 s) see one person; the crosser takes the tracker over
    // at 8.9 s, and the counts from the next frame on find her beside the squatter.
    const video = await crossingInFront(DOWEL, CLIP, 'crossing.mp4', 10.5, 8.2);
    const pictures: DecodedFrame[] = [];
    for await (const f of decodeVideo(video, await probeVideo(video), { startSec: 6 }))
      pictures.push(f);
    const api = createWorkerApi(createNodePoseService());
    await api.init({ model: 'blazepose-full', backend: 'wasm' });
    const results: StreamResult[] = [];
    let sent = 0;
    const startedMs = performance.now();
    const readable = new ReadableStream<VideoFrame>(
      {
        pull: async (controller) => {
          // At the video's pace, as a camera gives them, and none before the last was analysed.
          while (results.length < sent || performance.now() < startedMs + sent * 100)
            await new Promise((r) => setTimeout(r, 5));
          const picture = pictures[sent];
          if (picture === undefined) {
            controller.close();
            return;
          }
          sent += 1;
          controller.enqueue({
            picture,
            displayWidth: picture.width,
            displayHeight: picture.height,
            // Capture times on the video's clock (µs), 6 s in.
            timestamp: (6 + (sent - 1) / 10) * 1e6,
            close: () => undefined,
          } as unknown as VideoFrame);
        },
      },
      { highWaterMark: 0 },
    );
    // The page's clock set to the video's (6 s at the first frame): the counts of every 2 s fall
    // on the frames at 6, 8 and 10 s, as in a video.
    api.startStream(readable, (r) => results.push(r), {
      pageTimeOrigin: performance.timeOrigin + startedMs - 6000,
      countPeopleEveryMs: 2000,
    });
    while (results.length < pictures.length) await new Promise((r) => setTimeout(r, 20));
    api.stopStream();
    // One result a frame, in order: each at its frame's time in the video.
    const counted = results.flatMap((r, i) =>
      r.personCount === undefined
        ? []
        : [{ atSec: (pictures[i]?.timestampMs ?? NaN) / 1000, people: r.personCount }],
    );
    // Every 2 s, one person; counted again from the frame after the jump, every 0.3 s (the
    // first frame 250 ms on) to 2 s after the last jump (9.7 s): two at 9.3 s.
    expect(counted).toEqual(
      [6, 8, 9, 9.3, 9.6, 9.9, 10, 10.3].map((atSec) => ({
        atSec,
        people: atSec === 9.3 ? 2 : 1,
      })),
    );
  });
});
