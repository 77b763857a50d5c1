import { againstShins, FROM_VERTICAL } from './checks/forward-lean.ts';
import { LIMITS, type Strictness } from './checks/thresholds.ts';
import {
  CHECK_NAMES,
  FAULT_BELOW_LIMIT,
  NOTE_ONLY_CHECKS,
  type CheckId,
} from './checks/check-id.ts';
import { borderlineText, isBorderline, type Verdict } from './checks/verdict.ts';
import { REP_CHECKS } from './checks/judge-rep.ts';
import type { ExerciseDef } from './exercise-def.ts';
import { withUnit, type Report, type RepReport } from './report.ts';
import { round2 } from '../geometry/stats.ts';
import type { Fault } from './faults.ts';

/**
 * A form check's card: one line per check that applies to the exercise, from the reports of its
 * parts (form-check-plan.ts): pass, fix this, or cannot tell from this view (with what to change),
 * the measured value against the target, and the moment to show.
 */
export type LineStatus = 'pass' | 'fix' | 'cannot-judge';

export interface FormCheckLine {
  readonly check: CheckId | 'hold';
  readonly label: string;
  readonly status: LineStatus;
  /** "hips 12° above level; aim for level or lower", or what to change to judge it. */
  readonly text: string;
  readonly value?: number;
  readonly threshold?: number;
  readonly unit?: string;
  /** When the worst moment happened (s into the check), for its still. */
  readonly atSec?: number;
}

const LABELS: Record<CheckId | 'hold', string> = { ...CHECK_NAMES, hold: 'Hold position' };

/** A line with no moment to show (no still). */
function withoutMoment(line: FormCheckLine): FormCheckLine {
  const { atSec: _moment, ...rest } = line;
  return rest;
}

/**
 * What a line's still shows, in the card's words: the worst moment of a fault, else the rep's far
 * end (the bottom of a squat or lunge, the top of a raise); for a hold, the person in the pose or
 * the moment the hold broke.
 */
export function stillMoment(line: FormCheckLine, exercise: ExerciseDef): string {
  if (exercise.kind === 'hold')
    return line.status === 'fix' ? 'when the hold broke' : 'in the pose';
  if (line.status === 'fix') return 'worst moment';
  if (exercise.kind === 'reps' && exercise.awayWord === 'up') return 'top of the rep';
  return exercise.kind === 'reps' ? 'deepest moment' : 'the moment';
}

/** How far a fault is past its limit, to pick the worst rep (larger is worse). */
function badness(v: Verdict): number {
  if (v.value === undefined || v.threshold === undefined) return 0;
  return FAULT_BELOW_LIMIT.has(v.check) ? v.threshold - v.value : v.value - v.threshold;
}

/** A warning is worse than a note (tempo's bounce than its "lower over 3 s"). */
const rank = (v: Verdict): number => (v.severity === 'warn' ? 1 : 0);

function targetText(v: Verdict): string {
  if (v.value === undefined) return v.message;
  const value = withUnit(v.value, v.unit);
  const limit = v.threshold === undefined ? '' : withUnit(v.threshold, v.unit);
  switch (v.check) {
    case 'depth':
      return `thighs ${Math.abs(v.value)}° ${v.value <= 0 ? 'below' : 'above'} level; aim for level (within ${limit})`;
    case 'lunge-depth':
      return `front knee bent to ${value}; aim for about 90° (at most ${limit})`;
    case 'knee-valgus':
      return `knees ${v.value.toFixed(2)}× the ankles' width apart; keep them at least ${v.threshold ?? 1}× (over the feet)`;
    case 'forward-lean':
      // From the front or behind the trunk is judged against vertical alone (forward-lean.ts).
      return v.unit === FROM_VERTICAL
        ? `trunk ${value}; at most ${limit} (from the front or behind only a deep fold shows: the lean against the shins is judged side on)`
        : `trunk ${againstShins(v.value)}; at most ${limit} more`;
    case 'tempo':
      return `${v.value} s`;
    case 'heel-lift':
      // The heel point against where it stood, as a share of the shin (the model's heel point
      // rises a little with a forward shin even on a flat foot: a rise, not a height in cm).
      return v.value > 0
        ? `heel ${percentOf(v.value)} of a shin length above standing; a lift reads over ${percentOf(v.threshold ?? NaN)}`
        : `heel no higher than standing; a lift reads over ${percentOf(v.threshold ?? NaN)} of a shin length`;
    case 'head-bob':
      return `head moved ${v.value} % of your height; keep under ${v.threshold ?? ''} %`;
    case 'hold-position':
      return `hips moved ${value} from where the hold settled, towards leaving the pose; keep within ${limit}`;
    default:
      return `${value}${limit === '' ? '' : ` (limit ${limit})`}`;
  }
}

