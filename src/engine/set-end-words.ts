import { RANGE_FAULTS } from './cues.ts';
import type { Fault, FaultCode } from './faults.ts';
import { OUT_OF_VIEW } from './hold-end.ts';
import { REP_CHECKS } from './checks/judge-rep.ts';
import { REP_CHECK_IDS, type CheckId } from './checks/check-id.ts';
import type { RepReport, Report } from './report.ts';

/**
 * What is said when a set ends. A person two metres away hears each rep's count and now and then
 * a cue, at most one every 2.5 s (cues.ts): the cue of a rep that follows another closely is not
 * said (the real valgus clip's last rep, 1.9 s after the one before, went unheard), and "Workout
 * done. Well done!" then praised reps whose knees caved in. So the end of a set says the one thing
 * to fix from the whole set, the fault found on the most reps and on how many ("Set 1 done. On 2
 * of 3 reps: knees out. Rest."); a set without a warning ends as before.
 */
export function setEndWords(set: number, final: boolean, fix?: string): string {
  if (final) return fix === undefined ? 'Workout done. Well done!' : `Workout done. ${fix}`;
  return fix === undefined ? `Set ${set} done. Rest.` : `Set ${set} done. ${fix} Rest.`;
}

/**
 * The thing to fix from a set's report, in a few words, or undefined when there is none: of the
 * warnings, the one on the most reps (then form before depth, then the surer one, then the one
 * further from its limit; a fault of no rep, a run of bounces, is named without a count), else the
 * part of the prescribed tempo missed on the most reps, else how often a hold broke.
 */
export function setFix(
  report: Pick<Report, 'faults' | 'repCount' | 'holds'> & { readonly reps?: SetReps },
): string | undefined {
  return faultFix(report) ?? holdFix(report);
}

/** The reps of a set, with each check's verdict: a check not judged on a rep is not counted on it. */
type SetReps = readonly Pick<RepReport, 'verdicts'>[];

/**
 * How many of the set's reps a fault's check judged: reps it could not judge (tempo with the way
 * down out of sight, say) are neither with the fault nor without it ("On 1 of 3 reps" said of a
 * set whose other two were not timed read as if they had been on tempo).
 */
function judgedReps(code: FaultCode, repCount: number, reps: SetReps | undefined): number {
  if (reps === undefined) return repCount;
  const codeOf = (check: CheckId) => {
    const id = REP_CHECK_IDS.find((r) => r === check);
    return id === undefined ? undefined : REP_CHECKS[id].code;
  };
  const notJudged = reps.filter((r) =>
    r.verdicts.some((v) => v.status === 'cannot-judge' && codeOf(v.check) === code),
  ).length;
  return Math.max(0, repCount - notJudged);
}

/**
 * A hold that broke (the clock stood still until the pose was back): how often, and the bound
 * broken most ("The pose broke 2 times: sit lower."). Each break was also said as it happened
 * ("Sit lower. Hold it.").
 */
function holdFix(report: Pick<Report, 'holds'>): string | undefined {
  const reasons = (report.holds ?? []).flatMap((h) =>
    h.endedBecause === undefined
      ? []
      : [h.endedBecause === OUT_OF_VIEW ? 'Stay in view' : h.endedBecause],
  );
  const said = (r: string) => reasons.filter((x) => x === r).length;
  const most = [...new Set(reasons)].sort((a, b) => said(b) - said(a))[0];
  if (most === undefined) return undefined;
  const times = reasons.length === 1 ? 'once' : `${reasons.length} times`;
  return `The pose broke ${times}: ${lowerFirst(most)}.`;
}

