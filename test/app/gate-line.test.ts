import { describe, expect, it } from 'vitest';
import { gateLine, tiltHint, type GateState } from '../../src/app/gate-line.ts';
import { TILT_TOLD_FROM_DEG } from '../../src/engine/camera-tilt.ts';

/** A squat workout's set under way, facing the camera as it asks, nothing to say. */
const SET: GateState = {
  flow: { phase: 'set', set: 1, sets: 3 },
  wantView: 'front',
  view: 'front',
  ready: true,
  people: 1,
  light: 'ok',
  cue: undefined,
  tiltDeg: undefined,
  countHidden: false,
};
const at = (phase: GateState['flow']['phase'], more: Partial<GateState> = {}): GateState => ({
  ...SET,
  flow: { ...SET.flow, phase },
  ...more,
});
const TILTED = TILT_TOLD_FROM_DEG + 1;

describe('the line under the picture', () => {
  it('says "Tracking" and nothing else during a set with nothing to tell', () => {
    expect(gateLine(SET)).toBe('Tracking');
  });

  it('says what to do while the person is not yet in position, then to hold still', () => {
    expect(gateLine(at('setup', { ready: false }))).toBe('Get into position.');
    expect(gateLine(at('setup', { ready: false, cue: 'Step back: feet out of view.' }))).toBe(
      'Step back: feet out of view.',
    );
    expect(gateLine(at('setup'))).toBe('Ready: hold still…');
  });

  it("keeps the set's line while a set's first moment of stillness is timed, with nothing to say", () => {
    // Each set starts a fresh analyzer at "Go!", and a calf raise waits 400 ms for a still start:
    // "Get into position." had flashed after "Get ready…" in every calf-raise set.
    expect(gateLine(at('set', { ready: false }))).toBe('Tracking');
    expect(gateLine(at('set', { ready: false, checkInstruction: 'do 3 slow reps.' }))).toBe(
      'Form check, part 1 of 3: do 3 slow reps.',
    );
    // What there is to say still stands in its place.
    expect(gateLine(at('set', { ready: false, cue: 'Stand still in the start position.' }))).toBe(
      'Stand still in the start position.',
    );
  });

  it('tips a better view while setting up, without blocking, and not once the set runs', () => {
    const side = { view: 'side' as const };
    expect(gateLine(at('setup', side))).toMatch(/^Ready: hold still… Tip: .*face the camera/i);
    expect(gateLine(at('set', side))).toBe('Tracking');
    // Side on and 3/4 both judge a side-on exercise.
    expect(gateLine(at('setup', { wantView: 'side', view: 'three-quarter' }))).toBe(
      'Ready: hold still…',
    );
  });

  it('warns of a dark room and of others in view, setting up and (others) during the set', () => {
    expect(gateLine(at('setup', { light: 'dark' }))).toMatch(/^Ready… It is too dark/);
    // A black picture is most often a covered lens: the cover is named first.
    expect(gateLine(at('setup', { light: 'black', ready: false, cue: 'Step into view.' }))).toBe(
      "The picture is black: open the camera's cover or privacy shutter, or turn on a light.",
    );
    const two = { people: 2 };
    expect(gateLine(at('setup', two))).toMatch(/^Ready… I can see 2 people: ask the others/);
    expect(gateLine(at('set', two))).toMatch(/^Tracking\. I can see 2 people/);
    expect(gateLine(at('setup', { ...two, ready: false }))).toMatch(
      /^Get into position\. I can see 2 people/,
    );
  });

  it('keeps a tilted camera on the line from the set-up through the countdown and the set', () => {
    const tilted = { tiltDeg: TILTED };
    for (const phase of ['setup', 'countdown', 'set'] as const)
      expect(gateLine(at(phase, tilted)), phase).toContain(tiltHint(TILTED).trim());
    expect(tiltHint(TILT_TOLD_FROM_DEG - 1)).toBe('');
    expect(tiltHint(undefined)).toBe('');
  });

  it('says to turn side-on during a set whose view hides the count (a calf raise facing it)', () => {
    expect(gateLine(at('set', { countHidden: true }))).toMatch(/^Tracking\. Tip: turn side-on/);
  });

  it('rests between sets and ends the workout', () => {
    expect(gateLine(at('countdown'))).toBe('Get ready…');
    expect(gateLine(at('rest'))).toBe('Rest. The next set starts by itself.');
    expect(gateLine(at('done'))).toBe('Workout done.');
  });

  it("gives a form check's part and what it asks, the turn between parts, and its end", () => {
    const check = { checkInstruction: 'stand side on to the camera and squat 3 times.' };
    expect(gateLine(at('set', { ...check, flow: { phase: 'set', set: 2, sets: 2 } }))).toBe(
      'Form check, part 2 of 2: stand side on to the camera and squat 3 times.',
    );
    expect(gateLine(at('set', { ...check, flow: { phase: 'set', set: 1, sets: 1 } }))).toBe(
      'Form check: stand side on to the camera and squat 3 times.',
    );
    expect(gateLine(at('rest', check))).toBe(
      'Turn: stand side on to the camera and squat 3 times.',
    );
    expect(gateLine(at('done', check))).toBe('Form check done.');
  });
});
