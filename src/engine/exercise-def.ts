import type { FaultCode } from './faults.ts';
import type { FeatureName } from './features.ts';
import type { EnvelopeCondition } from './hold-envelope.ts';
import type { RepCounterParams } from './rep-counter-params.ts';
import type { Requirement } from './requirements.ts';
import type { SignalId } from './signals.ts';
import type { RepCheckId } from './checks/check-id.ts';

/**
 * What an exercise is, as data: one shape per kind (reps, hold, circles, walk), each with only the
 * fields its analyzer reads. Adding an exercise of an existing kind is one catalogue entry.
 */
export type ExerciseKind = ExerciseDef['kind'];
export type CameraView = 'front' | 'side' | 'any';
export type RoutineGroup = 'strength' | 'flexibility' | 'holds';

/** Seconds per phase; 0 = no pause, 'fast' = explosive. */
export interface Tempo {
  readonly lowerSec: number;
  readonly bottomSec: number;
  readonly riseSec: number | 'fast';
  readonly topSec: number;
}

export interface RepsPrescription {
  readonly kind: 'reps';
  readonly sets: number;
  readonly reps: number;
  readonly tempo?: Tempo;
  readonly restSec: number;
}

export interface HoldPrescription {
  readonly kind: 'hold';
  readonly sets: number;
  readonly holdSec: number;
  readonly restSec: number;
}

export interface CirclesPrescription {
  readonly kind: 'circles';
  readonly sets: number;
  /** Seconds in each direction (clockwise, then anticlockwise). */
  readonly perDirectionSec: number;
  readonly restSec: number;
}

export interface WalkPrescription {
  readonly kind: 'walk';
  readonly sets: number;
  readonly walkSec: number;
  readonly restSec: number;
}

export type Prescription =
  RepsPrescription | HoldPrescription | CirclesPrescription | WalkPrescription;

interface ExerciseBase {
  readonly id: string;
  readonly name: string;
  readonly group: RoutineGroup;
  readonly howTo: string;
  /** The view the exercise is best judged from. */
  readonly view: CameraView;
  readonly placement: string;
  /** Joints that must be visible for the setup gate. */
  readonly required: Requirement;
  /** Heel and toe needed: only BlazePose sees them. */
  readonly needsFeet: boolean;
}

export interface RepsExercise extends ExerciseBase {
  readonly kind: 'reps';
  readonly prescription: RepsPrescription;
  /** The scalar counted, and which way "away" from the start is in words. */
  readonly signal: SignalId;
  readonly awayWord: 'down' | 'up';
  readonly counter: RepCounterParams;
  /** Signal values that can only mean "in the start position" (opens the setup gate at once). */
  readonly startPose?: { readonly max: number };
  /** The form checks judged on every rep (checks/). */
  readonly checks: readonly RepCheckId[];
  /** One foot in front of the other (lunges): measures of feet side by side do not apply. */
  readonly splitStance?: boolean;
}

/**
 * Where a held pose must stay (hold-position.ts): the hips low (a squat hold, a stance, a kneeling
 * stretch) or high (a downward dog), measured by a vertical distance in shank lengths.
 */
export interface HoldPosition {
  readonly feature: 'hipAboveAnkleShanks' | 'hipAboveFloorShanks';
  readonly keep: 'low' | 'high';
  /** What moves, for people ("Hips"). */
  readonly what: string;
  /** Said when it has moved too far ("Stay low."). */
  readonly cue: string;
}

export interface HoldExercise extends ExerciseBase {
  readonly kind: 'hold';
  readonly prescription: HoldPrescription;
  /** The pose: every condition must hold for the timer to run. */
  readonly envelope: readonly EnvelopeCondition[];
  /** Where the pose must stay while held, for the poses that have one. */
  readonly position?: HoldPosition;
}

export interface CirclesExercise extends ExerciseBase {
  readonly kind: 'circles';
  readonly prescription: CirclesPrescription;
  /** The keypoint that draws the circle. */
  readonly circleJoint: 'knee' | 'toe';
  /** The head stays still while circling (head-bob check). */
  readonly headStill: boolean;
}

/** One posture rule a walk keeps between steps. */
export interface WalkPosture {
  readonly feature: FeatureName;
  readonly min?: number;
  readonly max?: number;
  /** Share of the frames between two steps that must keep the posture. */
  readonly share: number;
  readonly fault: FaultCode;
  readonly cue: string;
}

export interface WalkExercise extends ExerciseBase {
  readonly kind: 'walk';
  readonly prescription: WalkPrescription;
  readonly posture: WalkPosture;
  /** The arm swings with the opposite leg (checked per step). */
  readonly contralateralArms: boolean;
}

export type ExerciseDef = RepsExercise | HoldExercise | CirclesExercise | WalkExercise;