/**
 * What a pass cannot vouch for, said with it: a heel lift of a few centimetres reads inside
 * BlazePose's own bias on flat feet (form-checks.md, "Heel lift"), so a pass means no large lift.
 */
const PASS_CAVEAT: Partial<Record<CheckId, string>> = {
  'heel-lift': ' (a lift of a few centimetres does not show to the pose model)',
};

/** A share as a whole percentage: 0.12 → "12 %". */
const percentOf = (share: number): string => `${Math.round(share * 100)} %`;

/** What to do about a fault, in a few words (the measured value and target follow it). */
function cueText(v: Verdict): string {
  switch (v.check) {
    case 'depth':
    case 'lunge-depth':
      return 'Go deeper';
    case 'knee-valgus':
      return v.side === 'left' || v.side === 'right'
        ? `${v.side === 'left' ? 'Left' : 'Right'} knee caving in, push it out over your toes`
        : 'Knees caving in, push them out over your toes';
    case 'forward-lean':
      return 'Chest up';
    case 'heel-lift':
      return 'Heels down, push through the whole foot';
    case 'head-bob':
      return 'Keep your head still';
    case 'hold-position':
      return (v.cue ?? v.message).replace(/[.:]\s*$/, '');
    default:
      return v.message.replace(/[.:]\s*$/, '');
  }
}

/**
 * A fault's line: the cue, then the measured value against the target. Tempo's message says both;
 * a lean can break either of two limits, so its line gives both measures and both limits.
 */
function fixText(v: Verdict, strictness: Strictness): string {
  const said = v.message.replace(/\.$/, '');
  const text =
    v.check === 'tempo'
      ? said
      : v.check === 'forward-lean'
        ? v.unit === FROM_VERTICAL
          ? `${said}; keep it within ${LIMITS.trunkFromVerticalDeg[strictness]}° of vertical`
          : `${said}; keep it within ${LIMITS.trunkOverTibiaDeg[strictness]}° of the shins and ${LIMITS.trunkFromVerticalDeg[strictness]}° of vertical`
        : `${cueText(v)}: ${targetText(v)}`;
  return isBorderline(v) ? borderlineText(text) : text;
}

/**
 * How a pass's line opens: "Good", or "Borderline" when the rep nearest its limit passed by less
 * than about half the measure's error (or on keypoints the model was unsure of), as a fault that
 * close says it is a close call: read again, such a rep can land on either side (form-checks.md,
 * "Repeatability").
 */
const passOpening = (v: Verdict): string => (isBorderline(v) ? 'Borderline' : 'Good');

/** One line for a check from its verdicts on every rep: the worst rep decides. */
function lineFromVerdicts(
  check: CheckId,
  verdicts: readonly (Verdict & { atSec: number })[],
  strictness: Strictness,
): FormCheckLine {
  const label = LABELS[check];
  const judged = verdicts.filter((v) => v.status !== 'cannot-judge');
  if (judged.length === 0)
    return { check, label, status: 'cannot-judge', text: verdicts[0]?.message ?? 'Not seen.' };
  const faults = judged.filter((v) => v.status === 'fault');
  const worst = [...(faults.length > 0 ? faults : judged)].sort(
    (a, b) => rank(b) - rank(a) || badness(b) - badness(a),
  )[0];
  if (worst === undefined) return { check, label, status: 'cannot-judge', text: 'Not seen.' };
  const measured = {
    ...(worst.value === undefined ? {} : { value: worst.value }),
    ...(worst.threshold === undefined ? {} : { threshold: worst.threshold }),
    unit: worst.unit,
    atSec: worst.atSec,
  };
  if (faults.length === 0)
    return {
      check,
      label,
      status: 'pass',
      text: `${passOpening(worst)}: ${targetText(worst)}${PASS_CAVEAT[check] ?? ''}.`,
      ...measured,
    };
  const tail =
    faults.length === judged.length ? '' : ` (${faults.length} of ${judged.length} reps)`;
  return {
    check,
    label,
    status: 'fix',
    text: `${fixText(worst, strictness)}${tail}.`,
    ...measured,
  };
}

