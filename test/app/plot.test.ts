import { describe, expect, it } from 'vitest';
import { axisEnd, axisLabels, dateLabels, drawLineChart, valueAxis } from '../../src/app/plot.ts';
import { spyContext } from '../support/spy-context.ts';

describe('the history charts', () => {
  it('end the value axis on a round number at or beyond the data', () => {
    // Seen: two 5 s holds plotted against an axis labelled "5.01 s".
    expect(axisEnd(5.01)).toBe(6);
    expect(axisEnd(5)).toBe(5);
    expect(axisEnd(0.3)).toBe(0.3);
    expect(axisEnd(0.31)).toBe(0.4);
    expect(axisEnd(12)).toBe(12);
    expect(axisEnd(13)).toBe(15);
    expect(axisEnd(87)).toBe(100);
    // Below zero (a squat's thighs above level), away from zero too.
    expect(axisEnd(-7)).toBe(-8);
    expect(axisEnd(0)).toBe(0);
  });

  it('draw zero across the chart when a value goes below it', () => {
    // Seen: a squat set whose thighs stopped 6° above level plotted on "thighs below level" between
    // "-6" and "1 °", with nothing to say where level was.
    expect(valueAxis([-6])).toEqual({ from: -6, to: 1, zeroInside: true });
    expect(valueAxis([-6, 3])).toEqual({ from: -6, to: 3, zeroInside: true });
    expect(valueAxis([2, 5.01])).toEqual({ from: 0, to: 6, zeroInside: false });
    expect(valueAxis([0, 0])).toEqual({ from: 0, to: 1, zeroInside: false });
  });

  it('label the value axis with its unit, or in words where the sign means a side', () => {
    expect(axisLabels(0, 6, 's')).toEqual({ top: '6 s', bottom: '0' });
    // The squat set 6° above level: "-6" under "thighs below level" read as a double negative.
    const side = (v: number) => (v > 0 ? `${v}° below` : v < 0 ? `${-v}° above` : 'level');
    expect(axisLabels(-6, 1, '°', side)).toEqual({ top: '1° below', bottom: '6° above' });
  });

  it('name a day once when every point is on it', () => {
    const morning = new Date(2026, 11, 2, 8).getTime();
    expect(dateLabels(morning, morning + 3_600_000)).toHaveLength(1);
    expect(dateLabels(morning, morning + 3 * 86_400_000)).toHaveLength(2);
  });

  it('put the date of a single session under its dot, mid-axis', () => {
    // Seen: the first session's dot mid-chart and its date at the far left, under nothing.
    const { ctx, arcs, labels } = spyContext(340, 180);
    const at = Date.UTC(2026, 11, 7, 12);
    drawLineChart(ctx, [{ x: at, y: 7 }], 'Squat: reps per set', 'reps');
    const [dot] = arcs;
    const date = labels.find((l) => l.text === dateLabels(at, at)[0]);
    if (dot === undefined || date === undefined) throw new Error('nothing drawn');
    expect(date.x + (6 * date.text.length) / 2).toBeCloseTo(dot.x, 6);
  });
});
