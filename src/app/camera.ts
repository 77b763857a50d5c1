import { MAX_FRAME_SIDE_PX } from '../pose/frame-size.ts';
/** Camera access with errors a person can act on. */
export type CameraProblem = 'unsupported' | 'denied' | 'none' | 'busy' | 'unplugged' | 'other';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CameraError';
  }
}

const MESSAGES: Record<CameraProblem, string> = {
  unsupported:
    'This browser cannot use a camera here (it needs https or localhost). You can still analyse a recorded video.',
  denied:
    'Camera permission was denied. Allow the camera in the address bar (the camera icon), then press “Try again”. You can also analyse a recorded video.',
  none: 'No camera was found. Plug one in and press “Try again”, or analyse a recorded video.',
  busy: 'The camera is in use by another app or tab. Close it and press “Try again”.',
  unplugged:
    'The camera stopped (unplugged?). Your set so far is saved. Reconnect it and press “Try again”.',
  other: 'The camera could not start.',
};

export function cameraError(problem: CameraProblem, detail?: string): CameraError {
  return new CameraError(
    problem,
    detail === undefined ? MESSAGES[problem] : `${MESSAGES[problem]} (${detail})`,
  );
}

function classify(error: unknown): CameraError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return cameraError('denied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return cameraError('none');
  if (name === 'NotReadableError' || name === 'AbortError') return cameraError('busy');
  return cameraError('other', error instanceof Error ? error.message : String(error));
}

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (navigator.mediaDevices?.enumerateDevices === undefined) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
}

/**
 * Opens a camera 640 px wide (640×480 or 640×360 on a laptop); `onEnded` fires if it is unplugged
 * or revoked. That is the size the detector is given (pose/frame-size.ts; the models look at 256
 * px crops), so no frame is resized again, and a camera delivers it natively: a larger frame costs
 * the worker its conversion (a 1280×720 webcam analysed 9.6 frames/s on a 2-core CPU, one giving
 * 640×360 15.3; README, "Speed"). Only the width is asked for: asked for a height too, the browser
 * crops a picture of another shape to fit (a portrait camera lost a quarter of its height, the
 * head or the feet). The preview is the same picture, shown larger.
 */
export async function openCamera(
  deviceId: string | undefined,
  onEnded: () => void,
): Promise<MediaStream> {
  if (navigator.mediaDevices?.getUserMedia === undefined) throw cameraError('unsupported');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        ...(deviceId === undefined ? { facingMode: 'user' } : { deviceId: { exact: deviceId } }),
        width: { ideal: MAX_FRAME_SIDE_PX },
      },
    });
  } catch (error) {
    throw classify(error);
  }
  for (const track of stream.getVideoTracks()) track.addEventListener('ended', onEnded);
  return stream;
}

export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
