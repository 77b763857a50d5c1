import { analyzeTrack } from '../engine/analyze-track.ts';
import type { PoseTrack } from '../pose/pose-track.ts';
import type { Side } from '../pose/skeleton.ts';
import type { Body } from '../engine/body.ts';
import { depthAtBottom, lowestSustained } from '../engine/checks/depth.ts';
import { leanInPicture, leanMeasuredBy, type Lean } from '../engine/checks/forward-lean.ts';
import { heelRiseAtBottom } from '../engine/checks/heel-lift.ts';
import { kneeAnkleSeparationRatio } from '../engine/checks/knee-valgus.ts';
import { inclinations3d, thighElevation3dDeg } from '../engine/checks/measures.ts';
import { atBottom, medianOver, type RepContext } from '../engine/checks/rep-context.ts';
import type { Verdict } from '../engine/checks/verdict.ts';
import type { Strictness } from '../engine/checks/thresholds.ts';
import type { FrameView } from '../engine/view.ts';
import type { ClipLabel } from './score.ts';
import { labelledFaultsAt, spread } from './separation.ts';
import type { RepObserver } from '../engine/kinds/rep-analyzer.ts';

/**
 * Each of the promised checks measured two ways on the same frames of the same rep: in the
 * picture (BlazePose's image landmarks) and from BlazePose's 3-D world landmarks (metres,
 * hip-centred), so the eval can show which of the two tells the labelled faults from the clean
 * reps better, per view (issue 7, item 2; form-checks.md, "In the picture or in 3-D").
 */
export type ComparedCheck = 'depth' | 'forward-lean' | 'knee-valgus' | 'heel-lift';

export interface TwoWays {
  readonly image: number | undefined;
  readonly world: number | undefined;
}

interface Compared {
  readonly code: string;
  readonly unit: string;
  /** Which way a value is worse: deeper is better, a lower knee-to-ankle ratio is worse. */
  readonly faultyIs: 'higher' | 'lower';
  /** Which of the two the engine judges by, per view (undefined: not judged from that view). */
  readonly engineUses: (view: FrameView) => keyof TwoWays | undefined;
  /** Both measures of one rep; undefined where the check is not judged on reps like it. */
  readonly measure: (ctx: RepContext, verdict: Verdict | undefined) => TwoWays | undefined;
}

/** The start of the rep: where the person stood, for measures read against the start. */
const START_MS = 200;

/** Knee over ankle separation in 3-D, across the floor (x and z; y is up and down). */
function kneeAnkleSeparationRatio3d(body: Body): number | undefined {
  const across = (name: 'knee' | 'ankle') => {
    const l = body.world(`left_${name}`);
    const r = body.world(`right_${name}`);
    return l && r ? Math.hypot(l.xM - r.xM, l.zM - r.zM) : undefined;
  };
  const knees = across('knee');
  const ankles = across('ankle');
  return knees === undefined || ankles === undefined || ankles < 1e-3 ? undefined : knees / ankles;
}

/** The heel's height above the toe in 3-D over the shank's 3-D length (world y points down). */
function heelAboveToe3dShanks(body: Body, side: Side): number | undefined {
  const heel = body.world(`${side}_heel`);
  const toe = body.world(`${side}_toe`);
  const knee = body.world(`${side}_knee`);
  const ankle = body.world(`${side}_ankle`);
  if (!heel || !toe || !knee || !ankle) return undefined;
  const shank = Math.hypot(knee.xM - ankle.xM, knee.yM - ankle.yM, knee.zM - ankle.zM);
  return shank > 1e-3 ? (toe.yM - heel.yM) / shank : undefined;
}

/** Trunk past tibia (deg). */
const pastTibia = (lean: Lean | undefined) =>
  lean === undefined ? undefined : lean.trunkDeg - lean.tibiaDeg;

