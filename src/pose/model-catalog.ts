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
  /**
   * How high the model reads a flat heel above its toe at the bottom of a squat, against standing
   * (standing shank lengths): the heel-lift check's measure on the rendered flat-footed half squat
   * seen side on (`michelle_squat_side`, heels flat by construction), median of its three reps.
   * Each model reads the foot its own way: full 0.10-0.11, lite 0.25-0.28, heavy 0.01-0.03
   * (`npm run eval -- --model ID`, "heel-lift | side | rendered"). A check whose limits allow for
   * one model's reading allows another's by the difference (checks/heel-lift.ts). None without
   * feet.
   */
  readonly flatHeelReadShanks?: number;
  /**
   * Whether its 3-D hips and shoulders read how far the body is turned steadily enough to tell a
   * turn (engine/turn-watch.ts). Full reads the rendered character side on at 83-89° in every
   * frame, heavy at 83-87° (and the single-leg calf-raise clip's one turn, as full does); lite reads
   * it at 2-73°, jumping from frame to frame, which made four turns of a set with none.
   */
  readonly readsTheTurn?: true;
  /**
   * Whether its 3-D feet read a foot of a two-footed stance off the floor (engine/foot-off-floor.ts)
   * often enough that a foot held up cannot be told by them. Lite reads one 5 cm or more above the
   * other in 59 % of the frames of the wall-supported calf raises and 73 % of the rendered side-on
   * raises (both feet down by construction); full in none of either, and in at most 8 % of any
   * two-footed calf-raise clip (the home clip's walk-out).
   */
  readonly liftsAStandingFoot?: true;
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
    flatHeelReadShanks: 0.28,
    liftsAStandingFoot: true,
  },
  'blazepose-full': {
    id: 'blazepose-full',
    family: 'blazepose',
    files: ['blazepose-detector.json', 'blazepose-full.json'],
    hasFeet: true,
    flatHeelReadShanks: 0.11,
    readsTheTurn: true,
  },
  'blazepose-heavy': {
    id: 'blazepose-heavy',
    family: 'blazepose',
    files: ['blazepose-detector.json', 'blazepose-heavy.json'],
    hasFeet: true,
    flatHeelReadShanks: 0.02,
    readsTheTurn: true,
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
