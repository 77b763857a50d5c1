export interface ChartStyle {
  readonly text: string;
  readonly axis: string;
  readonly line: string;
}

export const SCREEN_CHART: ChartStyle = { text: '#eee', axis: '#555', line: '#7fdbff' };
/** Dark on white, for the printed report. */
export const PRINT_CHART: ChartStyle = { text: '#111', axis: '#888', line: '#0b63c5' };

const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** The steps an axis may end on, per power of ten. */
const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The round number an axis ends on: the smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a
 * power of ten) at or beyond `v`, away from zero ("5.01 s" of a 5 s hold read as the axis's end).
 */
export function axisEnd(v: number): number {
  if (!(Math.abs(v) > 0) || !Number.isFinite(v)) return 0;
  const a = Math.abs(v);
  const p = 10 ** Math.floor(Math.log10(a));
  // A tolerance for the float error of a/p: 0.3 / 0.1 is 2.9999999999999996.
  const step = NICE_STEPS.find((n) => n * p >= a * (1 - 1e-9)) ?? 10;
  return Math.sign(v) * +(step * p).toPrecision(6);
}

/**
 * The value axis's ends: from zero (or below it) to a round number over the data; 0 to 1 when
 * every value is 0. `zeroInside` when the data go below zero, so that zero is a line across the
 * chart (a squat whose thighs stopped above level plots below "level").
 */
export function valueAxis(ys: readonly number[]): {
  readonly from: number;
  readonly to: number;
  readonly zeroInside: boolean;
} {
  const from = axisEnd(Math.min(0, ...ys));
  const to = axisEnd(Math.max(0, ...ys)) || 1;
  return { from, to, zeroInside: from < 0 };
}

/**
 * The value axis's end labels: the top with its unit ("6 s") and the bottom as a number, or both
 * in words where the sign means a side (a squat's depth: "1° below", "6° above"; a bare "-6" under
 * "thighs below level" read as a double negative).
 */
export function axisLabels(
  from: number,
  to: number,
  unit: string,
  valueText?: (v: number) => string,
): { readonly top: string; readonly bottom: string } {
  return valueText === undefined
    ? { top: `${to} ${unit}`, bottom: `${from}` }
    : { top: valueText(to), bottom: valueText(from) };
}

/** The time axis's labels: the first and last dates, once when they are the same day. */
export function dateLabels(x0: number, x1: number): readonly string[] {
  const [first, last] = [day(x0), day(x1)];
  return first === last ? [first] : [first, last];
}

/**
 * A small line chart on a canvas (kept hand-written: a few dozen lines against a charting
 * library's weight): one series of (time, value), dots and a line, the value axis with its unit,
 * the time axis with its first and last dates, and where the values go below zero a dashed line
 * at zero named `zeroMeans` ("level").
 */
export function drawLineChart(
  ctx: CanvasRenderingContext2D,
  points: readonly { readonly x: number; readonly y: number }[],
  title: string,
  unit: string,
  style: ChartStyle = SCREEN_CHART,
  zeroMeans = '0',
  valueText?: (v: number) => string,
): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = style.text;
  ctx.font = '14px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(title, 8, 4);
  if (points.length === 0) {
    ctx.fillText('No data yet', 8, height / 2);
    return;
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const { from: y0, to: y1, zeroInside } = valueAxis(ys);
  const labels = axisLabels(y0, y1, unit, valueText);
  ctx.font = '12px system-ui, sans-serif';
  // The value labels sit left of the axis: it moves right for a long one ("6° above").
  const labelWidth = Math.max(...[labels.top, labels.bottom].map((t) => ctx.measureText(t).width));
  const pad = { left: Math.max(40, Math.ceil(labelWidth) + 8), right: 10, top: 24, bottom: 30 };
  const px = (x: number) =>
    pad.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const py = (y: number) =>
    height - pad.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - pad.top - pad.bottom);
  ctx.strokeStyle = style.axis;
  ctx.beginPath();
  ctx.moveTo(pad.left, pad.top);
  ctx.lineTo(pad.left, height - pad.bottom);
  ctx.lineTo(width - pad.right, height - pad.bottom);
  ctx.stroke();
  ctx.fillStyle = style.text;
  ctx.fillText(labels.top, 2, pad.top - 2);
  ctx.fillText(labels.bottom, 2, height - pad.bottom - 12);
  if (zeroInside) {
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(pad.left, py(0));
    ctx.lineTo(width - pad.right, py(0));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillText(zeroMeans, pad.left + 4, py(0) - 14);
  }
  const [first, last] = dateLabels(x0, x1);
  // One moment plotted sits mid-axis: its date goes under it.
  const firstAt = x1 === x0 ? px(x0) - ctx.measureText(first ?? '').width / 2 : pad.left;
  ctx.fillText(first ?? '', firstAt, height - pad.bottom + 4);
  if (last !== undefined)
    ctx.fillText(last, width - pad.right - ctx.measureText(last).width, height - pad.bottom + 4);
  ctx.strokeStyle = style.line;
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
  ctx.stroke();
  ctx.fillStyle = style.line;
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), 3, 0, 2 * Math.PI);
    ctx.fill();
  }
}
