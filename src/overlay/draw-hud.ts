import { keypoint } from '../pose/skeleton.ts';
import { besideJoint, outwardOf, toCanvas, type PictureSize } from './draw-skeleton.ts';
import { fitText, type FittedText } from './fit-text.ts';
import type { OverlayData, TempoBar } from './overlay-data.ts';

const PANEL = 'rgba(0, 0, 0, 0.6)';
const TEXT = '#ffffff';
const GOOD = '#2ecc40';
const WARN = '#ffdc00';

/** The count's panel is never wider than this share of the picture (its words are squeezed). */
export const HUD_MAX_SHARE = 0.6;

function textWidth(ctx: CanvasRenderingContext2D, text: string, font: string): number {
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** Counter, set, timers, range and tempo bars, the angle that matters, and the current cue. */
export function drawHud(
  ctx: CanvasRenderingContext2D,
  d: OverlayData,
  size: PictureSize = ctx.canvas,
): void {
  const { width, height } = size;
  const big = Math.round(Math.min(height / 8, width / 6));
  ctx.textBaseline = 'top';
  // Top-left: the count or the timer, in letters readable from two metres, on a panel as wide as
  // its words (at most 60 % of the picture): a fixed 60 % hid the raised hands of a triangle or a
  // Warrior I filmed landscape, where "5/60 s" needs a quarter of the width.
  const figure = mainFigure(d);
  const figureFont = `bold ${big}px system-ui, sans-serif`;
  const labelFont = `${Math.round(big / 3)}px system-ui, sans-serif`;
  const panelWidth = Math.min(
    width * HUD_MAX_SHARE,
    Math.max(textWidth(ctx, figure, figureFont), textWidth(ctx, d.setLabel, labelFont)) + 24,
  );
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, 0, panelWidth, big * 1.9);
  ctx.fillStyle = TEXT;
  ctx.font = figureFont;
  ctx.fillText(figure, 12, 8);
  ctx.font = labelFont;
  ctx.fillText(d.setLabel, 12, 12 + big, panelWidth - 16);
  if (d.kind === 'reps') drawRangeBar(ctx, d, size);
  if (d.kind === 'reps' && d.tempoBar !== undefined) drawTempoBar(ctx, d.tempoBar, size);
  if (d.angle !== undefined && d.pose !== null) drawAngle(ctx, d, size);
  const message = bannerText(d);
  if (message !== undefined) drawBanner(ctx, message, size);
}

/**
 * The cue along the bottom: up to two lines, wrapped by word, the letters never squeezed (a long
 * cue steps down to 70 % of the size, then ends in "…"; the voice says it whole).
 */
function drawBanner(ctx: CanvasRenderingContext2D, message: string, picture: PictureSize): void {
  const { width, height } = picture;
  const { size, lines } = bannerFit(ctx, message, picture);
  const lineHeight = size * 1.2;
  const panel = lineHeight * lines.length + size * 0.6;
  ctx.font = font(size);
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, height - panel, width, panel);
  ctx.fillStyle = WARN;
  ctx.textBaseline = 'middle';
  lines.forEach((line, i) =>
    ctx.fillText(line, 16, height - panel + size * 0.3 + lineHeight * (i + 0.5)),
  );
}

const font = (size: number) => `bold ${size}px system-ui, sans-serif`;

/** The last banner fitted: a cue stays up for many frames, and fitting measures every word. */
let lastFit: { readonly key: string; readonly fitted: FittedText } | undefined;

function bannerFit(
  ctx: CanvasRenderingContext2D,
  message: string,
  picture: PictureSize,
): FittedText {
  const { width, height } = picture;
  const key = `${width}x${height}:${message}`;
  if (lastFit?.key === key) return lastFit.fitted;
  const start = Math.round(Math.min(height / 14, width / 16));
  const fitted = fitText(
    message,
    width - 32,
    2,
    { start, min: Math.round(start * 0.7) },
    (text, px) => {
      ctx.font = font(px);
      return ctx.measureText(text).width;
    },
  );
  lastFit = { key, fitted };
  return fitted;
}

/**
 * The count or the timer, top left. A hold's seconds are whole seconds held, rounded down: rounded
 * to the nearest, "60/60 s" showed half a second before the set ended at 60.
 */
export function mainFigure(d: Pick<OverlayData, 'kind' | 'target' | 'live' | 'flow'>): string {
  switch (d.kind) {
    case 'reps':
      return d.target.reps === undefined
        ? `${d.live.repCount}`
        : `${d.live.repCount}/${d.target.reps}`;
    case 'hold':
      return d.target.holdSec === undefined
        ? `${Math.floor(d.live.heldSec)} s`
        : `${Math.floor(d.live.heldSec)}/${d.target.holdSec} s`;
    case 'circles':
      return `${d.live.circles[d.flow.direction]} ${d.flow.direction === 'clockwise' ? '↻' : '↺'}`;
    case 'walk':
      return `${d.live.steps} steps`;
  }
}

function bannerText(d: OverlayData): string | undefined {
  // Over the picture too: the side panel's line is small from two metres.
  if (d.paused !== undefined) return d.paused;
  if (d.flow.phase === 'countdown') return `Starting in ${d.flow.secondsLeft}…`;
  if (d.flow.phase === 'rest') return `${d.restLabel}: ${d.flow.secondsLeft} s`;
  if (d.flow.phase === 'done') return 'Done!';
  return d.cue;
}

/** Right edge: how far into the movement the person is (0 = start, 1 = their usual depth). */
function drawRangeBar(ctx: CanvasRenderingContext2D, d: OverlayData, size: PictureSize): void {
  const { width, height } = size;
  const x = width - 40;
  const top = height * 0.15;
  const h = height * 0.55;
  ctx.fillStyle = PANEL;
  ctx.fillRect(x, top, 24, h);
  const p = Math.max(0, Math.min(1.2, d.live.progress)) / 1.2;
  ctx.fillStyle = d.live.faultJoints.length > 0 ? WARN : GOOD;
  if (d.awayWord === 'down') ctx.fillRect(x, top, 24, h * p);
  else ctx.fillRect(x, top + h * (1 - p), 24, h * p);
}

/** Bottom-left: time in the current phase against its target. */
function drawTempoBar(ctx: CanvasRenderingContext2D, bar: TempoBar, size: PictureSize): void {
  const { width, height } = size;
  const w = width * 0.4;
  const y = height * 0.78;
  ctx.fillStyle = PANEL;
  ctx.fillRect(12, y, w, 22);
  ctx.fillStyle = bar.good ? GOOD : WARN;
  ctx.fillRect(12, y, w * bar.share, 22);
  ctx.fillStyle = TEXT;
  ctx.font = '16px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(bar.text, 16, y + 3);
}

function drawAngle(ctx: CanvasRenderingContext2D, d: OverlayData, size: PictureSize): void {
  if (d.angle === undefined || d.pose === null) return;
  const k = keypoint(d.pose, d.angle.at);
  if (k === undefined) return;
  const [x, y] = toCanvas(k.x, k.y, size.width, size.height, d.mirrored);
  // Beside the knee on its outer side, just below the knee's L/R label (draw-skeleton.ts).
  const side = outwardOf(d.pose, d.angle.at, d.mirrored);
  const text = `${Math.round(d.angle.deg)}°`;
  ctx.font = 'bold 22px system-ui, sans-serif';
  ctx.fillStyle = TEXT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillText(text, besideJoint(x, side, ctx.measureText(text).width, size.width), y + 12);
}
