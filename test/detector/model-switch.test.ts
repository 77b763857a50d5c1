import { afterAll, describe, expect, it } from 'vitest';
import { createNodePoseService } from '../../src/node/node-pose-service.ts';
import { decodeVideo, probeVideo } from '../../src/node/video-decoder.ts';
import type { RawFrame } from '../../src/detector/pose-service.ts';

const CLIP = new URL('../fixtures/squat_front_band_woman_3reps.mp4', import.meta.url).pathname;

async function firstFrame(): Promise<RawFrame> {
  for await (const f of decodeVideo(CLIP, await probeVideo(CLIP), { maxSidePx: 256 })) return f;
  throw new Error('no frame');
}

// Seen in Chromium: a model picked in the settings while the first one still loaded left the
// first model running, on the slowest backend ("blazepose-full on cpu (auto: nothing faster could
// start)"), and the one asked for never ran.
describe('a model asked for while another is loading', () => {
  const service = createNodePoseService();
  afterAll(() => service.dispose());

  it('is loaded after it, on the same backend, and is the one that runs', async () => {
    const first = service.init({ model: 'blazepose-full', backend: 'auto' });
    const second = service.init({ model: 'movenet-lightning', backend: 'auto' });
    const [a, b] = await Promise.all([first, second]);
    expect(a.model).toBe('blazepose-full');
    expect(b.model).toBe('movenet-lightning');
    expect(b.backend.name).toBe(a.backend.name);
    expect(b.backend.name).not.toBe('cpu');
    // MoveNet has no heels: the poses come from the model asked for last.
    const { pose } = await service.estimate(await firstFrame(), 1000);
    expect(pose?.keypoints.left_knee).toBeDefined();
    expect(pose?.keypoints.left_heel).toBeUndefined();
  });
});
