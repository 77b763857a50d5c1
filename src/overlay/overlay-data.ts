import type { LiveState } from '../engine/analyzer.ts';
import type { ExerciseDef, Prescription, Tempo } from '../engine/exercise-def.ts';
import { phaseWord, type PhaseWord } from '../engine/phases.ts';
import type { FlowView } from '../engine/workout-flow.ts';
import type { KeypointName, Pose } from '../pose/skeleton.ts';

/** Everything the overlay draws for one frame: plain data, so tests can assert on it. */
export interface OverlayData {
  readonly pose: Pose | null;
  /** Draw the skeleton mirrored, to sit on a mirrored preview (a selfie view). */
  readonly mirrored: boolean;
  readonly live: LiveState;
  readonly flow: FlowView;
  /**
   * "set 2/3", or for a form check "part 1/2" ("form check" when it has one part); during a set
   * timed by the clock (circles, walks), with the time left: "set 1/1 · 12 s left this way"; in the
   * rest after a set, the set it follows: "set 1/3 done".
   */
  readonly setLabel: string;
  /** What the break between sets is for: "Rest", or between a form check's parts "Turn side-on". */
  readonly restLabel: string;
  readonly exerciseName: string;
  readonly kind: 'reps' | 'hold' | 'circles' | 'walk';
  readonly target: { readonly reps?: number; readonly holdSec?: number };
  /** The angle that matters for this exercise, and where to draw it. */
  readonly angle:
    { readonly label: string; readonly deg: number; readonly at: KeypointName } | undefined;
  readonly cue: string | undefined;
  /** Why the workout stands paused ("Paused. Press space to resume."); undefined when it is not. */
  readonly paused: string | undefined;
  readonly awayWord: 'down' | 'up';
  /** The current phase in the person's words (down, bottom, up, top), for the tempo bar. */
  readonly phaseWord: PhaseWord;
  readonly phaseSec: number;
  /** The time in the current phase against its prescription; undefined where none is prescribed. */
  readonly tempoBar: TempoBar | undefined;
}

/** The tempo bar, bottom left: the time in the current phase against what is prescribed for it. */
export interface TempoBar {
  /** "down 2.1 / 3 s"; for a phase prescribed fast, "up 0.4 s (fast)". */
  readonly text: string;
  /** How full the bar is, 0-1. */
  readonly share: number;
  /** Green: the phase has taken its prescribed time, or is one to do fast; amber: keep going. */
  readonly good: boolean;
}

/**
 * A phase prescribed "fast" (the X of 3-0-X-1) fills its bar over this (s), green all the way: the
 * heel-rise test's beat, up in one second (Hébert-Losier 2017; tempo.ts). It is never a time to
 * wait for, and nothing judges a slow rise (its reading errs long where a rise ends in a creep).
 */
export const FAST_PHASE_BAR_SEC = 1;

/** What one overlay frame is made from (the session's state at this moment). */
export interface OverlayInput {
  readonly exercise: ExerciseDef;
  readonly prescription: Prescription;
  readonly pose: Pose | null;
  readonly mirrored: boolean;
  readonly live: LiveState;
  readonly flow: FlowView;
  /** A form check counts parts (one per view), not sets. */
  readonly formCheck?: boolean;
  /** A recorded video: what it shows is counted, and nothing was asked of it (no target, no set). */
  readonly recorded?: boolean;
  /** The break's words when it is not a rest (a form check's turn to the next view). */
  readonly restLabel?: string;
  readonly cue: string | undefined;
  /** Why the workout stands paused, when it does. */
  readonly paused?: string;
  /** Seconds in the current rep phase (the tempo bar fills against its target). */
  readonly phaseSec: number;
}

/** The tempo bar for a phase of a tempo rep; undefined where nothing is prescribed (0 s). */
function tempoBar(tempo: Tempo, word: PhaseWord, sec: number): TempoBar | undefined {
  const target = {
    down: tempo.lowerSec,
    bottom: tempo.bottomSec,
    up: tempo.riseSec,
    top: tempo.topSec,
  }[word];
  if (target === 'fast')
    return {
      text: `${word} ${sec.toFixed(1)} s (fast)`,
      share: Math.min(1, sec / FAST_PHASE_BAR_SEC),
      good: true,
    };
  if (target === 0) return undefined;
  // Green from the time shown: never "down 3.0 / 3 s" in amber.
  const shown = sec.toFixed(1);
  return {
    text: `${word} ${shown} / ${target} s`,
    share: Math.min(1, sec / target),
    good: Number(shown) >= target,
  };
}

function setLabel(i: OverlayInput): string {
  if (i.recorded === true) return 'video';
  const word = i.formCheck !== true ? 'set' : 'part';
  // In a rest the flow already names the set to come, while the count beside the label is still
  // the one just ended: "10/10 set 2/3" read as the next set done before it began.
  if (i.flow.phase === 'rest') return `${word} ${i.flow.set - 1}/${i.flow.sets} done`;
  const set =
    i.formCheck === true && i.flow.sets === 1
      ? 'form check'
      : `${word} ${i.flow.set}/${i.flow.sets}`;
  const left = timeLeft(i.prescription, i.flow);
  return left === undefined ? set : `${set} · ${left}`;
}

/**
 * What is left of a set the clock ends (workout-flow.ts): each way of the circles (the arrow beside
 * the count shows which way), the walk. Without it, a person with no voice to say "Other way" saw
 * no sign of when to turn. Reps and holds end on their count, shown as "7/20" and "12/30 s".
 */
function timeLeft(p: Prescription, flow: FlowView): string | undefined {
  if (flow.phase !== 'set') return undefined;
  if (p.kind === 'circles') {
    const end = flow.setSec < p.perDirectionSec ? p.perDirectionSec : 2 * p.perDirectionSec;
    return `${Math.max(0, Math.ceil(end - flow.setSec))} s left this way`;
  }
  if (p.kind === 'walk') return `${Math.max(0, Math.ceil(p.walkSec - flow.setSec))} s left`;
  return undefined;
}

/** The overlay's data for one frame: pure, so the tests can check what would be drawn. */
export function overlayData(i: OverlayInput): OverlayData {
  const p = i.prescription;
  const awayWord = i.exercise.kind === 'reps' ? i.exercise.awayWord : 'down';
  const tempo = p.kind === 'reps' ? p.tempo : undefined;
  const word = phaseWord(i.live.phase, awayWord);
  const phaseSec = Math.max(0, i.phaseSec);
  return {
    pose: i.pose,
    mirrored: i.mirrored,
    live: i.live,
    flow: i.flow,
    setLabel: setLabel(i),
    restLabel: i.restLabel ?? 'Rest',
    exerciseName: i.exercise.name,
    kind: i.exercise.kind,
    target:
      i.recorded === true
        ? {}
        : p.kind === 'reps'
          ? { reps: p.reps }
          : p.kind === 'hold'
            ? { holdSec: p.holdSec }
            : {},
    angle:
      i.live.keyAngle === undefined
        ? undefined
        : { label: 'knee', deg: i.live.keyAngle.deg, at: i.live.keyAngle.at },
    cue: i.cue,
    paused: i.paused,
    awayWord,
    phaseWord: word,
    phaseSec,
    // Only while a set runs (a recorded video is one set from start to end): before "Go!"
    // nothing is counted, and in a rest or at the end the phase is the person moving about (seen:
    // "up 0.0 s" over "Starting in 3…").
    tempoBar:
      tempo === undefined || (i.flow.phase !== 'set' && i.recorded !== true)
        ? undefined
        : tempoBar(tempo, word, phaseSec),
  };
}
