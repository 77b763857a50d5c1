/** A 2-D context that records what is drawn (canvas helpers are tested by spying on it). */
export function spyContext(width = 640, height = 480) {
  const arcs: { x: number; y: number; r: number; fill: string }[] = [];
  const lines: [number, number][] = [];
  const labels: { text: string; x: number; y: number; align: string }[] = [];
  const rects: { x: number; y: number; w: number; h: number; fill: string }[] = [];
  let fill = '';
  const ctx = {
    textAlign: 'start',
    textBaseline: 'alphabetic',
    canvas: { width, height },
    lineWidth: 0,
    strokeStyle: '',
    set fillStyle(v: string) {
      fill = v;
    },
    get fillStyle() {
      return fill;
    },
    fillRect: (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h, fill }),
    clearRect: () => undefined,
    setLineDash: () => undefined,
    /** Text 6 px a character wide. */
    measureText: (text: string) => ({ width: 6 * text.length }),
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => lines.push([x, y]),
    lineTo: (x: number, y: number) => lines.push([x, y]),
    stroke: () => undefined,
    fill: () => undefined,
    arc: (x: number, y: number, r: number) => arcs.push({ x, y, r, fill }),
    font: '',
    fillText: (text: string, x: number, y: number) =>
      labels.push({ text, x, y, align: ctx.textAlign }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, arcs, lines, labels, rects };
}
