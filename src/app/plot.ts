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

/**
 * A small line chart on a canvas (kept hand-written: a few dozen lines against a charting
 * library's weight): one series of (time, value), dots and a line, the value axis with its unit,
 * the time axis with its first and last dates.
 */
export function drawLineChart(
  ctx: CanvasRenderingContext2D,
  points: readonly { readonly x: number; readonly y: number }[],
  title: string,
  unit: string,
  style: ChartStyle = SCREEN_CHART,
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
  const pad = { left: 40, right: 10, top: 24, bottom: 30 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys, 1e-9)];
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
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(`${+y1.toFixed(2)} ${unit}`, 2, pad.top - 2);
  ctx.fillText(`${+y0.toFixed(2)}`, 2, height - pad.bottom - 12);
  ctx.fillText(day(x0), pad.left, height - pad.bottom + 4);
  if (x1 !== x0) {
    const last = day(x1);
    ctx.fillText(last, width - pad.right - ctx.measureText(last).width, height - pad.bottom + 4);
  }
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
