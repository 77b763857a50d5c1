import { describe, expect, it } from 'vitest';
import { circleLine, holdLine } from '../../src/app/hold-circle-lines.ts';
import type { Fault } from '../../src/engine/faults.ts';

describe('the line after a hold', () => {
  it('gives its time and what broke it', () => {
    const hold = { startSec: 2.5, endSec: 14.9, seconds: 12.4, endedBecause: 'Sit lower' };
    expect(holdLine(2, hold)).toBe('Hold 2: 12.4 s, ended: Sit lower.');
  });

  it('says a hold the body moved out of as moved, not as the cue that would have kept it', () => {
    // "ended: Hold still." read as if the person had been told to stop.
    const moved = { startSec: 2.5, endSec: 7.8, seconds: 5.3, endedBecause: 'Hold still' };
    expect(holdLine(1, moved)).toBe('Hold 1: 5.3 s, ended: you moved.');
  });

  it('gives no reason to a hold that lasted until the set ended (its time was up)', () => {
    expect(
      holdLine(1, { startSec: 0, endSec: 30, seconds: 30, endedBecause: 'end of the set' }),
    ).toBe('Hold 1: 30.0 s.');
    expect(holdLine(1, { startSec: 0, endSec: 30, seconds: 30 })).toBe('Hold 1: 30.0 s.');
  });
});

describe('the line after a circle', () => {
  it('claims nothing of a circle with no fault, and names the fault of one with it', () => {
    expect(circleLine(3, 'anticlockwise', [])).toBe('Circle 3 anticlockwise.');
    const bob = { message: 'Keep your head still: only the knees move.' } as Fault;
    expect(circleLine(4, 'clockwise', [bob])).toBe(
      'Circle 4 clockwise: Keep your head still: only the knees move.',
    );
  });
});
