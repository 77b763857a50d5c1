import type { KeypointName } from '../pose/skeleton.ts';
import type { FaultCode } from './faults.ts';

/** The joints to colour when a fault is found (the overlay, the form check's stills). */
export const FAULT_JOINTS: Readonly<Partial<Record<FaultCode, readonly KeypointName[]>>> = {
  'knee-valgus': ['left_knee', 'right_knee'],
  'heel-lift': ['left_heel', 'right_heel'],
  'shallow-depth': ['left_hip', 'right_hip'],
  'forward-lean': ['left_shoulder', 'right_shoulder'],
  'knees-over-toes': ['left_knee', 'right_knee'],
  'head-bob': ['nose'],
  'toes-down': ['left_toe', 'right_toe'],
  'heels-down': ['left_heel', 'right_heel'],
  'arm-swing': ['left_wrist', 'right_wrist'],
  'foot-down': ['left_toe', 'right_toe'],
  'hold-drift': ['left_hip', 'right_hip'],
};
