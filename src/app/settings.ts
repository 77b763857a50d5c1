import { STRICTNESS_LEVELS, type Strictness } from '../engine/checks/thresholds.ts';
import { MODEL_IDS, parseModelId, type ModelId } from '../pose/model-catalog.ts';
import { listCameras } from './camera.ts';
import { byId, el } from './dom.ts';
import { MEDIAPIPE_RUNTIMES } from './mediapipe-runtime.ts';
import { isMediaPipe, type RuntimeId } from './pose-runtime.ts';
import { recall, remember } from './remembered.ts';

/**
 * What picking each model trades, as the list says it (README, "Accuracy": each model measured on
 * the labelled clips). The form checks' limits were measured on BlazePose full; lite, whose
 * detector alone is about 1.6× faster in Chromium's worker here (`npm run bench`), found a fault on
 * 7 of 35 clean clips where full found one on 2, and heavy runs at a third of full's speed without
 * a GPU.
 */
const TRADE_OFF: Readonly<Record<ModelId, string>> = {
  'movenet-lightning': 'no feet',
  'movenet-thunder': 'no feet',
  'blazepose-lite': 'faster, more false faults',
  'blazepose-full': 'recommended',
  'blazepose-heavy': 'slow without a GPU',
};

const STRICTNESS_KEY = 'formcheck.strictness';
const MODEL_KEY = 'formcheck.model';

/** The settings panel: strictness and model are remembered (`remembered.ts`); the camera is not. */
export class Settings {
  private readonly strictnessSelect = byId<HTMLSelectElement>('strictness-select');
  private readonly modelSelect = byId<HTMLSelectElement>('model-select');
  private readonly cameraSelect = byId<HTMLSelectElement>('camera-select');

  constructor() {
    this.strictnessSelect.value = recall(STRICTNESS_KEY) ?? 'standard';
    this.strictnessSelect.onchange = () => remember(STRICTNESS_KEY, this.strictnessSelect.value);
    this.modelSelect.replaceChildren(
      ...MODEL_IDS.map((id) => el('option', { value: id }, `${id} (${TRADE_OFF[id]})`)),
      ...MEDIAPIPE_RUNTIMES.map((id) =>
        el('option', { value: id }, `${id} (main thread; needs a GPU)`),
      ),
    );
  }

  /** Calls back (after saving it) when the user picks another strictness. */
  onStrictnessChange(change: (level: Strictness) => void): void {
    this.strictnessSelect.onchange = () => {
      remember(STRICTNESS_KEY, this.strictnessSelect.value);
      change(this.strictness);
    };
  }

  get strictness(): Strictness {
    return STRICTNESS_LEVELS.find((s) => s === this.strictnessSelect.value) ?? 'standard';
  }

  /** The model saved last time, unless the page address names one. */
  static savedModel(): string | null {
    return recall(MODEL_KEY);
  }

  /** Shows the runtime in use and calls back (after saving it) when the user picks another. */
  onModelChange(current: RuntimeId, change: (id: RuntimeId) => void): void {
    this.modelSelect.value = current;
    this.modelSelect.onchange = () => {
      const value = this.modelSelect.value;
      const id = isMediaPipe(value) ? value : parseModelId(value);
      remember(MODEL_KEY, id);
      change(id);
    };
  }

  /** Lists the cameras once one is playing (labels are only readable after permission). */
  onCameraChange(
    video: HTMLVideoElement,
    current: () => string | undefined,
    change: (deviceId: string) => void,
  ): void {
    video.addEventListener(
      'playing',
      () =>
        void listCameras().then((cams) => {
          this.cameraSelect.replaceChildren(
            ...cams.map((c, i) =>
              el('option', { value: c.deviceId }, c.label || `Camera ${i + 1}`),
            ),
          );
          const id = current();
          if (id !== undefined) this.cameraSelect.value = id;
        }),
    );
    this.cameraSelect.onchange = () => change(this.cameraSelect.value);
  }
}
