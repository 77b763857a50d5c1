import type { Utterance } from '../engine/cues.ts';

/** What `pickOnDeviceVoice` needs of a voice (the browser's SpeechSynthesisVoice has it). */
export interface VoiceInfo {
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/**
 * The voice the words are spoken in: an English voice on this device, the browser's default one
 * when it is such. A voice that is not `localService` is a remote speech service (Web Speech API):
 * the words, which are the results ("Rep 5.", "Knees out."), would leave the device, so such a
 * voice is never picked, nor left to the browser by not picking one. Undefined: none here.
 */
export function pickOnDeviceVoice<V extends VoiceInfo>(voices: readonly V[]): V | undefined {
  const english = voices.filter((v) => v.localService && v.lang.toLowerCase().startsWith('en'));
  return english.find((v) => v.default) ?? english[0];
}

/**
 * Spoken feedback through the Web Speech API, on-device voices only, with a mute switch. Without
 * an on-device voice nothing is spoken (the words are on screen and in the live region anyway),
 * and `hasOnDeviceVoice` says so for the page to show.
 */
export class Voice {
  private muted = false;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) {
    // Browsers load their voices after the page: ask again when they come.
    synth?.addEventListener?.('voiceschanged', () => {
      for (const listener of this.listeners) listener();
    });
  }

  get isMuted(): boolean {
    return this.muted;
  }

  /** Whether an on-device voice can speak here (the page says so when not). */
  get hasOnDeviceVoice(): boolean {
    return this.voice() !== undefined;
  }

  /** Whether the browser has voices that are not used because they are remote. */
  get hasRemoteVoicesOnly(): boolean {
    const voices = this.synth?.getVoices() ?? [];
    return voices.length > 0 && voices.every((v) => !v.localService);
  }

  /** Called when the browser's voices change (loaded after the page, a voice installed). */
  onVoicesChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (muted) this.synth?.cancel();
  }

  say(u: Utterance): void {
    if (this.muted || this.synth === undefined || typeof SpeechSynthesisUtterance === 'undefined')
      return;
    const voice = this.voice();
    if (voice === undefined) return;
    // A count must be heard on time: it cuts off a cue in progress.
    if (u.priority === 'count') this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(u.text);
    utterance.rate = 1.1;
    utterance.voice = voice;
    this.synth.speak(utterance);
  }

  private voice(): SpeechSynthesisVoice | undefined {
    return this.synth === undefined ? undefined : pickOnDeviceVoice(this.synth.getVoices());
  }
}
