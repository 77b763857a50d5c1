import type { Prescription } from '../engine/exercise-def.ts';

/** "3 × 20 reps, lower 3 s, up fast, hold 1 s at the top, rest 45 s" and the like. */
export function describePrescription(p: Prescription): string {
  const parts: string[] = [];
  switch (p.kind) {
    case 'reps':
      parts.push(`${p.sets} × ${p.reps} reps`);
      if (p.tempo !== undefined) {
        const t = p.tempo;
        parts.push(
          `lower ${t.lowerSec} s, up ${t.riseSec === 'fast' ? 'fast' : `${t.riseSec} s`}, hold ${t.topSec} s at the top`,
        );
      }
      break;
    case 'hold':
      parts.push(`${p.sets} × ${p.holdSec} s`);
      break;
    case 'circles':
      parts.push(`${p.sets} × ${p.perDirectionSec} s each direction`);
      break;
    case 'walk':
      parts.push(`${p.sets} × ${p.walkSec} s`);
      break;
  }
  parts.push(`rest ${p.restSec} s`);
  return parts.join(', ');
}
