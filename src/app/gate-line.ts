import { isTiltTold, tiltTip } from '../engine/camera-tilt.ts';
import type { CameraView } from '../engine/exercise-def.ts';
import type { FrameView } from '../engine/view.ts';
import { turnTip, viewToTurnTo } from '../engine/view-tip.ts';
import type { FlowView } from '../engine/workout-flow.ts';
import type { Light } from './light-meter.ts';

/** What the line under the picture is made from: where the workout is and what is seen. */
export interface GateState {
  readonly flow: Pick<FlowView, 'phase' | 'set' | 'sets'>;
  /** In a form check, what its part on now asks ("stand side on to the camera…"); else none. */
  readonly checkInstruction?: string;
  /** The view the exercise (or the form check's part) is judged best from, and the one seen. */
  readonly wantView: CameraView;
  readonly view: FrameView;
  /** The set-up gate is open (whole body seen, in position). */
  readonly ready: boolean;
  /** People in view, as last counted. */
  readonly people: number;
  readonly light: Light;
  /** What to do now (the set-up's issue, a hold's cue, the last rep's warning), if anything. */
  readonly cue: string | undefined;
  /** The camera's sideways tilt as last read (deg), if it was. */
  readonly tiltDeg: number | undefined;
  /** The view hides the count (a calf raise facing the camera): a set's line says to turn. */
  readonly countHidden: boolean;
}

/** " Tip: the camera looks tilted about 7°: level it." once a tilt is large enough to tell. */
export function tiltHint(tiltDeg: number | undefined): string {
  return tiltDeg !== undefined && isTiltTold(tiltDeg) ? ` ${tiltTip(tiltDeg)}` : '';
}

/** " Tip: turn side-on to the camera." while another view would judge the exercise better. */
function viewHint(want: CameraView, seen: FrameView): string {
  const to = viewToTurnTo(want, seen);
  return to === undefined ? '' : ` ${turnTip(to)}`;
}

/**
 * A black picture (`light-meter.ts`): most often a covered lens, so the cover is named first. Said
 * in place of the set-up's own words ("Step into view"), which a person cannot act on while the
 * camera sees nothing; on the picture and aloud, shorter.
 */
export const BLACK_PICTURE = {
  line: "The picture is black: open the camera's cover or privacy shutter, or turn on a light.",
  shown: 'The picture is black: uncover the camera.',
  said: 'The picture is black. Uncover the camera, or turn on a light.',
} as const;

const LIGHT_WORDS: Readonly<Record<Light, string>> = {
  ok: '',
  dark: ' It is too dark: turn on a light or face a window.',
  black: ` ${BLACK_PICTURE.line}`,
};

/** Said to everyone in view when the model counts more than one person. */
function othersWords(people: number): string {
  // A reflection counts as a person too (a photo with a mirror behind the pose counts 2).
  return people > 1
    ? ` I can see ${people} people: ask the others to step out of view, or turn the camera from a mirror (I follow the most visible one).`
    : '';
}

/**
 * The line under the picture: what to do to get going while setting up, "Tracking" during a set,
 * and the warnings that apply (too dark, someone else in view, a tilted camera, a better view).
 * Tips do not block: a person who is ready is counted whatever they say.
 */
export function gateLine(s: GateState): string {
  const { phase, set, sets } = s.flow;
  const formCheck = s.checkInstruction !== undefined;
  if (phase === 'done') return formCheck ? 'Form check done.' : 'Workout done.';
  if (phase === 'rest')
    return formCheck ? `Turn: ${s.checkInstruction}` : 'Rest. The next set starts by itself.';
  const tilt = tiltHint(s.tiltDeg);
  if (phase === 'countdown') return `Get ready…${tilt}`;
  const others = othersWords(s.people);
  const warnings = LIGHT_WORDS[s.light] + others;
  const hints = `${viewHint(s.wantView, s.view)}${tilt}`;
  // Nobody can be seen in a black picture: its cause is what to fix, not the set-up's words.
  if (!s.ready && s.light === 'black') return `${BLACK_PICTURE.line}${others}`;
  // During a set, a gate not open with nothing to say is timing the person's stillness (each set
  // starts a fresh analyzer at "Go!", and a calf raise waits 400 ms for a still start): the set's
  // line stands, where "Get into position." had flashed after every "Get ready…".
  if (!s.ready && (s.cue !== undefined || phase !== 'set'))
    return `${s.cue ?? 'Get into position.'}${warnings}${hints}`;
  if (phase === 'setup' && warnings !== '') return `Ready…${warnings}`;
  if (phase === 'setup') return `Ready: hold still…${hints}`;
  // A tilt told while setting up stays on the line through the set: it is still tilted.
  if (!formCheck) {
    const turn = s.countHidden ? ` ${turnTip('side')}` : '';
    return others === '' && tilt === '' && turn === ''
      ? 'Tracking'
      : `Tracking.${turn}${others}${tilt}`;
  }
  return `Form check${sets > 1 ? `, part ${set} of ${sets}` : ''}: ${s.checkInstruction}${others}${tilt}`;
}
