import { expose } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoseClient } from '../../src/app/pose-client.ts';
import { createNodePoseService } from '../../src/node/node-pose-service.ts';
import { decodeVideo, probeVideo } from '../../src/node/video-decoder.ts';
import type { RawFrame } from '../../workers/pose-service.ts';

const CLIP = new URL('../fixtures/squat_front_band_woman_3reps.mp4', import.meta.url).pathname;

async function firstFrames(n: number): Promise<RawFrame[]> {
  const frames: RawFrame[] = [];
  for await (const f of decodeVideo(CLIP, await probeVideo(CLIP), { maxSidePx: 256 })) {
    frames.push(f);
    if (frames.length === n) break;
  }
  return frames;
}

// The worker API as the page uses it (comlink over a MessageChannel), with the real PoseService
// and model in this realm: no worker thread needed (as comlink's own tests do).
describe('pose worker API over a MessageChannel', () => {
  const channel = new MessageChannel();
  const client = new PoseClient(channel.port2 as unknown as Worker);

  beforeAll(async () => {
    expose(createNodePoseService(), channel.port1 as unknown as Worker);
    await client.init({ model: 'movenet-lightning', backend: 'wasm' });
  });

  afterAll(() => {
    channel.port1.close();
    channel.port2.close();
  });

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
