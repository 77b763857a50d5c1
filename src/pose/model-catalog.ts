/** The pose models formcheck serves from models/, and what each can see. */
export const MODEL_IDS = [
  'movenet-lightning',
  'movenet-thunder',
  'blazepose-lite',
  'blazepose-full',
  'blazepose-heavy',
] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export interface ModelInfo {
  readonly id: ModelId;
  readonly family: 'movenet' | 'blazepose';
  /** Graph model files (model.json names, relative to models/); the .bin sits beside each. */
  readonly files: readonly string[];
  /** BlazePose has heel and toe keypoints; MoveNet stops at the ankle. */
  readonly hasFeet: boolean;
}

export const MODELS: Readonly<Record<ModelId, ModelInfo>> = {
  'movenet-lightning': {
    id: 'movenet-lightning',
    family: 'movenet',
    files: ['movenet-lightning.json'],
    hasFeet: false,
  },
  'movenet-thunder': {
    id: 'movenet-thunder',
    family: 'movenet',
    files: ['movenet-thunder.json'],
    hasFeet: false,
  },
  'blazepose-lite': {
    id: 'blazepose-lite',
    family: 'blazepose',
    files: ['blazepose-detector.json', 'blazepose-lite.json'],
    hasFeet: true,
  },
  'blazepose-full': {
    id: 'blazepose-full',
    family: 'blazepose',
    files: ['blazepose-detector.json', 'blazepose-full.json'],
    hasFeet: true,
  },
  'blazepose-heavy': {
    id: 'blazepose-heavy',
    family: 'blazepose',
    files: ['blazepose-detector.json', 'blazepose-heavy.json'],
    hasFeet: true,
  },
};

/** BlazePose full: heel and toe points, ~46 ms/frame on a 2-core CPU with wasm SIMD (POSE-STACK.md). */
export const DEFAULT_MODEL: ModelId = 'blazepose-full';

export function parseModelId(value: string): ModelId {
  const found = MODEL_IDS.find((id) => id === value);
  if (found === undefined) {
    throw new Error(`Unknown model "${value}". Choose one of: ${MODEL_IDS.join(', ')}.`);
  }
  return found;
}
