/** The form checks a rep can be judged by; each lives in its own file in this folder. */
export const REP_CHECK_IDS = [
  'depth',
  'lunge-depth',
  'knee-valgus',
  'heel-lift',
  'forward-lean',
  'knees-over-toes',
  'tempo',
  'rep-height',
] as const;
export type RepCheckId = (typeof REP_CHECK_IDS)[number];

/**
 * Every check with a verdict: the rep checks, the one judged over time during circles, and a
 * hold's position kept.
 */
export type CheckId = RepCheckId | 'head-bob' | 'hold-position';

/** Each check's name for people (the form-check card's line labels). */
export const CHECK_NAMES: Readonly<Record<CheckId, string>> = {
  depth: 'Depth',
  'lunge-depth': 'Depth',
  'knee-valgus': 'Knee valgus',
  'heel-lift': 'Heel lift',
  'forward-lean': 'Forward lean',
  'knees-over-toes': 'Knees past toes',
  tempo: 'Tempo',
  'rep-height': 'Height',
  'head-bob': 'Head still',
  'hold-position': 'Hips held',
};

/**
 * Checks that only ever give a note (`info`), never a fault to fix on their own: knees past the
 * toes (form-checks.md) and a calf raise's height against the set's best. Not lines of the form
 * check card, and no "could not judge" for them: turning to see a note is not worth asking.
 */
export const NOTE_ONLY_CHECKS: ReadonlySet<CheckId> = new Set<CheckId>([
  'knees-over-toes',
  'rep-height',
]);

/**
 * Checks whose fault is a value under its limit (knees too close, a raise too low, a phase too
 * quick); the others fault above it.
 */
export const FAULT_BELOW_LIMIT: ReadonlySet<CheckId> = new Set<CheckId>([
  'knee-valgus',
  'rep-height',
  'tempo',
]);
