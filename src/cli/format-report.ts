import { CHECK_NAMES, NOTE_ONLY_CHECKS } from '../engine/checks/check-id.ts';
import { onlyJustPassed, type Verdict } from '../engine/checks/verdict.ts';
import type { Fault } from '../engine/faults.ts';
import { holdEndWords } from '../engine/hold-end.ts';
import { EXERCISES } from '../engine/catalog.ts';
import { phasesLine } from '../engine/phases.ts';
import { depthInWords, withUnit, type Report, type RepReport } from '../engine/report.ts';

/**
 * A measured fault's (or a close pass's) value, limit and confidence, as a person reads it. Tempo's
 * message already says the time and the target ("Lowered in 0.4 s, aim for 3 s."); its limit, a
 * share of the target, would read as a second target.
 */
const sureness = (f: Fault | Verdict): string =>
  f.confidence === undefined ||
  f.value === undefined ||
  f.threshold === undefined ||
  ('code' in f ? f.code : f.check) === 'tempo'
    ? ''
    : ` (${withUnit(f.value, f.unit)} against ${withUnit(f.threshold, f.unit)}, confidence ${Math.round(f.confidence * 100)} %)`;

/** Where the camera stood, as a person says it (unknown: no view held most of the frames). */
const viewInWords = (view: Report['view'], facing: Report['facing']): string =>
  view === 'unknown'
    ? 'filmed neither from the front nor from the side'
    : view === 'front' && facing === 'away'
      ? 'filmed from behind'
      : `filmed from the ${view}`;

/** A rep's view, where it differs from the set's (a set filmed from the front, then side-on). */
function repViewWords(view: RepReport['view'], setView: Report['view']): string {
  if (view === undefined || view === 'unknown') return '';
  if (view === setView || (view === 'three-quarter' && setView === 'unknown')) return '';
  return view === 'front'
    ? ', seen from the front'
    : view === 'side'
      ? ', seen side-on'
      : ', seen at 3/4';
}

/** The report as a person reads it in a terminal. */
export function formatReport(r: Report): string {
  const lines: string[] = [];
  lines.push(
    `${r.source === undefined ? '' : `${r.source}: `}${r.exercise}: ${r.durationSec.toFixed(1)} s, ${viewInWords(r.view, r.facing)} (form judged ${r.strictness})`,
  );
  if (r.repCount !== undefined) {
    lines.push(`reps: ${r.repCount}`);
    // Phases in the order the person moves: a squat goes down first, a raise up.
    const exercise = EXERCISES.find((e) => e.id === r.exercise);
    const away = exercise?.kind === 'reps' ? exercise.awayWord : 'down';
    for (const rep of r.reps ?? []) {
      const words = depthInWords(rep);
      const depth = words === undefined ? '' : `, ${words}`;
      lines.push(
        `  rep ${rep.index} at ${rep.bottomSec.toFixed(1)} s${repViewWords(rep.view, r.view)}: ${phasesLine(rep.phases, away, true)}${depth}`,
      );
      for (const f of rep.faults)
        lines.push(
          `    ${f.severity === 'warn' ? '!' : '-'} ${f.code}: ${f.message}${sureness(f)}`,
        );
      for (const v of onlyJustPassed(rep.verdicts))
        lines.push(`    ~ ${CHECK_NAMES[v.check].toLowerCase()}: passed only just${sureness(v)}`);
    }
    const unjudged = new Map<string, { why: string; reps: number }>();
    for (const rep of r.reps ?? [])
      for (const v of rep.verdicts)
        if (v.status === 'cannot-judge' && !NOTE_ONLY_CHECKS.has(v.check))
          unjudged.set(v.check, { why: v.message, reps: (unjudged.get(v.check)?.reps ?? 0) + 1 });
    const reps = r.reps?.length ?? 0;
    for (const [check, { why, reps: n }] of unjudged)
      lines.push(`  ${check} not judged${n < reps ? ` on ${n} of ${reps} reps` : ''}: ${why}`);
    for (const p of r.partials ?? [])
      lines.push(`  not counted at ${p.atSec.toFixed(1)} s: ${p.reason}`);
  }
  if (r.holds !== undefined) {
    lines.push(
      `held: ${(r.heldSeconds ?? 0).toFixed(1)} s in ${r.holds.length} hold${r.holds.length === 1 ? '' : 's'}`,
    );
    // A hold is its start and its length: an end printed too would disagree with them after
    // rounding (4.42-7.46 s is 3.04 s, printed "4.4-7.5 s: 3.0 s").
    for (const h of r.holds) {
      const ended = holdEndWords(h.endedBecause);
      lines.push(
        `  from ${h.startSec.toFixed(1)} s: held ${h.seconds.toFixed(1)} s${h.driftShanks === undefined ? '' : `, hips moved ${Math.max(0, h.driftShanks).toFixed(2)} shank from where they settled`}${ended === undefined ? '' : ` (ended: ${ended})`}`,
      );
    }
  }
  if (r.circles !== undefined)
    lines.push(
      `circles: ${r.circles.clockwise} clockwise, ${r.circles.anticlockwise} anticlockwise`,
    );
  if (r.steps !== undefined) lines.push(`steps: ${r.steps}`);
  const loose = r.faults.filter((f) => f.rep === undefined || r.reps === undefined);
  for (const f of loose)
    lines.push(
      `  ${f.severity === 'warn' ? '!' : '-'} ${f.code} at ${f.atSec.toFixed(1)} s: ${f.message}${sureness(f)}`,
    );
  // The set's own checks (head still over the circles, hips kept over a hold), said as a rep's
  // are: a fault is above; here what was not judged and why, and a pass by a whisker.
  for (const v of r.verdicts ?? []) {
    if (v.status === 'cannot-judge' && !NOTE_ONLY_CHECKS.has(v.check))
      lines.push(`  ${v.check} not judged: ${v.message}`);
  }
  for (const v of onlyJustPassed(r.verdicts ?? []))
    lines.push(`  ~ ${CHECK_NAMES[v.check].toLowerCase()}: passed only just${sureness(v)}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}
