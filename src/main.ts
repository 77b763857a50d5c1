// Composition root: camera or video → pose worker → engine (analyzer, flow, cues) → overlay,
// voice and live region → IndexedDB history. Reads top to bottom as the data flow.
import { cameraError, CameraError, listCameras, openCamera, stopStream } from './app/camera.ts';
import { byId, el } from './app/dom.ts';
import { CameraFrameLoop } from './app/frame-source.ts';
import { PoseClient } from './app/pose-client.ts';
import {
  MEDIAPIPE_RUNTIMES,
  MediaPipeRuntime,
  type MediaPipeRuntimeId,
} from './app/mediapipe-runtime.ts';
import type { PoseSource } from './app/pose-source.ts';
import { renderChooseScreen } from './app/screens/choose-screen.ts';
import { renderHistory, wireHistoryButtons } from './app/screens/history-screen.ts';
import { setSummary } from './app/screens/set-summary.ts';
import { analyseVideoFile } from './app/video-file.ts';
import { Voice } from './app/voice.ts';
import { LightMeter, TOO_DARK_LUMA } from './app/light-meter.ts';
import { WorkoutSession } from './app/workout-session.ts';
import type { ExerciseDef, Prescription } from './engine/exercise-def.ts';
import type { Report } from './engine/report.ts';
import { drawOverlay } from './overlay/draw-overlay.ts';
import type { OverlayData } from './overlay/overlay-data.ts';
import {
  DEFAULT_MODEL,
  MODEL_IDS,
  MODELS,
  parseModelId,
  type ModelId,
} from './pose/model-catalog.ts';
import { HistoryDb } from './storage/history-db.ts';
import type { EstimateResult, PoseServiceInfo } from '../workers/pose-service.ts';
import { BACKEND_PREFERENCES, type BackendPreference } from './pose/backend-preference.ts';

type Screen = 'choose' | 'workout' | 'history';

/** Read-only diagnostics for people and end-to-end tests (nothing here leaves the page). */
interface Diagnostics {
  info: PoseServiceInfo | undefined;
  lastOverlay: OverlayData | undefined;
  overlayFrames: number;
  lastReport: Report | undefined;
  fps: number;
  screen: Screen;
}
const diagnostics: Diagnostics = {
  info: undefined,
  lastOverlay: undefined,
  overlayFrames: 0,
  lastReport: undefined,
  fps: 0,
  screen: 'choose',
};
(globalThis as { formcheck?: Diagnostics }).formcheck = diagnostics;

const video = byId<HTMLVideoElement>('video');
const canvas = byId<HTMLCanvasElement>('overlay');
const ctx = canvas.getContext('2d');
const voice = new Voice();
const params = new URLSearchParams(location.search);
const backend: BackendPreference =
  BACKEND_PREFERENCES.find((b) => b === params.get('backend')) ?? 'auto';

function showError(message: string | undefined): void {
  const box = byId('error');
  box.hidden = message === undefined;
  box.textContent = message ?? '';
}

function announce(text: string): void {
  byId('announcer').textContent = text;
}

function show(screen: Screen): void {
  diagnostics.screen = screen;
  for (const s of ['choose', 'workout', 'history'] as const)
    byId(`screen-${s}`).hidden = s !== screen;
}

// ---- pose detection: the worker (tfjs runtime), or MediaPipe on the main thread ----
type RuntimeId = ModelId | MediaPipeRuntimeId;
interface Loaded {
  readonly source: PoseSource;
  readonly label: string;
  readonly hasFeet: boolean;
}
const isMediaPipe = (id: string): id is MediaPipeRuntimeId =>
  (MEDIAPIPE_RUNTIMES as readonly string[]).includes(id);

const client = PoseClient.start();
let runtime: RuntimeId = (() => {
  const wanted = params.get('model') ?? localStorage.getItem('formcheck.model') ?? DEFAULT_MODEL;
  if (isMediaPipe(wanted)) return wanted;
  try {
    return parseModelId(wanted);
  } catch {
    return DEFAULT_MODEL;
  }
})();
let runtimeLabel = '';
let ready: Promise<Loaded> = loadRuntime(runtime);

async function loadRuntime(id: RuntimeId): Promise<Loaded> {
  byId('status').textContent = `Loading ${id}…`;
  try {
    if (isMediaPipe(id)) {
      const started = performance.now();
      const source = await MediaPipeRuntime.load(id);
      diagnostics.info = undefined;
      const label = `${id} on the main thread (MediaPipe, WebGL)`;
      runtimeLabel = label;
      byId('status').textContent =
        `${label}, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`;
      return { source, label, hasFeet: true };
    }
    // Threads need cores to spare: on 2 cores they made no consistent difference (npm run bench).
    const info = await client.init({
      model: id,
      backend,
      wasmThreads: navigator.hardwareConcurrency > 4,
    });
    diagnostics.info = info;
    const label = `${info.model} on ${info.backend.name}`;
    runtimeLabel = label;
    byId('status').textContent =
      `${label} (${info.backend.reason}), loaded in ${(info.loadMs / 1000).toFixed(1)} s`;
    return { source: client, label, hasFeet: MODELS[info.model].hasFeet };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showError(`The pose model could not load: ${message}`);
    byId('status').textContent = 'Pose model not loaded';
    throw error;
  }
}

