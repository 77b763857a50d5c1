import type { Utterance } from '../engine/cues.ts';

/** Spoken feedback through the Web Speech API (on-device voices only), with a mute switch. */
export class Voice {
  private muted = false;

  constructor(private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) {}

  get isMuted(): boolean {
    return this.muted;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (muted) this.synth?.cancel();
  }

  say(u: Utterance): void {
    if (this.muted || this.synth === undefined || typeof SpeechSynthesisUtterance === 'undefined')
      return;
    // A count must be heard on time: it cuts off a cue in progress.
    if (u.priority === 'count') this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(u.text);
    utterance.rate = 1.1;
    const local = this.synth.getVoices().find((v) => v.localService && v.lang.startsWith('en'));
    if (local !== undefined) utterance.voice = local;
    this.synth.speak(utterance);
  }
}