function faultFix(
  report: Pick<Report, 'faults' | 'repCount'> & { readonly reps?: SetReps },
): string | undefined {
  // Without a warning, the prescribed tempo missed ("Lowered in 0.7 s, aim for 3 s": advice, said
  // once in 12 s mid-set) is what the person was asked for and did not do; other advice is not.
  const warnings = report.faults.filter((f) => f.severity === 'warn');
  const pool = warnings.length > 0 ? warnings : report.faults.filter((f) => f.code === 'tempo');
  const groups = new Map<string, Fault[]>();
  for (const f of pool) groups.set(fixOf(f), [...(groups.get(fixOf(f)) ?? []), f]);
  const reps = (faults: readonly Fault[]) =>
    new Set(faults.flatMap((f) => (f.rep === undefined ? [] : [f.rep]))).size;
  const sure = (faults: readonly Fault[]) => Math.max(...faults.map((f) => f.confidence ?? 1));
  const missedBy = (faults: readonly Fault[]) => Math.max(...faults.map(shortfall));
  // Of faults on as many reps, form before depth (cues.ts, `RANGE_FAULTS`), then the surer, then
  // the one further from its limit.
  const range = (faults: readonly Fault[]) =>
    RANGE_FAULTS.has(faults[0]?.code ?? 'tempo') ? 1 : 0;
  const worst = [...groups.values()].sort(
    (a, b) =>
      reps(b) - reps(a) || range(a) - range(b) || sure(b) - sure(a) || missedBy(b) - missedBy(a),
  )[0];
  if (worst === undefined) return undefined;
  // Counted on reps, said in the reps' words (a run of bounces between them has its own).
  const ofReps = worst.filter((f) => f.rep !== undefined);
  const cue = lowerFirst(setCue(ofReps.length > 0 ? ofReps : worst));
  const n = reps(worst);
  const code = worst[0]?.code;
  const of =
    code === undefined
      ? (report.repCount ?? 0)
      : judgedReps(code, report.repCount ?? 0, report.reps);
  if (n === 0 || of === 0) return `Next time: ${cue}`;
  // Some reps not judged: the count says of which reps ("On both reps" after a set of three read
  // as if the person had done two).
  const checked = of < (report.repCount ?? 0) ? ' checked' : '';
  if (n < of) return `On ${n} of ${of} reps${checked}: ${cue}`;
  if (of === 1) return `Next time: ${cue}`;
  if (checked !== '') return `On the ${of} reps checked: ${cue}`;
  return of === 2 ? `On both reps: ${cue}` : `On all ${of} reps: ${cue}`;
}

/**
 * The one fix a fault asks for. Each part of the prescribed tempo is its own ("Lower over 3
 * seconds." and "Hold the top 1 second."): a set whose first raise's top was short and whose last
 * raise dropped had said "On the 2 reps checked: hold the top 1 second." of a rep lowered in
 * 0.4 s. Any other fault is one fix whichever side or rep it is on (bouncing between reps and on
 * one is one: control the bottom).
 */
function fixOf(f: Fault): string {
  return f.code === 'tempo' && f.severity === 'info'
    ? `tempo: ${withoutBorderline(f.cue ?? f.message)}`
    : f.code;
}

/** How far a value fell from its limit, as a fraction of the limit (0 where there is none). */
function shortfall(f: Fault): number {
  return f.threshold === undefined || f.threshold === 0
    ? 0
    : Math.abs(f.value - f.threshold) / Math.abs(f.threshold);
}

/** The cue of one kind of fault over a set: theirs when all agree, else one for the whole set. */
function setCue(faults: readonly Fault[]): string {
  const cues = faults.map((f) => withoutBorderline(f.cue ?? f.message));
  const distinct = [...new Set(cues)];
  if (distinct.length === 1) return distinct[0] ?? '';
  // "Left knee out." on one rep and "Right knee out." on another: both knees, over the set.
  const code = faults[0]?.code;
  if (code !== undefined && SET_CUES[code] !== undefined) return SET_CUES[code];
  const said = (c: string) => cues.filter((x) => x === c).length;
  return distinct.sort((a, b) => said(b) - said(a))[0] ?? '';
}

/** Cues for a whole set where its reps' cues differ by side. */
const SET_CUES: Partial<Record<FaultCode, string>> = { 'knee-valgus': 'Knees out.' };

/** Over a set the count says how often; "borderline" was about one rep's value. */
const withoutBorderline = (cue: string): string => {
  const rest = cue.replace(/^Borderline\. /, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
};

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
