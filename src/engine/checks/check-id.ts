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

/** Every check with a verdict, the rep checks plus the one judged over time during circles. */
export type CheckId = RepCheckId | 'head-bob';