const modelSelect = byId<HTMLSelectElement>('model-select');
modelSelect.replaceChildren(
  ...MODEL_IDS.map((id) =>
    el('option', { value: id }, `${id}${MODELS[id].hasFeet ? '' : ' (no feet)'}`),
  ),
  ...MEDIAPIPE_RUNTIMES.map((id) =>
    el('option', { value: id }, `${id} (main thread; needs a GPU)`),
  ),
);
modelSelect.value = runtime;
modelSelect.addEventListener('change', () => {
  const value = modelSelect.value;
  runtime = isMediaPipe(value) ? value : parseModelId(value);
  localStorage.setItem('formcheck.model', runtime);
  ready = loadRuntime(runtime);
  // A running camera switches to the new detector.
  if (stream !== undefined)
    void ready.then(() => startCamera(byId<HTMLSelectElement>('camera-select').value));
});

// ---- history ----
const dbReady: Promise<HistoryDb> = HistoryDb.open();
dbReady
  .then(wireHistoryButtons)
  .catch(() =>
    showError(
      'Your history cannot be saved in this browser (IndexedDB is unavailable, e.g. a private window).',
    ),
  );

// ---- the workout screen ----
let session: WorkoutSession | undefined;
let stream: MediaStream | undefined;
let loop: CameraFrameLoop | undefined;
let stopVideo = false;
let mirrored = true;
let frameTimes: number[] = [];

function sizeCanvas(): void {
  if (
    video.videoWidth > 0 &&
    (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight)
  ) {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
  }
}

function render(nowMs: number): void {
  if (session === undefined || ctx === null) return;
  sizeCanvas();
  const data = session.overlay(mirrored, nowMs);
  drawOverlay(ctx, data);
  diagnostics.lastOverlay = data;
  diagnostics.overlayFrames += 1;
}

function onResult(result: EstimateResult): void {
  frameTimes = [...frameTimes.filter((t) => result.timestampMs - t < 1000), result.timestampMs];
  diagnostics.fps = frameTimes.length;
  if (result.personCount !== undefined) session?.setPeopleCount(result.personCount);
  session?.onPose(result.pose, result.timestampMs);
  render(result.timestampMs);
  byId('status').textContent =
    `${runtimeLabel} · ${diagnostics.fps} frames/s analysed · ${result.inferenceMs.toFixed(0)} ms/frame`;
}

function outputs() {
  return {
    voice,
    announce,
    showGate: (text: string, ok: boolean) => {
      const gate = byId('gate');
      gate.textContent = text;
      gate.classList.toggle('ok', ok);
    },
    showSetSummary: (record: Parameters<typeof setSummary>[0], final: boolean) => {
      const summary = byId('set-summary');
      summary.prepend(
        setSummary(
          record,
          final
            ? `Set ${record.set} — workout done`
            : `Set ${record.set} done — rest, the next set starts by itself`,
        ),
      );
      if (final)
        summary.prepend(
          el(
            'p',
            { 'data-session-done': '' },
            el('strong', {}, 'Session complete. '),
            'Every set is in your history.',
          ),
        );
    },
    showRep: (text: string) => {
      byId('last-rep').textContent = text;
    },
    saveFailed: (error: unknown) => showError(`Could not save to your history: ${String(error)}`),
  };
}

async function startWorkout(
  exercise: ExerciseDef,
  prescription: Prescription,
  source: 'camera' | 'video',
): Promise<WorkoutSession> {
  endWorkout();
  showError(undefined);
  show('workout');
  byId('workout-name').textContent = exercise.name;
  byId('placement').textContent = exercise.placement;
  byId('set-summary').replaceChildren();
  byId('last-rep').textContent = '';
  const loaded = await ready;
  const db = await dbReady;
  session = new WorkoutSession(exercise, prescription, source, loaded.hasFeet, db, outputs());
  if (exercise.needsFeet && !loaded.hasFeet)
    showError(`${exercise.name} needs heel and toe points: choose a BlazePose model.`);
  return session;
}

async function fillCameraList(current: string | undefined): Promise<void> {
  const select = byId<HTMLSelectElement>('camera-select');
  const cameras = await listCameras();
  select.replaceChildren(
    ...cameras.map((c, i) => el('option', { value: c.deviceId }, c.label || `Camera ${i + 1}`)),
  );
  if (current !== undefined) select.value = current;
}