const repVerdicts = (reps: readonly RepReport[], check: CheckId) =>
  reps.flatMap((r) =>
    r.verdicts.filter((v) => v.check === check).map((v) => ({ ...v, atSec: r.bottomSec })),
  );

/**
 * The reps a check's line is judged on: those seen from the view it is measured exactly from
 * (depth and lean side on, valgus from the front), when any of them judged it; else all of them.
 * A two-part check thus reports depth from its side-on reps, and a set filmed from one view is
 * judged on all its reps.
 */
function repsForCheck(reps: readonly RepReport[], check: CheckId): readonly RepReport[] {
  const best =
    check === 'head-bob' || check === 'hold-position' ? 'any' : REP_CHECKS[check].view.best;
  if (best === 'any') return reps;
  const fromBest = reps.filter(
    (r) =>
      r.view === best && r.verdicts.some((v) => v.check === check && v.status !== 'cannot-judge'),
  );
  return fromBest.length > 0 ? fromBest : reps;
}

/**
 * A hold's "position kept" line, for the poses that say where to stay: its still is the moment the
 * hips had moved too far, when they did.
 */
function positionLine(report: Report): FormCheckLine[] {
  const position = report.verdicts?.find((v) => v.check === 'hold-position');
  if (position === undefined) return [];
  const moved = report.faults.find((f) => f.code === 'hold-drift')?.atSec;
  const line = lineFromVerdicts(
    'hold-position',
    [{ ...position, atSec: moved ?? 0 }],
    report.strictness,
  );
  return [moved === undefined ? withoutMoment(line) : line];
}

/**
 * The verdict card's lines for one form check: the report of each of its parts (one per view; a
 * recorded video is one part).
 */
