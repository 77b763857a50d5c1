import { REP_CHECKS } from '../engine/checks/judge-rep.ts';
import { FROM_VERTICAL } from '../engine/checks/forward-lean.ts';
import type { Report } from '../engine/report.ts';
import type { ClipLabel, ViewClass } from './score.ts';
import { viewClass } from './score.ts';

/**
 * The values each check measured on the labelled reps, split by whether the label has that fault:
 * the separation a check's limit sits in (form-checks.md shows it).
 */
export interface Separation {
  readonly check: string;
  readonly view: ViewClass;
  readonly faulty: readonly number[];
  readonly clean: readonly number[];
}

/** The faults a label gives the rep whose bottom is at this time: its own, or the clip's. */
export function labelledFaultsAt(label: ClipLabel, bottomSec: number): readonly string[] {
  const perRep = label.perRep?.find((p) => Math.abs(p.bottomSec - bottomSec) < 1);
  return perRep?.faults ?? label.faults ?? [];
}

export function separations(
  runs: readonly { readonly label: ClipLabel; readonly report: Report }[],
): Separation[] {
  const byKey = new Map<string, { faulty: number[]; clean: number[] }>();
  for (const { label, report } of runs) {
    const optional = new Set(label.faultsOptional ?? []);
    for (const rep of report.reps ?? []) {
      const faults = labelledFaultsAt(label, rep.bottomSec);
      for (const v of rep.verdicts) {
        if (v.value === undefined || v.status === 'cannot-judge') continue;
        const code = REP_CHECKS[v.check as keyof typeof REP_CHECKS]?.code ?? v.check;
        if (optional.has(code)) continue;
        // A lean judged from the front or behind is the trunk's angle from vertical, not its lean past
        // the shins (forward-lean.ts): a measure of its own.
        const check = v.unit === FROM_VERTICAL ? `${v.check} (trunk from vertical)` : v.check;
        const key = `${check}|${viewClass(label.view)}`;
        const entry = byKey.get(key) ?? { faulty: [], clean: [] };
        (faults.includes(code) ? entry.faulty : entry.clean).push(v.value);
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.entries()]
    .map(([key, e]) => {
      const [check = '', view = 'front'] = key.split('|');
      return { check, view: view as ViewClass, faulty: e.faulty, clean: e.clean };
    })
    .sort((a, b) => a.check.localeCompare(b.check) || a.view.localeCompare(b.view));
}

/** "min / median / max (n)" of some values. */
export function spread(values: readonly number[], decimals?: number): string {
  if (values.length === 0) return '';
  const s = [...values].sort((a, b) => a - b);
  const f = (x: number | undefined) =>
    decimals === undefined ? String(x ?? 0) : (x ?? 0).toFixed(decimals);
  return `${f(s[0])} / ${f(s[Math.floor(s.length / 2)])} / ${f(s[s.length - 1])} (${s.length})`;
}