async function startCamera(deviceId?: string): Promise<void> {
  loop?.stop();
  stopStream(stream);
  try {
    stream = await openCamera(deviceId, () => {
      loop?.stop();
      session?.setPaused(true);
      showError(cameraError('unplugged').message);
    });
  } catch (error) {
    showError(error instanceof CameraError ? error.message : String(error));
    byId('gate').textContent = 'No camera.';
    return;
  }
  mirrored = true;
  video.classList.add('mirrored');
  video.srcObject = stream;
  await video.play();
  await fillCameraList(stream.getVideoTracks()[0]?.getSettings().deviceId);
  const { source } = await ready;
  await source.reset();
  loop = new CameraFrameLoop(video, source, onResult, (error) =>
    showError(`Pose detection failed: ${String(error)}`),
  );
  loop.start();
}

function endWorkout(): void {
  loop?.stop();
  loop = undefined;
  stopStream(stream);
  stream = undefined;
  stopVideo = true;
  video.removeAttribute('src');
  video.srcObject = null;
  session = undefined;
}

renderChooseScreen(byId('exercise-groups'), {
  onCamera: (exercise, prescription) => {
    void startWorkout(exercise, prescription, 'camera').then(() => startCamera());
  },
  onVideo: (exercise, prescription, file) => {
    void startWorkout(exercise, prescription, 'video').then(async (s) => {
      mirrored = false;
      video.classList.remove('mirrored');
      stopVideo = false;
      byId('gate').textContent = 'Analysing the video…';
      try {
        await analyseVideoFile(
          file,
          video,
          (await ready).source,
          (result, progress) => {
            onResult(result);
            byId('gate').textContent = `Analysing the video… ${Math.round(progress * 100)} %`;
          },
          () => stopVideo,
        );
        if (session === s) {
          diagnostics.lastReport = s.finishVideo();
          byId('gate').textContent = 'Video analysed.';
        }
      } catch (error) {
        showError(error instanceof Error ? error.message : String(error));
      }
    });
  },
});

byId<HTMLSelectElement>('camera-select').addEventListener(
  'change',
  (e) => void startCamera((e.target as HTMLSelectElement).value),
);

function togglePause(): void {
  if (session === undefined) return;
  session.setPaused(!session.isPaused);
  byId('pause').textContent = session.isPaused ? 'Resume (space)' : 'Pause (space)';
}

function toggleMute(): void {
  voice.setMuted(!voice.isMuted);
  byId('mute').setAttribute('aria-pressed', String(voice.isMuted));
  byId('mute').textContent = voice.isMuted ? 'Unmute (M)' : 'Mute (M)';
}

byId('pause').addEventListener('click', togglePause);
byId('mute').addEventListener('click', toggleMute);
byId('end-set').addEventListener('click', () => session?.endSet(performance.now()));
byId('back').addEventListener('click', () => {
  endWorkout();
  show('choose');
});
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-nav]')) {
  b.addEventListener('click', () => {
    const target = b.dataset['nav'] as Screen;
    if (target !== 'workout') endWorkout();
    show(target);
    if (target === 'history') void dbReady.then(renderHistory);
  });
}

document.addEventListener('keydown', (e) => {
  if (
    diagnostics.screen !== 'workout' ||
    e.target instanceof HTMLInputElement ||
    e.target instanceof HTMLSelectElement
  )
    return;
  if (e.key === ' ') {
    e.preventDefault();
    togglePause();
  } else if (e.key === 'm' || e.key === 'M') toggleMute();
  else if (e.key === 'e' || e.key === 'E') session?.endSet(performance.now());
  else if (e.key === 'n' || e.key === 'N') session?.skipRest(performance.now());
  else if (e.key === 'Escape') byId('back').click();
});

// Pause when the tab is hidden; resume without counting anything in between.
document.addEventListener('visibilitychange', () => {
  if (session === undefined || stream === undefined) return;
  if (document.hidden) {
    loop?.stop();
    session.setPaused(true);
  } else {
    session.setPaused(false);
    loop?.start();
  }
});

// Keep the timers and countdown moving on screen between analysed frames; check the light.
const lightMeter = new LightMeter();
let lastLightCheckMs = 0;
function tick(): void {
  const now = performance.now();
  if (session !== undefined && stream !== undefined) {
    if (now - lastLightCheckMs > 1000) {
      lastLightCheckMs = now;
      const luma = lightMeter.luma(video);
      if (luma !== undefined) session.setTooDark(luma < TOO_DARK_LUMA);
    }
    render(now);
  }
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);

declare const __FORMCHECK_SERVICE_WORKER__: boolean;
if (__FORMCHECK_SERVICE_WORKER__ && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
show('choose');
