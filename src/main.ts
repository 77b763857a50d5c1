// Composition root: camera or video → pose worker → engine (session, flow, cues) → overlay,
// voice and live region → history. It wires the modules; each keeps its own state.
import { Alerts, errorMessage } from './app/alerts.ts';
import { Diagnostics } from './app/diagnostics.ts';
import { byId, enableReadyControls } from './app/dom.ts';
import { LiveStats } from './app/live-stats.ts';
import { OverlayRenderer } from './app/overlay-renderer.ts';
import { WorkerNotStarted } from './app/pose-client.ts';
import { chosenBackend, chosenRuntime, PoseRuntime, type Loaded } from './app/pose-runtime.ts';
import { RoutineRunner } from './app/routine-runner.ts';
import { HistoryScreen } from './app/screens/history-screen.ts';
import { renderHome } from './app/screens/home-screen.ts';
import { Navigation, type Screen } from './app/screens/navigation.ts';
import { renderReport } from './app/screens/report-screen.ts';
import { Settings } from './app/settings.ts';
import { UPDATE_READY, watchForUpdate } from './app/update-notice.ts';
import { Voice } from './app/voice.ts';
import { bindVoiceSettings } from './app/voice-settings.ts';
import { bindWorkoutControls, muteToggle, showVoiceNote } from './app/workout-controls.ts';
import { WorkoutController } from './app/workout-controller.ts';
import { VideoProgress } from './app/video-progress.ts';
import { workoutView } from './app/workout-view.ts';
import { findExercise } from './engine/catalog.ts';
import type { ExerciseDef } from './engine/exercise-def.ts';
import { countedAnything } from './engine/report.ts';
import { HistoryStore } from './storage/history-store.ts';

const params = new URLSearchParams(location.search);
const nav = new Navigation();
const alerts = new Alerts(byId('alerts'));
const voice = new Voice();
const stats = new LiveStats();
const view = workoutView(voice);
const video = byId<HTMLVideoElement>('video');
const renderer = new OverlayRenderer(byId<HTMLCanvasElement>('overlay'), video);
const settings = new Settings();

const runtime = new PoseRuntime(
  chosenBackend(params),
  view.setStatus,
  {
    onRestart: (reason) => controller.workerRestarted(reason),
    onRestartFailed: (error) => controller.poseDetectionFailed(error),
  },
  chosenRuntime(params, Settings.savedModel()),
);
/**
 * A model load, watched: when it fails the alert says why and offers to try again (a workout
 * waiting for it goes on once a load succeeds); it goes when one does.
 */
function watchModelLoad(loading: Promise<Loaded>): void {
  alerts.clear('model-load');
  loading.then(
    () => alerts.clear('model-load'),
    (e: unknown) =>
      alerts.set(
        'model-load',
        // Another model runs in the same worker: no help when the worker itself cannot start.
        e instanceof WorkerNotStarted
          ? errorMessage(e)
          : `The pose model could not load: ${errorMessage(e)} Another model can be chosen in Settings.`,
        { label: 'Try again', run: () => watchModelLoad(runtime.retry()) },
      ),
  );
}
watchModelLoad(runtime.ready());
// Settings that need no storage are live at once, not after the history store opens.
showVoiceNote(voice);
bindVoiceSettings(voice);
const { store, warning } = await HistoryStore.open();
if (warning !== undefined) alerts.set('storage', warning);
// Its own key: it must not take the place of an offer to download sets not saved.
store.onHistoryOff((off) => alerts.set('history-off', off));
void store.requestPersistence();
const controller = new WorkoutController(
  video,
  runtime,
  store,
  voice,
  alerts,
  stats,
  renderer,
  view,
  () => settings.strictness,
);
const routine = new RoutineRunner(controller, view);
const history = new HistoryScreen(
  store,
  (id) => {
    show('report');
    void renderReport(byId('report'), store, id);
  },
  () => controller.unsavedMayBeStored(),
);

function show(screen: Screen): void {
  if (screen !== 'workout') {
    routine.stop();
    controller.end();
  }
  nav.show(screen);
  if (screen === 'history') void history.render();
}

function enterWorkout(exercise: ExerciseDef): void {
  show('workout');
  view.showExercise(exercise);
  byId('set-summary').replaceChildren();
  view.showProgress(undefined);
}

const diagnostics = new Diagnostics(stats, renderer, runtime, nav);
(globalThis as { formcheck?: Diagnostics }).formcheck = diagnostics;

renderHome({
  startRoutine: (steps) => {
    const first = steps[0];
    if (first === undefined) return;
    enterWorkout(findExercise(first.exerciseId));
    void routine.run(steps).then(() => controller.cameraOff());
  },
  start: (exercise, prescription) => {
    enterWorkout(exercise);
    void controller
      .runCamera(exercise, prescription, { mode: 'workout' })
      .then(() => controller.cameraOff());
  },
  formCheck: (exercise) => {
    enterWorkout(exercise);
    void routine.formCheck(exercise).then(() => controller.cameraOff());
  },
  analyseVideo: (file, exercise) => {
    enterWorkout(exercise);
    view.showGate('Analysing the video…', false);
    const progress = new VideoProgress();
    controller
      .runVideo(file, exercise, exercise.prescription, { mode: 'workout' }, (f) =>
        view.showGate(progress.words(f, performance.now()), false),
      )
      .then((report) => {
        if (report === undefined) return;
        diagnostics.lastReport = report;
        const counted = countedAnything(report);
        view.showGate(
          counted ? 'Video analysed.' : 'Video analysed: nothing was counted.',
          counted,
        );
      })
      .catch((e: unknown) => {
        alerts.set('video', errorMessage(e));
        view.showGate('The video was not analysed: see the message above.', false);
      });
  },
});

settings.onModelChange(runtime.id, (id) => {
  const loading = runtime.switchTo(id);
  watchModelLoad(loading);
  loading.then(
    () => void controller.detectorChanged(),
    () => undefined,
  );
});
// A new strictness judges the workout under way from its next set.
settings.onStrictnessChange((level) => controller.current?.setStrictness(level));
settings.onCameraChange(
  video,
  () => controller.cameraDevice,
  (id) => void controller.startCamera(id),
);
bindWorkoutControls(() => nav.current === 'workout', {
  pause: () => controller.togglePause(),
  mute: muteToggle(voice),
  endSet: () => controller.current?.endSet(performance.now()),
  nextSet: () => controller.current?.skipRest(performance.now()),
  skipExercise: () => routine.skip(),
  repeatExercise: () => routine.repeat(),
  back: () => show('home'),
});
byId('print-report').addEventListener('click', () => print());
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-nav]'))
  b.addEventListener('click', () => show(b.dataset['nav'] as Screen));
// Pause when the tab is hidden; nothing in between counts.
document.addEventListener('visibilitychange', () => controller.setHidden(document.hidden));

declare const __FORMCHECK_SERVICE_WORKER__: boolean;
// The offline cache fills once the pose model has loaded (or failed to): installing it fetches the
// app and the default models again, and on a first visit that competed with the model's own load
// (fresh profile, this 2-core CPU: model ready 4.0 s with it, 2.9-3.2 s without).
if (__FORMCHECK_SERVICE_WORKER__ && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  runtime.ready().then(register, register);
  watchForUpdate(navigator.serviceWorker, () =>
    alerts.set('update', UPDATE_READY, { label: 'Reload', run: () => location.reload() }),
  );
}
show('home');
enableReadyControls();
