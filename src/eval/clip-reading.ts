/**
 * How `npm run eval` reads a clip: as filmed; mirrored left to right (the person's other side
 * towards the camera); or as if filmed by a hand held camera. Each reading other than "filmed" is
 * a new video, tracked afresh, so the model's errors are drawn again on the same movements.
 */
export type ClipReading = 'filmed' | 'mirrored' | 'handheld';

/**
 * A phone held at arm's length, two metres from the person (a chosen motion, not one measured from
 * footage): the picture pans up to ±2.8 % of its width and tilts up to ±2 % of its height in slow
 * drifts (periods of 2.9-3.7 s), with a ±0.4 % wobble at 1.3-1.7 Hz on top, and rolls ±2° (period
 * 4.3 s); never still, and of the order of the sway the engine's tests move pose tracks by
 * (test/support/transform-track.ts, `swaying`: 4 % and 3 %, no roll). A webcam on a chair does none
 * of it. The picture is first padded with black, so the person is never cut by the frame's edge as
 * it moves: the frame is 4 % larger each way than the clip's, the person the same size in pixels.
 * What is tested is the motion, not a new crop.
 */
export const HANDHELD_FILTER = [
  'scale=trunc(iw/2)*2:trunc(ih/2)*2',
  'pad=trunc(iw*1.12/2)*2:trunc(ih*1.12/2)*2:(ow-iw)/2:(oh-ih)/2:black',
  "rotate=a='0.035*sin(2*PI*t/4.3)':c=black",
  'crop=w=trunc(iw/1.12*1.04/2)*2:h=trunc(ih/1.12*1.04/2)*2' +
    ":x='(iw-ow)/2+iw*0.028*sin(2*PI*t/3.7)+iw*0.004*sin(2*PI*t*1.3)'" +
    ":y='(ih-oh)/2+ih*0.02*sin(2*PI*t/2.9+1)+ih*0.004*sin(2*PI*t*1.7)'",
].join(',');

/** The ffmpeg video filter that makes a reading's video from the clip (none as filmed). */
export function readingFilter(reading: ClipReading): string | undefined {
  if (reading === 'mirrored') return 'hflip';
  if (reading === 'handheld') return HANDHELD_FILTER;
  return undefined;
}