export function formCheckLines(
  exercise: ExerciseDef,
  parts: Report | readonly Report[],
): FormCheckLine[] {
  const reports: readonly Report[] = Array.isArray(parts) ? parts : [parts];
  const report = reports[reports.length - 1];
  if (report === undefined) return [];
  switch (exercise.kind) {
    case 'reps': {
      const reps = reports.flatMap((r) => r.reps ?? []);
      const faults = reports.flatMap((r) => r.faults);
      if (reps.length === 0) {
        // Quick small lifts were seen but not counted (quick-lifts.ts): say that, not "no rep".
        const quick = faults.find((f) => f.rep === undefined);
        return [
          {
            check: 'depth',
            label: 'Reps',
            status: 'cannot-judge',
            text:
              quick === undefined
                ? 'No rep was seen: stand where your whole body is in view and do the reps slowly.'
                : `No rep was counted. ${quick.message}`,
          },
        ];
      }
      const checks = exercise.checks.filter((c) => !NOTE_ONLY_CHECKS.has(c));
      const withTempo =
        exercise.prescription.tempo === undefined
          ? checks
          : [...new Set([...checks, 'tempo' as const])];
      // Bouncing between the counted reps (quick-lifts.ts) breaks the tempo whatever the reps did.
      const bouncing = faults.find((f) => f.rep === undefined && f.code === 'tempo');
      return withTempo.map((c) =>
        c === 'tempo' && bouncing !== undefined
          ? {
              check: c,
              label: LABELS.tempo,
              status: 'fix',
              text: bouncing.message.replace(/\.$/, ''),
              atSec: bouncing.atSec,
            }
          : lineFromVerdicts(c, repVerdicts(repsForCheck(reps, c), c), report.strictness),
      );
    }
    case 'hold':
      return [holdLine(report), ...positionLine(report)];
    case 'circles': {
      const bob = report.verdicts?.find((v) => v.check === 'head-bob');
      const circles = (report.circles?.clockwise ?? 0) + (report.circles?.anticlockwise ?? 0);
      const lines: FormCheckLine[] = [
        circles > 0
          ? {
              check: 'hold',
              label: 'Circles',
              status: 'pass',
              text: `${circles} circle${circles === 1 ? '' : 's'} seen.`,
            }
          : {
              check: 'hold',
              label: 'Circles',
              status: 'cannot-judge',
              text: 'No circle was seen: make them bigger and slower.',
            },
      ];
      if (exercise.headStill && bob !== undefined) {
        // The still is of the circle the head moved most in, when it moved too much.
        const bobbed = report.faults
          .filter((f) => f.code === 'head-bob')
          .reduce<Fault | undefined>(
            (a, f) => (a === undefined || f.value > a.value ? f : a),
            undefined,
          )?.atSec;
        const line = lineFromVerdicts(
          'head-bob',
          [{ ...bob, atSec: bobbed ?? 0 }],
          report.strictness,
        );
        lines.push(bobbed === undefined ? withoutMoment(line) : line);
      }
      return lines;
    }
    case 'walk': {
      const steps = report.steps ?? 0;
      const faults = report.faults.filter((f) => f.severity === 'warn');
      return [
        steps < 2
          ? {
              check: 'hold',
              label: 'Steps',
              status: 'cannot-judge',
              text: 'Too few steps seen: walk across the view, side on.',
            }
          : faults.length === 0
            ? { check: 'hold', label: 'Walk', status: 'pass', text: `${steps} steps, form held.` }
            : {
                check: 'hold',
                label: 'Walk',
                status: 'fix',
                text: `${faults[0]?.message ?? ''} (${faults.length} of ${steps} steps).`,
                atSec: faults[0]?.atSec ?? 0,
              },
      ];
    }
  }
}

/**
 * A form check's hold is kept when one unbroken hold lasts {@link HOLD_KEPT_SEC}: the time held in
 * all counts a workout's hold, but three holds of 3.5 s broken by the arms coming down (Warrior I
 * on a looped camera) had passed as "In position for 10.0 s".
 */
export const HOLD_KEPT_SEC = 5;

function holdLine(report: Report): FormCheckLine {
  const held = report.heldSeconds ?? 0;
  const holds = report.holds ?? [];
  const longest = [...holds].sort((a, b) => b.seconds - a.seconds)[0];
  const inAll =
    holds.length > 1 ? ` in ${holds.length} holds, the longest ${s1(longest?.seconds ?? 0)} s` : '';
  const base = { check: 'hold', label: LABELS.hold, value: held, unit: 's' } as const;
  if (longest !== undefined && longest.seconds >= HOLD_KEPT_SEC)
    // The still: the middle of the longest hold.
    return {
      ...base,
      status: 'pass',
      text: `In position for ${s1(held)} s${inAll}.`,
      atSec: round2((longest.startSec + longest.endSec) / 2),
    };
  // The still: the moment the longest hold broke, or the first that did.
  const broken = longest?.endedBecause !== undefined ? longest : holds.find((h) => h.endedBecause);
  const keep = `keep it ${HOLD_KEPT_SEC} s or more`;
  const text =
    longest === undefined
      ? 'Not in position yet: no time in the pose.'
      : holds.length > 1
        ? `${broken?.endedBecause ?? 'Left the pose'}: the pose broke after ${s1(longest.seconds)} s at the longest (${s1(held)} s in ${holds.length} holds); ${keep}.`
        : longest.endedBecause !== undefined
          ? `${longest.endedBecause}: only ${s1(held)} s in the pose; ${keep}.`
          : `Only ${s1(held)} s in the pose before the end; ${keep}.`;
  return {
    ...base,
    status: 'fix',
    text,
    ...(broken === undefined ? {} : { atSec: broken.endSec }),
  };
}

const s1 = (sec: number): string => sec.toFixed(1);
