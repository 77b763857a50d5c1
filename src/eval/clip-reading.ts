/**
 * How `npm run eval` reads a clip: as filmed; mirrored left to right (the person's other side
 * towards the camera); as if filmed by a hand held camera; or as if filmed in a dim room. Each
 * reading other than "filmed" is a new video, tracked afresh, so the model's errors are drawn again
 * on the same movements.
 */
export type ClipReading = 'filmed' | 'mirrored' | 'handheld' | 'dim';

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

/**
 * A room as dim as the app takes without asking for light: the picture's mean luma (0-255, as
 * `src/app/light-meter.ts` measures it) brought down to `DIM_LUMA`, just above the set-up line's
 * "too dark" (35). What a webcam does in such a room comes with it: its gain at the top, so sensor
 * noise over the whole picture (σ 4.2 of 255 on a flat grey, changing every frame), and the
 * shutter open longer, so movement smears over two frames (1/15 s) at 30 frames/s. Colour fades with
 * the light (chroma scaled as the luma is).
 */
export const DIM_LUMA = 40;
/** ffmpeg's noise strength that adds σ 4.2 of 255 to a flat grey picture (measured). */
const SENSOR_NOISE_STRENGTH = 8;

/**
 * The dim room's filter for a clip whose mean luma is `clipLuma`: its mean brought down to
 * `roomLuma` (a clip already darker is not darkened), with the webcam's noise and shutter.
 */
export function dimFilter(clipLuma: number, roomLuma = DIM_LUMA): string {
  const k = Math.min(1, roomLuma / clipLuma).toFixed(4);
  return [
    'tmix=frames=2',
    `lutyuv=y='16+(val-16)*${k}':u='128+(val-128)*${k}':v='128+(val-128)*${k}'`,
    `noise=c0s=${SENSOR_NOISE_STRENGTH}:c0f=t`,
  ].join(',');
}

/**
 * The ffmpeg video filter that makes a reading's video from the clip (none as filmed); the dim
 * room needs the clip's mean luma.
 */
export function readingFilter(
  reading: ClipReading,
  clipLuma: () => Promise<number>,
): Promise<string | undefined> {
  if (reading === 'mirrored') return Promise.resolve('hflip');
  if (reading === 'handheld') return Promise.resolve(HANDHELD_FILTER);
  if (reading === 'dim') return clipLuma().then(dimFilter);
  return Promise.resolve(undefined);
}
