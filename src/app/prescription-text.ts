import type { Prescription } from '../engine/catalog.ts';

/** "3 × 20, lower 3 s, up fast, hold 1 s at the top" and the like. */
export function describePrescription(p: Prescription): string {
  const parts: string[] = [];
  if (p.reps !== undefined) parts.push(`${p.sets} × ${p.reps} reps`);
  else if (p.perDirectionSec !== undefined)
    parts.push(`${p.sets} × ${p.perDirectionSec} s each direction`);
  else if (p.holdSec !== undefined) parts.push(`${p.sets} × ${p.holdSec} s`);
  if (p.tempo !== undefined) {
    const t = p.tempo;
    parts.push(
      `lower ${t.lowerSec} s, up ${t.riseSec === 'fast' ? 'fast' : `${t.riseSec} s`}, hold ${t.topSec} s at the top`,
    );
  }
  parts.push(`rest ${p.restSec} s`);
  return parts.join(', ');
}
