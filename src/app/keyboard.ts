/** The keys of the workout screen: everything is also a button (Tab reaches them all). */
export interface WorkoutKeys {
  readonly pause: () => void;
  readonly mute: () => void;
  readonly endSet: () => void;
  readonly nextSet: () => void;
  readonly skipExercise: () => void;
  readonly repeatExercise: () => void;
  readonly back: () => void;
}

export function bindWorkoutKeys(active: () => boolean, keys: WorkoutKeys): void {
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (!active() || t instanceof HTMLInputElement || t instanceof HTMLSelectElement) return;
    if (e.key === ' ' && !(t instanceof HTMLButtonElement)) {
      e.preventDefault();
      keys.pause();
      return;
    }
    const action: Record<string, (() => void) | undefined> = {
      m: keys.mute,
      e: keys.endSet,
      n: keys.nextSet,
      s: keys.skipExercise,
      r: keys.repeatExercise,
      escape: keys.back,
    };
    action[e.key.toLowerCase()]?.();
  });
}