export const COMPARED: Readonly<Record<ComparedCheck, Compared>> = {
  // In the picture: the engine's own depth (the thigh's angle side on, its drop against the
  // standing thigh elsewhere). In 3-D: the thigh's elevation from the world landmarks.
  depth: {
    code: 'shallow-depth',
    unit: 'deg',
    faultyIs: 'higher',
    engineUses: () => 'image',
    measure: (ctx) => ({
      image: depthAtBottom(ctx),
      world: lowestSustained(ctx.frames, (f, s) => thighElevation3dDeg(f.body, s), [
        'left',
        'right',
      ]),
    }),
  },
  'forward-lean': {
    code: 'forward-lean',
    unit: 'deg',
    faultyIs: 'higher',
    // Facing the camera the engine judges neither: the trunk against vertical alone, as the 3-D
    // landmarks read the trunk far too upright against the shins (forward-lean.ts).
    engineUses: (view) => (view === 'side' || view === 'three-quarter' ? 'image' : undefined),
    // In the picture: as the engine reads it (at 3/4 with the body's turn undone).
    measure: (ctx) => ({
      image: pastTibia(leanInPicture(ctx)),
      world: pastTibia(leanMeasuredBy(ctx, (f) => inclinations3d(f.body))),
    }),
  },
  // Only the reps the check judges (from the front, from a half squat down): higher up the knees
  // are inside the ankles in any wide stance (form-checks.md).
  'knee-valgus': {
    code: 'knee-valgus',
    unit: 'ratio',
    faultyIs: 'lower',
    engineUses: () => 'image',
    measure: (ctx, verdict) => {
      if (verdict === undefined || verdict.status === 'cannot-judge') return undefined;
      const bottom = atBottom(ctx);
      return {
        image: medianOver(bottom, (f) => kneeAnkleSeparationRatio(f.body)),
        world: medianOver(bottom, (f) => kneeAnkleSeparationRatio3d(f.body)),
      };
    },
  },
  // In the picture: the engine's own (against standing, the better-seen foot). In 3-D: the same
  // foot's heel over toe at the bottom against the rep's first 200 ms, over the 3-D shank.
  'heel-lift': {
    code: 'heel-lift',
    unit: 'shank',
    faultyIs: 'higher',
    // From the front the heel is behind the foot (heel-lift.ts).
    engineUses: (view) => (view === 'side' || view === 'three-quarter' ? 'image' : undefined),
    measure: (ctx) => {
      const heel = heelRiseAtBottom(ctx);
      const side = heel?.side ?? 'left';
      const start = ctx.frames.filter((f) => f.timestampMs - ctx.rep.startMs <= START_MS);
      const before = medianOver(start, (f) => heelAboveToe3dShanks(f.body, side));
      const now = medianOver(atBottom(ctx), (f) => heelAboveToe3dShanks(f.body, side));
      return {
        image: heel?.rise,
        world: before === undefined || now === undefined ? undefined : now - before,
      };
    },
  },
};

export const COMPARED_CHECKS = Object.keys(COMPARED) as ComparedCheck[];

/** One rep's two measures for every compared check its exercise judges. */
export interface RepMeasures {
  readonly bottomSec: number;
  readonly view: FrameView;
  readonly byCheck: Partial<Record<ComparedCheck, TwoWays>>;
}

/** What `analyzeTrack`'s `onRepJudged` is given, turned into both measures of each check. */
export function measuresOfRep(ctx: RepContext, verdicts: readonly Verdict[]): RepMeasures {
  const byCheck: Partial<Record<ComparedCheck, TwoWays>> = {};
  for (const id of COMPARED_CHECKS) {
    if (!ctx.exercise.checks.includes(id)) continue;
    const two = COMPARED[id].measure(
      ctx,
      verdicts.find((v) => v.check === id),
    );
    if (two !== undefined) byCheck[id] = two;
  }
  return { bottomSec: ctx.rep.peakMs / 1000, view: ctx.view, byCheck };
}

/**
 * How well a measure tells faulty reps from clean ones without choosing a limit: the chance that a
 * faulty rep reads worse than a clean one, ties counting half (the area under the ROC curve; 1 is
 * perfect separation, 0.5 none). Undefined without reps on both sides.
 */
