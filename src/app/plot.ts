/** A small line chart on a canvas: one series of (time, value), dots and a line, min/max labels. */
export function drawLineChart(
  ctx: CanvasRenderingContext2D,
  points: readonly { readonly x: number; readonly y: number }[],
  title: string,
  unit: string,
): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#eee';
  ctx.font = '14px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(title, 8, 4);
  if (points.length === 0) {
    ctx.fillText('No data yet', 8, height / 2);
    return;
  }
  const pad = { left: 40, right: 10, top: 24, bottom: 18 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys, 1e-9)];
  const px = (x: number) =>
    pad.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const py = (y: number) =>
    height - pad.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - pad.top - pad.bottom);
  ctx.strokeStyle = '#555';
  ctx.beginPath();
  ctx.moveTo(pad.left, pad.top);
  ctx.lineTo(pad.left, height - pad.bottom);
  ctx.lineTo(width - pad.right, height - pad.bottom);
  ctx.stroke();
  ctx.fillStyle = '#bbb';
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(`${+y1.toFixed(2)} ${unit}`, 2, pad.top - 2);
  ctx.fillText(`${+y0.toFixed(2)}`, 2, height - pad.bottom - 12);
  ctx.strokeStyle = '#7fdbff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
  ctx.stroke();
  ctx.fillStyle = '#7fdbff';
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), 3, 0, 2 * Math.PI);
    ctx.fill();
  }
}
