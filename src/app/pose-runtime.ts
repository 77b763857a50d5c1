import type { PoseServiceInfo } from '../detector/pose-service.ts';
import { BACKEND_PREFERENCES, type BackendPreference } from '../pose/backend-preference.ts';
import { DEFAULT_MODEL, MODELS, parseModelId, type ModelId } from '../pose/model-catalog.ts';
import {
  MEDIAPIPE_NETWORK,
  MEDIAPIPE_RUNTIMES,
  MediaPipeRuntime,
  type MediaPipeRuntimeId,
} from './mediapipe-runtime.ts';
import { PoseClient, type RestartCallbacks } from './pose-client.ts';
import type { PoseSource } from './pose-source.ts';

export type RuntimeId = ModelId | MediaPipeRuntimeId;

export interface Loaded {
  readonly source: PoseSource;
  readonly label: string;
  readonly hasFeet: boolean;
  /** The network whose keypoints these are (a MediaPipe runtime's: the tfjs model converted from it). */
  readonly model: ModelId;
  readonly info?: PoseServiceInfo;
}

export const isMediaPipe = (id: string): id is MediaPipeRuntimeId =>
  (MEDIAPIPE_RUNTIMES as readonly string[]).includes(id);

/** The model asked for in the URL (?model=), then the last one used, then the default. */
export function chosenRuntime(params: URLSearchParams, saved: string | null): RuntimeId {
  const wanted = params.get('model') ?? saved ?? DEFAULT_MODEL;
  if (isMediaPipe(wanted)) return wanted;
  try {
    return parseModelId(wanted);
  } catch {
    return DEFAULT_MODEL;
  }
}

export function chosenBackend(params: URLSearchParams): BackendPreference {
  return BACKEND_PREFERENCES.find((b) => b === params.get('backend')) ?? 'auto';
}

/**
 * The detector the page uses: a tfjs model in the pose worker (the default), or MediaPipe's own
 * runtime on the main thread. Switching loads the new one; `ready()` waits for the current one.
 */
/** Threads need cores to spare: on 2 cores they made no consistent difference (npm run bench). */
export const wasmThreadsHere = (): boolean => navigator.hardwareConcurrency > 4;

export class PoseRuntime {
  readonly client: PoseClient;
  private loading: Promise<Loaded>;
  private loadedLabel = '';
  private currentId: RuntimeId;
  private lastLoaded: Loaded | undefined;
  /** Waiting for a load to succeed after one failed (`whenLoaded`). */
  private waiting: ((loaded: Loaded) => void)[] = [];

  constructor(
    private readonly backend: BackendPreference,
    private readonly status: (text: string) => void,
    restart: RestartCallbacks,
    initial: RuntimeId,
  ) {
    this.client = PoseClient.start(restart);
    this.currentId = initial;
    this.loading = this.load(initial);
  }

  /** The runtime last asked for (it may still be loading). */
  get id(): RuntimeId {
    return this.currentId;
  }

  get label(): string {
    return this.loadedLabel;
  }

  /** What the last finished load gave (undefined while the first one runs). */
  get loaded(): Loaded | undefined {
    return this.lastLoaded;
  }

  ready(): Promise<Loaded> {
    return this.loading;
  }

  /**
   * The loaded detector: the current load's, or, when that fails, the next load's that succeeds
   * (a retry, another model picked). Never rejects.
   */
  whenLoaded(): Promise<Loaded> {
    return this.loading.catch(() => new Promise<Loaded>((resolve) => this.waiting.push(resolve)));
  }

  switchTo(id: RuntimeId): Promise<Loaded> {
    this.currentId = id;
    this.loading = this.load(id);
    return this.loading;
  }

  /** Loads the current runtime again (its files were missing or the server did not answer). */
  retry(): Promise<Loaded> {
    return this.switchTo(this.currentId);
  }

  private async load(id: RuntimeId): Promise<Loaded> {
    try {
      const loaded = await this.loadRuntime(id);
      if (id === this.currentId) {
        const waiting = this.waiting;
        this.waiting = [];
        for (const resolve of waiting) resolve(loaded);
      }
      return loaded;
    } catch (error) {
      if (id === this.currentId) this.status(`${id} could not load`);
      throw error;
    }
  }

  private async loadRuntime(id: RuntimeId): Promise<Loaded> {
    this.status(`Loading ${id}…`);
    const started = performance.now();
    if (isMediaPipe(id)) {
      const source = await MediaPipeRuntime.load(id);
      this.loadedLabel = `${id} on the main thread (MediaPipe, WebGL)`;
      this.status(
        `${this.loadedLabel}, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      this.lastLoaded = {
        source,
        label: this.loadedLabel,
        hasFeet: true,
        model: MEDIAPIPE_NETWORK[id],
      };
      return this.lastLoaded;
    }
    const info = await this.client.init({
      model: id,
      backend: this.backend,
      wasmThreads: wasmThreadsHere(),
    });
    const loaded = {
      source: this.client,
      label: `${info.model} on ${info.backend.name}`,
      hasFeet: MODELS[info.model].hasFeet,
      model: info.model,
      info,
    };
    // Another model was picked while this one loaded: the worker loads it next, and the page
    // says nothing of this one ("blazepose-full … loaded" flashed before the model picked).
    if (id !== this.currentId) return loaded;
    this.loadedLabel = loaded.label;
    this.status(
      `${this.loadedLabel} (${info.backend.reason}), loaded in ${(info.loadMs / 1000).toFixed(1)} s`,
    );
    this.lastLoaded = loaded;
    return loaded;
  }
}
