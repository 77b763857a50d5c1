import { defaultRoutine, validRoutine, type RoutineStep } from '../engine/routine.ts';
import { rememberedStorage } from './remembered.ts';

const KEY = 'formcheck.routine';

/** The person's routine (order, dropped exercises, their numbers), or the default. */
export function loadRoutine(storage: Storage | undefined = rememberedStorage()): RoutineStep[] {
  try {
    const text = storage?.getItem(KEY);
    if (text === null || text === undefined) return defaultRoutine();
    const steps = validRoutine(JSON.parse(text) as RoutineStep[]);
    return steps.length === 0 ? defaultRoutine() : steps;
  } catch {
    return defaultRoutine();
  }
}

export function saveRoutine(
  steps: readonly RoutineStep[],
  storage: Storage | undefined = rememberedStorage(),
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(steps));
  } catch {
    // Storage off (a private window): the routine lasts for this visit only.
  }
}

export function resetRoutine(storage: Storage | undefined = rememberedStorage()): RoutineStep[] {
  try {
    storage?.removeItem(KEY);
  } catch {
    // as above
  }
  return defaultRoutine();
}
