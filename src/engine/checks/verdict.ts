import type { Fault, FaultCode, Severity } from '../faults.ts';
import type { Side } from '../../pose/skeleton.ts';
import { NOTE_ONLY_CHECKS, type CheckId } from './check-id.ts';

/**
 * One check's judgement of one rep (or one stretch of circling): it passed, it found a fault, or
 * the camera view or the keypoints could not support it, with what to change. Every verdict
 * carries what was measured and the threshold it was held to.
 */
export interface Verdict {
  readonly check: CheckId;
  readonly status: 'pass' | 'fault' | 'cannot-judge';
  /** For a fault: `warn` is form worth fixing, `info` is coaching. */
  readonly severity?: Severity;
  readonly side?: Side | 'both';
  readonly value?: number;
  readonly threshold?: number;
  readonly unit: string;
  /** 0-1: the keypoints' scores and how far the value is from the threshold. */
  readonly confidence: number;
  /** A fault's cue, a pass's summary, or why it cannot be judged and what to change. */
  readonly message: string;
  /**
   * A fault's few words said aloud ("Chest up."), when they differ from its message: the person is
   * two metres away and mid-set, so the voice gives the instruction and the screen the numbers.
   */
  readonly cue?: string;
  /** Not judged because the camera's view cannot show it (another view would). */
  readonly cause?: 'view';
}

export const pass = (
  check: CheckId,
  unit: string,
  message: string,
  extra: Partial<Verdict> = {},
): Verdict => ({ check, status: 'pass', unit, confidence: 1, message, ...extra });

/**
 * Under this confidence a fault is borderline: its value within about half its measure's typical
 * error of the limit (thresholds.ts, `confidenceOf`), or measured on keypoints the model was
 * unsure of. It is still reported and counted; the person is told it is a close call.
 */
export const BORDERLINE_CONFIDENCE = 0.7;

export const isBorderline = (v: { readonly confidence?: number | undefined }): boolean =>
  v.confidence !== undefined && v.confidence < BORDERLINE_CONFIDENCE;

/**
 * The passes that were close calls (a note-only check's pass is no claim): named with the rep, as
 * the form-check card opens their line "Borderline" (form-checks.md).
 */
export const onlyJustPassed = (verdicts: readonly Verdict[]): readonly Verdict[] =>
  verdicts.filter((v) => v.status === 'pass' && !NOTE_ONLY_CHECKS.has(v.check) && isBorderline(v));

/**
 * "Borderline. Go deeper…": a close call says so first (said and shown), as a sentence of its own,
 * since the words it opens often have a colon of their own ("Go deeper: thighs stopped…").
 */
export function borderlineText(text: string): string {
  return text.startsWith('Borderline') ? text : `Borderline. ${text}`;
}

/**
 * A fault found: form to fix (`warn`) unless said to be a note (`info`). `cue`: the words said
 * aloud, when the message is longer than a person mid-set can take in.
 */
export const fault = (
  check: CheckId,
  message: string,
  measured: Partial<Verdict> & { readonly unit: string },
  extra: {
    readonly severity?: Severity;
    readonly side?: Verdict['side'];
    readonly cue?: string;
  } = {},
): Verdict => {
  const sayWhat = (text: string) => (isBorderline(measured) ? borderlineText(text) : text);
  return {
    check,
    status: 'fault',
    severity: extra.severity ?? 'warn',
    confidence: 1,
    ...measured,
    ...(extra.side === undefined ? {} : { side: extra.side }),
    message: sayWhat(message),
    ...(extra.cue === undefined ? {} : { cue: sayWhat(extra.cue) }),
  };
};

export const cannotJudge = (check: CheckId, message: string, cause?: 'view'): Verdict => ({
  check,
  status: 'cannot-judge',
  unit: '',
  confidence: 0,
  message,
  ...(cause === undefined ? {} : { cause }),
});

/** The fault a verdict reports, for the rep's fault list (undefined for a pass or no view). */
export function faultOf(
  v: Verdict,
  code: FaultCode,
  rep: number | undefined,
  atSec: number,
): Fault | undefined {
  if (v.status !== 'fault' || v.value === undefined) return undefined;
  return {
    code,
    severity: v.severity ?? 'warn',
    ...(v.side === undefined ? {} : { side: v.side }),
    ...(rep === undefined ? {} : { rep }),
    atSec,
    value: v.value,
    ...(v.threshold === undefined ? {} : { threshold: v.threshold }),
    confidence: v.confidence,
    unit: v.unit,
    message: v.message,
    ...(v.cue === undefined ? {} : { cue: v.cue }),
  };
}
