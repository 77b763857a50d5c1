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
    'The camera stopped (unplugged?). Your reps so far are saved. Reconnect it and press “Try again”.',
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

/** Opens a camera at up to 1280×720; `onEnded` fires if it is unplugged or revoked. */
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
        width: { ideal: 1280 },
        height: { ideal: 720 },
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
