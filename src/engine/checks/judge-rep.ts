import { msToSec } from '../../geometry/stats.ts';
import type { Fault } from '../faults.ts';
import type { RepCheckId } from './check-id.ts';
import { depthCheck } from './depth.ts';
import { forwardLeanCheck } from './forward-lean.ts';
import { heelLiftCheck } from './heel-lift.ts';
import { kneeValgusCheck } from './knee-valgus.ts';
import { kneesOverToesCheck } from './knees-over-toes.ts';
import { lungeDepthCheck } from './lunge-depth.ts';
import type { RepCheck } from './rep-check.ts';
import type { RepContext } from './rep-context.ts';
import { repHeightCheck } from './rep-height.ts';
import { tempoCheck } from './tempo.ts';
import { faultOf, type Verdict } from './verdict.ts';

export const REP_CHECKS: Readonly<Record<RepCheckId, RepCheck>> = {
  depth: depthCheck,
  'lunge-depth': lungeDepthCheck,
  'knee-valgus': kneeValgusCheck,
  'heel-lift': heelLiftCheck,
  'forward-lean': forwardLeanCheck,
  'knees-over-toes': kneesOverToesCheck,
  tempo: tempoCheck,
  'rep-height': repHeightCheck,
};

/** Every check the exercise names, on one completed rep: the verdicts and the faults among them. */
export function judgeRep(ctx: RepContext): { verdicts: Verdict[]; faults: Fault[] } {
  const verdicts: Verdict[] = [];
  const faults: Fault[] = [];
  const atSec = msToSec(ctx.rep.peakMs);
  for (const id of ctx.exercise.checks) {
    const check = REP_CHECKS[id];
    for (const v of check.judge(ctx)) {
      verdicts.push(v);
      const fault = faultOf(v, check.code, ctx.rep.index, atSec);
      if (fault !== undefined) faults.push(fault);
    }
  }
  return { verdicts, faults };
}
