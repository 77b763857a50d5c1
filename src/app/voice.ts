import type { Utterance } from '../engine/cues.ts';

/** What `pickOnDeviceVoice` needs of a voice (the browser's SpeechSynthesisVoice has it). */
export interface VoiceInfo {
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
  /** The browser's name for the voice, kept to find it again (Settings, "Voice"). */
  readonly voiceURI?: string;
}

/** The voices the feedback may be spoken in: English ones on this device (`pickOnDeviceVoice`). */
export function onDeviceVoices<V extends VoiceInfo>(voices: readonly V[]): V[] {
  return voices.filter((v) => v.localService && v.lang.toLowerCase().startsWith('en'));
}

/**
 * The voice the words are spoken in: the one picked in Settings while it is an English voice on
 * this device, else the browser's default one when it is such, else the first. A voice that is
 * not `localService` is a remote speech service (Web Speech API): the words, which are the results
 * ("Rep 5.", "Knees out."), would leave the device, so such a voice is never picked, not even when
 * named, nor left to the browser by not picking one. Undefined: none here.
 */
export function pickOnDeviceVoice<V extends VoiceInfo>(
  voices: readonly V[],
  preferredURI?: string,
): V | undefined {
  const english = onDeviceVoices(voices);
  return (
    english.find((v) => preferredURI !== undefined && v.voiceURI === preferredURI) ??
    english.find((v) => v.default) ??
    english[0]
  );
}

/**
 * How fast the words are said (Web Speech's rate, 1 is the voice's own pace). Usual is a little
 * quicker than the voice's own, so that a count is heard before the next rep; slower is for a
 * listener further off or less at home in English.
 */
export const SPEECH_RATES = { slower: 0.9, usual: 1.1, faster: 1.3 } as const;
export type SpeechRate = keyof typeof SPEECH_RATES;

/**
 * Spoken feedback through the Web Speech API, on-device voices only, with a mute switch. Without
 * an on-device voice nothing is spoken (the words are on screen and in the live region anyway),
 * and `hasOnDeviceVoice` says so for the page to show.
 */
export class Voice {
  private muted = false;
  private preferredURI: string | undefined;
  private rate: SpeechRate = 'usual';
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

  /** The English voices on this device, to choose from; the one in use. */
  get choices(): { readonly voices: readonly SpeechSynthesisVoice[]; readonly inUse?: string } {
    const inUse = this.voice()?.voiceURI;
    return {
      voices: onDeviceVoices(this.synth?.getVoices() ?? []),
      ...(inUse === undefined ? {} : { inUse }),
    };
  }

  /** Speak in this voice while it is on this device (Settings); undefined: the default one. */
  preferVoice(voiceURI: string | undefined): void {
    this.preferredURI = voiceURI;
  }

  setRate(rate: SpeechRate): void {
    this.rate = rate;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (muted) this.synth?.cancel();
  }

  say(u: Utterance): void {
    if (!this.muted) this.speak(u);
  }

  /**
   * A line asked for to hear the voice and rate (Settings' "Say a test line"): said even while the
   * workout's feedback is muted, as the person pressed for it.
   */
  sample(text: string): void {
    this.speak({ text, priority: 'count' });
  }

  private speak(u: Utterance): void {
    if (this.synth === undefined || typeof SpeechSynthesisUtterance === 'undefined') return;
    const voice = this.voice();
    if (voice === undefined) return;
    // A count must be heard on time: it cuts off a cue in progress.
    if (u.priority === 'count') this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(u.text);
    utterance.rate = SPEECH_RATES[this.rate];
    utterance.voice = voice;
    this.synth.speak(utterance);
  }

  private voice(): SpeechSynthesisVoice | undefined {
    return this.synth === undefined
      ? undefined
      : pickOnDeviceVoice(this.synth.getVoices(), this.preferredURI);
  }
}
