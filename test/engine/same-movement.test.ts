import { describe, expect, it } from 'vitest';
import { sameMovement } from '../../src/engine/same-movement.ts';

describe('one movement seen by two counters (same-movement.ts)', () => {
  it('is one movement when the spans share half of the shorter or more', () => {
    expect(sameMovement({ startMs: 0, endMs: 2000 }, { startMs: 1000, endMs: 2400 })).toBe(true);
    // One counter's rep inside the other's.
    expect(sameMovement({ startMs: 0, endMs: 3000 }, { startMs: 1200, endMs: 1800 })).toBe(true);
  });

  it('is two movements when a rep closed late shares only the start of the next one', () => {
    // A counter slow to read the return closes its rep as the next begins: a fifth of the next
    // rep's span is shared (front split squats at 8 frames/s).
    const late = { startMs: 0, endMs: 1200 };
    const next = { startMs: 1000, endMs: 2000 };
    expect(sameMovement(late, next)).toBe(false);
  });

  it('is two movements when the spans only touch', () => {
    expect(sameMovement({ startMs: 0, endMs: 1000 }, { startMs: 1000, endMs: 2000 })).toBe(false);
  });
});
