import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pickOnDeviceVoice, Voice, type VoiceInfo } from '../../src/app/voice.ts';

interface TestVoice extends VoiceInfo {
  readonly name: string;
}

const voice = (
  name: string,
  lang: string,
  localService: boolean,
  isDefault = false,
): TestVoice => ({
  name,
  lang,
  localService,
  default: isDefault,
  voiceURI: name,
});

// Chrome on a desktop: the system's voices on the device, Google's on a server.
const GOOGLE_US = voice('Google US English', 'en-US', false);
const GOOGLE_DE = voice('Google Deutsch', 'de-DE', false, true);
const SYSTEM_EN = voice('Microsoft David', 'en-US', true);
const SYSTEM_EN_DEFAULT = voice('Samantha', 'en-us', true, true);
const SYSTEM_FR = voice('Thomas', 'fr-FR', true, true);

describe('the voice the feedback is spoken in', () => {
  it('is an English voice on this device, the default one when it is such', () => {
    expect(pickOnDeviceVoice([GOOGLE_US, SYSTEM_EN, SYSTEM_EN_DEFAULT])).toBe(SYSTEM_EN_DEFAULT);
    expect(pickOnDeviceVoice([GOOGLE_DE, GOOGLE_US, SYSTEM_EN])).toBe(SYSTEM_EN);
  });

  it('is never a remote one (the words are the results), even the browser default', () => {
    expect(pickOnDeviceVoice([GOOGLE_US, GOOGLE_DE])).toBeUndefined();
  });

  it('is the one picked in Settings while it is on this device, never a remote one picked', () => {
    const voices = [GOOGLE_US, SYSTEM_EN, SYSTEM_EN_DEFAULT];
    expect(pickOnDeviceVoice(voices, 'Microsoft David')).toBe(SYSTEM_EN);
    expect(pickOnDeviceVoice(voices, 'Google US English')).toBe(SYSTEM_EN_DEFAULT);
    // Picked on another machine, or uninstalled since: the default one.
    expect(pickOnDeviceVoice(voices, 'Daniel')).toBe(SYSTEM_EN_DEFAULT);
    expect(pickOnDeviceVoice([SYSTEM_FR, SYSTEM_EN], 'Thomas')).toBe(SYSTEM_EN);
  });

  it('is none when the device has only voices in other languages, or none at all', () => {
    expect(pickOnDeviceVoice([SYSTEM_FR, GOOGLE_US])).toBeUndefined();
    expect(pickOnDeviceVoice([])).toBeUndefined();
  });
});

/** A speech engine with these voices that keeps what it is asked to say. */
function engine(voices: TestVoice[]) {
  const spoken: { text: string; voice: unknown; rate?: number }[] = [];
  const listeners: (() => void)[] = [];
  const synth = {
    getVoices: () => voices,
    speak: (u: { text: string; voice: unknown; rate: number }) =>
      spoken.push({ text: u.text, voice: u.voice, rate: u.rate }),
    cancel: vi.fn(),
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  };
  const changeVoices = (next: TestVoice[]) => {
    voices = next;
    for (const listener of listeners) listener();
  };
  return { synth: synth as unknown as SpeechSynthesis, spoken, changeVoices };
}

describe('Voice', () => {
  beforeAll(() => {
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        rate = 1;
        voice: unknown = null;
        constructor(readonly text: string) {}
      },
    );
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('speaks in the on-device voice', () => {
    const { synth, spoken } = engine([GOOGLE_US, SYSTEM_EN]);
    const v = new Voice(synth);
    v.say({ text: 'Knees out.', priority: 'cue' });
    expect(spoken).toEqual([{ text: 'Knees out.', voice: SYSTEM_EN, rate: 1.1 }]);
    expect(v.hasOnDeviceVoice).toBe(true);
  });

  it('speaks in the voice and at the rate picked in Settings, and lists only voices it may use', () => {
    const { synth, spoken } = engine([GOOGLE_US, SYSTEM_EN, SYSTEM_EN_DEFAULT, SYSTEM_FR]);
    const v = new Voice(synth);
    expect(v.choices).toEqual({ voices: [SYSTEM_EN, SYSTEM_EN_DEFAULT], inUse: 'Samantha' });
    v.preferVoice('Microsoft David');
    v.setRate('slower');
    v.say({ text: 'Five.', priority: 'count' });
    expect(spoken).toEqual([{ text: 'Five.', voice: SYSTEM_EN, rate: 0.9 }]);
    expect(v.choices.inUse).toBe('Microsoft David');
  });

  it('says a test line asked for even while the feedback is muted', () => {
    const { synth, spoken } = engine([SYSTEM_EN]);
    const v = new Voice(synth);
    v.setMuted(true);
    v.say({ text: '5', priority: 'count' });
    v.sample('Five. Knees out.');
    expect(spoken.map((s) => s.text)).toEqual(['Five. Knees out.']);
  });

  it('says nothing with remote voices only, and tells the page so', () => {
    const { synth, spoken } = engine([GOOGLE_US]);
    const v = new Voice(synth);
    v.say({ text: '5', priority: 'count' });
    expect(spoken).toEqual([]);
    expect(v.hasOnDeviceVoice).toBe(false);
    expect(v.hasRemoteVoicesOnly).toBe(true);
  });

  it('tells a device with no voice from one with remote voices only', () => {
    const none = new Voice(engine([]).synth);
    expect([none.hasOnDeviceVoice, none.hasRemoteVoicesOnly]).toEqual([false, false]);
    const french = new Voice(engine([SYSTEM_FR]).synth);
    expect([french.hasOnDeviceVoice, french.hasRemoteVoicesOnly]).toEqual([false, false]);
  });

  it('speaks once the browser has loaded an on-device voice, and tells the page', () => {
    const { synth, spoken, changeVoices } = engine([]);
    const v = new Voice(synth);
    const changed = vi.fn();
    v.onVoicesChanged(changed);
    v.say({ text: 'Get into position.', priority: 'cue' });
    changeVoices([SYSTEM_EN_DEFAULT]);
    v.say({ text: 'Go!', priority: 'cue' });
    expect(changed).toHaveBeenCalledOnce();
    expect(spoken.map((s) => s.text)).toEqual(['Go!']);
  });

  it('is silent when muted, and a count cuts off a cue in progress', () => {
    const { synth, spoken } = engine([SYSTEM_EN]);
    const v = new Voice(synth);
    v.say({ text: 'Chest up.', priority: 'cue' });
    v.say({ text: 'Three', priority: 'count' });
    expect(synth.cancel).toHaveBeenCalledOnce();
    v.setMuted(true);
    v.say({ text: 'Four', priority: 'count' });
    expect(spoken.map((s) => s.text)).toEqual(['Chest up.', 'Three']);
  });
});
