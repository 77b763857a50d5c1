import { CHECK_NAMES } from '../engine/checks/check-id.ts';
import { onlyJustPassed } from '../engine/checks/verdict.ts';
import { phasesLine } from '../engine/phases.ts';
import type { RepReport } from '../engine/report.ts';

/**
 * "Rep 3: down 1.2 s, bottom 0.3 s, up 0.9 s. Knees out: …"; with no fault, the checks it passed
 * by less than about half their measure's error named, as the form-check card says them
 * ("Good form, borderline on depth.": the card's "Borderline"; "only just: knee valgus" read as a
 * little valgus).
 */
export function repLine(rep: RepReport, awayWord: 'down' | 'up'): string {
  const onlyJust = onlyJustPassed(rep.verdicts).map((v) => CHECK_NAMES[v.check].toLowerCase());
  const form =
    rep.faults.length > 0
      ? rep.faults.map((f) => f.message).join(' ')
      : `Good form${onlyJust.length === 0 ? '' : `, borderline on ${onlyJust.join(' and ')}`}.`;
  return `Rep ${rep.index}: ${phasesLine(rep.phases, awayWord)}. ${form}`;
}
