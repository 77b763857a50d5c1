import { round2 } from '../../geometry/stats.ts';
import type { Side } from '../../pose/skeleton.ts';
import { heelAboveToe, shinInclinationInPlaneDeg } from './measures.ts';
import type { RepCheck } from './rep-check.ts';
import { atBottom, medianOver, type RepContext } from './rep-context.ts';
import { heldToLimit } from './held-to-limit.ts';
import { LIMITS, type Limit } from './thresholds.ts';
import { cannotJudge, fault, pass } from './verdict.ts';
import { DEFAULT_MODEL, MODELS } from '../../pose/model-catalog.ts';

/**
 * Heel rise at the bottom against standing, in standing shank lengths, of the foot seen better
 * there (the lower of its heel and toe scores, median over the bottom). Side on, the far foot is behind the near one and its points
 * are the model's guess: on `squat_side_knees_far_past_toes_demo` the far heel (scores 0.6-0.7)
 * swings 0.06-0.33 shank above its toe from one frame to the next while the near one (0.98) moves
 * smoothly, so "the higher heel" judged the guess. Both heels rise together in a squat. Only the
 * bottom counts: heels rising while standing back up (into a calf raise) is not this fault.
 */
export function heelRiseAtBottom(ctx: RepContext): { side: Side; rise: number } | undefined {
  const standing = ctx.standing;
  if (standing === undefined) return undefined;
  const bottom = atBottom(ctx);
  const rises = (['left', 'right'] as const).flatMap((side) => {
    const shank = standing.shank[side];
    const before = standing.heelAboveToe[side];
    const now = medianOver(bottom, (f) => heelAboveToe(f.body, side));
    const seen = medianOver(bottom, (f) =>
      Math.min(f.body.score(`${side}_heel`), f.body.score(`${side}_toe`)),
    );
    if (shank === undefined || before === undefined || now === undefined) return [];
    return [{ side, rise: (now - before) / shank, seen: seen ?? 0 }];
  });
  const best = rises.sort((a, b) => b.seen - a.seen)[0];
  return best && { side: best.side, rise: best.rise };
}

const DEG = 180 / Math.PI;

/**
 * How far BlazePose's heel point reads above the toe, against standing, on a flat foot whose shin
 * leans `shinDeg` forward (standing shank lengths): roughly 0.6 × (1 − cos shin), the median per
 * clip of 8 real side-on squat clips with the heels down at each shin angle (-0.04 to +0.08 at
 * 20-30°, +0.07 to +0.11 at 30-40°, +0.17 past 40°; form-checks.md). The model's, not a lift.
 */
export function flatHeelBiasShanks(shinDeg: number): number {
  return 0.6 * (1 - Math.cos(shinDeg / DEG));
}

/**
 * The bias the fixed limits allow for (thresholds.ts: the rendered flat-footed squat's bottom,
 * 0.13, plus twice a still heel's jitter): the bias at a shin about 38° forward.
 */
const BIAS_IN_FIXED_LIMITS = 0.13;

/**
 * How much higher than BlazePose full, the model the limits were set on, this rep's model reads a
 * flat heel (standing shank lengths; model-catalog.ts, `flatHeelReadShanks`): the rendered
 * flat-footed squat reads 0.25-0.28 with lite against full's 0.10-0.11, and lite reads the real
 * side-on squats with the heels down up to 0.27 (median 0.14; full: up to 0.18, median 0.07),
 * 0.07 past the standard limit: a heel-lift fault on each rep of the white-background squats. The
 * limits are the model's flat-heel reading plus twice a still heel's jitter (thresholds.ts), so a
 * model reading flat heels higher gets the difference added. Never less: heavy reads them
 * 0.01-0.03, but a rendered 4 cm lift no higher (0.03-0.04), so a lower limit would find only
 * noise.
 */
export function modelExtraShanks(ctx: RepContext): number {
  const read = MODELS[ctx.poseModel ?? DEFAULT_MODEL].flatHeelReadShanks;
  const base = MODELS[DEFAULT_MODEL].flatHeelReadShanks;
  return read === undefined || base === undefined ? 0 : Math.max(0, read - base);
}

/**
 * The heel-lift limit for this rep, judged on the foot `side`: the fixed limits, raised by how much
 * higher than BlazePose full this rep's model reads a flat heel (`modelExtraShanks`), and side on
 * by as much as the model's flat-heel bias exceeds the bias they allow for, when that foot's shin
 * leans further forward than about 38°. A deep squat with the knees far forward and the heels flat
 * reads its heel higher by the bias alone (the office knees-over-toes squat, no heel lift
 * labelled: 0.18 as filmed and 0.24 mirrored with the shin 50-52° forward, against 0.20), so the
 * fixed limit called the model's bias a lift there. Never lower than the fixed limits, so with the
 * shins upright a lift is judged as before; and the shin's part only side on, where the bias was
 * measured (at 3/4 clean reps read up to 0.06, and the shin's angle is read turned back from a
 * foreshortened picture).
 */
export function heelRiseLimit(ctx: RepContext, side: Side): Limit {
  const l = LIMITS.heelRiseShanks;
  const shinDeg =
    ctx.view === 'side'
      ? medianOver(atBottom(ctx), (f) => shinInclinationInPlaneDeg(f.body, side))
      : undefined;
  const shinExtra =
    shinDeg === undefined ? 0 : Math.max(0, flatHeelBiasShanks(shinDeg) - BIAS_IN_FIXED_LIMITS);
  const extra = shinExtra + modelExtraShanks(ctx);
  if (extra === 0) return l;
  const raised = (v: number) => round2(v + extra);
  return {
    gentle: raised(l.gentle),
    standard: raised(l.standard),
    strict: raised(l.strict),
    error: l.error,
  };
}

/**
 * Heel lift (heels leaving the floor in the squat), side on and at 3/4: the heel's height above the
 * toe is vertical, seen at full length from any side by a level camera, and measured against the
 * person's own standing. From the front the foot points at the camera, the heel is behind it and
 * the heel-to-toe height is mostly perspective. Needs BlazePose's heel and toe.
 */
export const heelLiftCheck: RepCheck = {
  id: 'heel-lift',
  code: 'heel-lift',
  // Side on or at 3/4; from the front the heel is behind the foot.
  view: { best: 'side', only: true },
  judge(ctx) {
    if (ctx.view !== 'side' && ctx.view !== 'three-quarter')
      return [
        cannotJudge('heel-lift', 'Heel lift is hidden from the front: turn side-on.', 'view'),
      ];
    const heel = heelRiseAtBottom(ctx);
    if (heel === undefined)
      return [
        cannotJudge(
          'heel-lift',
          'Heel lift needs the heels and toes seen while standing and at the bottom (a BlazePose model): stand still a moment before the rep with the feet in the picture.',
        ),
      ];
    const { measured, past } = heldToLimit(ctx, heel.rise, heelRiseLimit(ctx, heel.side), {
      unit: 'shank',
      decimals: 2,
      joints: ['heel', 'toe'],
      side: heel.side,
    });
    // A pass says what was not seen, and how small a lift goes unseen: a 4 cm lift reads inside the
    // model's own bias on flat feet (form-checks.md), so "heels stayed down" would claim too much.
    if (!past)
      return [
        pass(
          'heel-lift',
          'shank',
          'No heel lift seen (a lift of a few centimetres is too small for the pose model to show).',
          measured,
        ),
      ];
    return [
      fault('heel-lift', 'Heels down: push through the whole foot.', measured, {
        side: heel.side,
        cue: 'Heels down.',
      }),
    ];
  },
};
