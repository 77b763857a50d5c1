import { byId, el } from './dom.ts';
import { recall, remember } from './remembered.ts';
import { SPEECH_RATES, type SpeechRate, type Voice } from './voice.ts';

const VOICE_KEY = 'formcheck.voice';
const RATE_KEY = 'formcheck.speechRate';

/** What "Say a test line" says: a count and a cue, as a set sounds from two metres. */
export const TEST_LINE = 'Five. Knees out.';

const isRate = (v: string | null): v is SpeechRate => v !== null && v in SPEECH_RATES;

/**
 * Settings' voice and speech rate, remembered (`remembered.ts`), and a line to hear them by before a
 * workout. The list holds the English voices on this device only (`onDeviceVoices`): a remote
 * voice is never offered, as it would send the words away. It fills again when the browser's
 * voices load or change.
 */
export function bindVoiceSettings(voice: Voice): void {
  const select = byId<HTMLSelectElement>('voice-select');
  const rate = byId<HTMLSelectElement>('rate-select');
  const test = byId<HTMLButtonElement>('voice-test');
  voice.preferVoice(recall(VOICE_KEY) ?? undefined);
  const savedRate = recall(RATE_KEY);
  rate.value = isRate(savedRate) ? savedRate : 'usual';
  voice.setRate(isRate(rate.value) ? rate.value : 'usual');

  const fill = () => {
    const { voices, inUse } = voice.choices;
    select.replaceChildren(
      ...(voices.length === 0
        ? [el('option', { value: '' }, 'none on this device')]
        : voices.map((v) => el('option', { value: v.voiceURI }, `${v.name} (${v.lang})`))),
    );
    select.value = inUse ?? '';
    select.disabled = voices.length === 0;
    test.disabled = voices.length === 0;
  };
  fill();
  voice.onVoicesChanged(fill);

  select.onchange = () => {
    remember(VOICE_KEY, select.value);
    voice.preferVoice(select.value);
  };
  rate.onchange = () => {
    if (!isRate(rate.value)) return;
    remember(RATE_KEY, rate.value);
    voice.setRate(rate.value);
  };
  test.onclick = () => voice.sample(TEST_LINE);
}
