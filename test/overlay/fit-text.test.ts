import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/overlay/fit-text.ts';

/** A monospace stand-in for the canvas: each character is half the font size wide. */
const mono = (text: string, size: number) => text.length * size * 0.5;
const CUE = 'Borderline. Go deeper: thighs stopped 16° above level; aim for level or lower.';

describe('fitText (the cue banner, read from two metres)', () => {
  it('keeps a short cue on one line at full size', () => {
    expect(fitText('Chest up', 800, 2, { start: 48, min: 30 }, mono)).toEqual({
      size: 48,
      lines: ['Chest up'],
    });
  });

  it('wraps a long cue onto two lines, stepping the size down only as far as needed', () => {
    const fitted = fitText(CUE, 800, 2, { start: 48, min: 30 }, mono);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines.join(' ')).toBe(CUE);
    expect(fitted.size).toBeLessThan(48);
    expect(fitted.size).toBeGreaterThanOrEqual(30);
    for (const line of fitted.lines) expect(mono(line, fitted.size)).toBeLessThanOrEqual(800);
  });

  it('never squeezes letters: a cue that cannot fit at the smallest size ends in an ellipsis', () => {
    const fitted = fitText(CUE, 300, 2, { start: 48, min: 30 }, mono);
    expect(fitted.size).toBe(30);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]?.endsWith('…')).toBe(true);
    for (const line of fitted.lines) expect(mono(line, 30)).toBeLessThanOrEqual(300);
  });
});