export function separationAuc(
  faulty: readonly number[],
  clean: readonly number[],
  faultyIs: 'higher' | 'lower',
): number | undefined {
  if (faulty.length === 0 || clean.length === 0) return undefined;
  const sign = faultyIs === 'higher' ? 1 : -1;
  let wins = 0;
  for (const a of faulty)
    for (const b of clean) {
      const d = sign * (a - b);
      wins += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
  return wins / (faulty.length * clean.length);
}

/** One check in one view: both measures on the reps labelled with its fault and the rest. */
export interface MeasureComparison {
  readonly check: ComparedCheck;
  readonly view: FrameView;
  readonly image: { readonly faulty: number[]; readonly clean: number[] };
  readonly world: { readonly faulty: number[]; readonly clean: number[] };
  readonly engineUses: keyof TwoWays | undefined;
}

/** A judged rep's measures, and the faults its label gives it (must be found, or either way). */
export interface LabelledRep {
  readonly measures: RepMeasures;
  readonly faults: ReadonlySet<string>;
  readonly optional: ReadonlySet<string>;
}

/**
 * Gathers both measures over labelled reps, by check and by the view the engine saw each rep
 * from. A check whose fault the rep's label makes optional leaves that rep out.
 */
export function compareMeasures(reps: readonly LabelledRep[]): MeasureComparison[] {
  const byKey = new Map<string, MeasureComparison>();
  for (const { measures, faults, optional } of reps)
    for (const id of COMPARED_CHECKS) {
      const two = measures.byCheck[id];
      if (two === undefined || optional.has(COMPARED[id].code)) continue;
      const key = `${id}|${measures.view}`;
      const entry = byKey.get(key) ?? {
        check: id,
        view: measures.view,
        image: { faulty: [], clean: [] },
        world: { faulty: [], clean: [] },
        engineUses: COMPARED[id].engineUses(measures.view),
      };
      const which = faults.has(COMPARED[id].code) ? 'faulty' : 'clean';
      if (two.image !== undefined) entry.image[which].push(two.image);
      if (two.world !== undefined) entry.world[which].push(two.world);
      byKey.set(key, entry);
    }
  return [...byKey.values()].sort(
    (a, b) => a.check.localeCompare(b.check) || a.view.localeCompare(b.view),
  );
}

/** "0.93 (faulty 16 / 38 / 43 (6), clean −28 / −3 / 21 (81))": a cell of the eval's table. */
export function describeSeparation(
  check: ComparedCheck,
  values: { readonly faulty: readonly number[]; readonly clean: readonly number[] },
): string {
  const auc = separationAuc(values.faulty, values.clean, COMPARED[check].faultyIs);
  const decimals = COMPARED[check].unit === 'deg' ? 0 : 2;
  const of = (v: readonly number[]) => spread(v, decimals) || '–';
  return `${auc === undefined ? '–' : auc.toFixed(2)}: ${of(values.faulty)} vs ${of(values.clean)}`;
}

/** Records each judged rep's two measures with the faults the clip's label gives it. */
export function repRecorder(label: ClipLabel, into: LabelledRep[]): RepObserver {
  const optional = new Set(label.faultsOptional ?? []);
  return (ctx, verdicts) => {
    const measures = measuresOfRep(ctx, verdicts);
    into.push({ measures, faults: new Set(labelledFaultsAt(label, measures.bottomSec)), optional });
  };
}

/** Analyses one labelled clip and gives each judged rep's two measures with its labelled faults. */
export function labelledRepsOf(
  track: PoseTrack,
  label: ClipLabel,
  strictness?: Strictness,
): LabelledRep[] {
  const reps: LabelledRep[] = [];
  analyzeTrack(track, label.exercise, {
    ...(strictness === undefined ? {} : { strictness }),
    onRepJudged: repRecorder(label, reps),
  });
  return reps;
}
