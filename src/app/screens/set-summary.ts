import type { Fault } from '../../engine/faults.ts';
import { holdEndWords } from '../../engine/hold-end.ts';
import { depthInWords, type HoldReport } from '../../engine/report.ts';
import { setFix } from '../../engine/set-end-words.ts';
import { setNotes, type SetRecord } from '../../storage/set-record.ts';
import { el } from '../dom.ts';
import { keptFormCheck } from './kept-form-check.ts';

/** Seconds to one decimal; a phase not measured (the pause before a set's first rep) as a dash. */
const s1 = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));

/**
 * Whether a hold's hips stayed where it settled (hold-position.ts): how far they moved when that
 * was too far (the set's fault says so), "stayed" otherwise; a dash where not judged (a hold under
 * 4 s, a pose with no position to keep, a set kept before this was measured).
 */
function hipsInHold(hold: HoldReport, faults: readonly Fault[]): string {
  if (hold.driftShanks === undefined) return '–';
  return movedInHold(hold, faults) ? `moved ${hold.driftShanks.toFixed(2)} shank` : 'stayed';
}

const movedInHold = (hold: HoldReport, faults: readonly Fault[]): boolean =>
  faults.some((f) => f.code === 'hold-drift' && f.atSec >= hold.startSec && f.atSec <= hold.endSec);

/**
 * A set's holds in one word, as `hipsInHold` says each: the furthest the hips moved where a hold's
 * moved too far, "stayed" where every judged hold stayed, undefined where none was judged.
 */
export function hipsInSet(record: SetRecord): string | undefined {
  const judged = record.holds.filter((h) => h.driftShanks !== undefined);
  if (judged.length === 0) return undefined;
  const moved = judged.filter((h) => movedInHold(h, record.faults));
  if (moved.length === 0) return 'stayed';
  return `moved ${Math.max(...moved.map((h) => h.driftShanks ?? 0)).toFixed(2)} shank`;
}

/** Whether a set counted anything at all: a rep, a held second, a circle or a step. */
export function countedSomething(record: SetRecord): boolean {
  return (
    record.reps.length > 0 ||
    record.holds.length > 0 ||
    record.heldSeconds > 0 ||
    record.circles.clockwise + record.circles.anticlockwise > 0 ||
    record.steps > 0
  );
}

/**
 * The heading over the last set of an exercise: "complete" only where something was done; a set
 * in which nothing was counted (never in position, a video of something else) just ended.
 */
export function lastSetHeading(record: SetRecord): string {
  return `${record.exerciseName} ${countedSomething(record) ? 'complete' : 'ended'}.`;
}

/** A set's table: each rep with its tempo and faults, or the holds; plus a one-line verdict. */
export function setSummary(record: SetRecord, title: string): HTMLElement {
  const faults = record.faults.filter((f) => f.severity === 'warn').length;
  const line =
    record.reps.length > 0
      ? `${record.reps.length} rep${record.reps.length === 1 ? '' : 's'}, ${faults === 0 ? 'no form faults' : `${faults} form fault${faults === 1 ? '' : 's'}`}.`
      : record.holds.length > 0 || record.heldSeconds > 0
        ? `Held ${s1(record.heldSeconds)} s in ${record.holds.length} hold${record.holds.length === 1 ? '' : 's'}.`
        : record.circles.clockwise + record.circles.anticlockwise > 0
          ? `${record.circles.clockwise} circles clockwise, ${record.circles.anticlockwise} anticlockwise.`
          : record.steps > 0
            ? `${record.steps} steps.`
            : 'Nothing was counted.';
  // The one thing to fix over the set, as the voice said it when the set ended.
  const fix = setFix({
    faults: record.faults,
    repCount: record.reps.length,
    holds: record.holds,
    reps: record.reps,
  });
  const rows = record.reps.map((r) =>
    el(
      'tr',
      {},
      el('td', {}, String(r.index)),
      el(
        'td',
        {},
        `${s1(r.phases.downSec)} / ${s1(r.phases.bottomSec)} / ${s1(r.phases.upSec)} / ${s1(r.phases.topSec)}`,
      ),
      el('td', {}, depthInWords(r) ?? ''),
      el('td', {}, r.faults.length === 0 ? '✓' : r.faults.map((f) => f.message).join(' ')),
    ),
  );
  const holdRows = record.holds.map((h, i) =>
    el(
      'tr',
      {},
      el('td', {}, String(i + 1)),
      el('td', {}, `${s1(h.seconds)} s`),
      el('td', {}, hipsInHold(h, record.faults)),
      // A hold with no break ended with the set: its time reached, End set, or the video's end.
      el('td', {}, holdEndWords(h.endedBecause) ?? 'set done'),
    ),
  );
  return el(
    'div',
    { class: 'set-summary', 'data-set': String(record.set) },
    el('h4', {}, title),
    el('p', { 'data-summary-line': '' }, line),
    fix !== undefined && el('p', { class: 'set-fix', 'data-set-fix': '' }, fix),
    // A form check kept in the history: its card's lines and stills, as the person kept them.
    record.formCheck !== undefined && keptFormCheck(record.formCheck),
    ...setNotes(record).map((n) => el('p', { class: 'set-note', 'data-set-note': '' }, n)),
    rows.length > 0 && table(['Rep', 'Down / bottom / up / top (s)', 'Depth', 'Form'], rows),
    holdRows.length > 0 && table(['Hold', 'Time', 'Hips', 'Ended'], holdRows),
  );
}

/** A table with one heading per column over its rows. */
function table(headings: readonly string[], rows: readonly HTMLElement[]): HTMLElement {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows),
  );
}
