import { describe, expect, it } from 'vitest';
import { MAX_OVERLAY_SIDE_PX, overlayScale } from '../../src/app/overlay-renderer.ts';

// The overlay is drawn in the video's pixels and scaled to a canvas as sharp as the picture is
// shown: a 640-wide camera filling a large screen gets letters drawn at the screen's resolution.

describe('how many canvas pixels the overlay gets per video pixel', () => {
  const camera = { width: 640, height: 360 };

  it('matches the picture as shown: 640 px of video shown 1344 px wide on a plain screen', () => {
    expect(overlayScale(camera, 1344, 1)).toBeCloseTo(2.1, 6);
  });

  it('counts the screen’s device pixels (a laptop’s 2× screen)', () => {
    expect(overlayScale(camera, 896, 2)).toBeCloseTo(2.8, 6);
  });

  it('never draws at less than the video’s own resolution (a picture shown smaller)', () => {
    expect(overlayScale(camera, 320, 1)).toBe(1);
  });

  it(`stops at ${MAX_OVERLAY_SIDE_PX} px on the longer side (a 4K screen)`, () => {
    expect(overlayScale(camera, 2688, 2)).toBeCloseTo(MAX_OVERLAY_SIDE_PX / 640, 6);
    expect(overlayScale({ width: 270, height: 480 }, 1000, 3)).toBeCloseTo(1920 / 480, 6);
  });

  it('keeps a camera already larger than the limit at its own size', () => {
    expect(overlayScale({ width: 3840, height: 2160 }, 1344, 1)).toBe(1);
  });
});
