import { byId } from './dom.ts';
import { bindWorkoutKeys, type WorkoutKeys } from './keyboard.ts';
import type { Voice } from './voice.ts';

/** Mute toggles the voice and says so on its button (label and aria-pressed). */
export function muteToggle(voice: Voice): () => void {
  return () => {
    voice.setMuted(!voice.isMuted);
    const button = byId('mute');
    button.setAttribute('aria-pressed', String(voice.isMuted));
    button.textContent = voice.isMuted ? 'Unmute (M)' : 'Mute (M)';
  };
}

/**
 * Says on the workout screen when nothing can be spoken: no on-device voice (`Voice`), kept up to
 * date as the browser loads its voices.
 */
export function showVoiceNote(voice: Voice): void {
  const note = byId('voice-note');
  const update = () => {
    note.hidden = voice.hasOnDeviceVoice;
    note.textContent = voice.hasRemoteVoicesOnly
      ? 'Nothing is said aloud: this browser’s voices would send the words to a server. The feedback is on screen.'
      : 'No English voice on this device, so nothing is said aloud. The feedback is on screen.';
  };
  update();
  voice.onVoicesChanged(update);
}

/** Every workout action is a button and a key; the keys only act on the workout screen. */
export function bindWorkoutControls(active: () => boolean, keys: WorkoutKeys): void {
  bindWorkoutKeys(active, keys);
  const buttons: Record<string, () => void> = {
    pause: keys.pause,
    mute: keys.mute,
    'end-set': keys.endSet,
    'next-set': keys.nextSet,
    'skip-exercise': keys.skipExercise,
    'repeat-exercise': keys.repeatExercise,
    back: keys.back,
  };
  for (const [id, run] of Object.entries(buttons)) byId(id).addEventListener('click', run);
}
