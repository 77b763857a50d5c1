/**
 * Fits a sentence into a few lines of a given width without squeezing the letters (canvas
 * `fillText` with a maxWidth compresses them, unreadable from two metres): words are wrapped, the
 * size steps down only as far as `minSize`, and a sentence that still does not fit ends in "…".
 * `measure(text, size)` is the text's width in pixels at that font size (the canvas's, in the app).
 */
export interface FittedText {
  readonly size: number;
  readonly lines: readonly string[];
}

export function fitText(
  text: string,
  maxWidth: number,
  maxLines: number,
  sizes: { readonly start: number; readonly min: number },
  measure: (text: string, size: number) => number,
): FittedText {
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (let size = sizes.start; size >= sizes.min; size -= 1) {
    const lines = wrap(words, (s) => measure(s, size) <= maxWidth);
    if (lines.length <= maxLines && lines.every((l) => measure(l, size) <= maxWidth))
      return { size, lines };
  }
  const size = sizes.min;
  const lines = wrap(words, (s) => measure(s, size) <= maxWidth).slice(0, maxLines);
  const last = lines.length - 1;
  let tail = lines[last] ?? '';
  while (tail !== '' && measure(`${tail}…`, size) > maxWidth) tail = tail.slice(0, -1).trimEnd();
  return { size, lines: [...lines.slice(0, last), `${tail}…`] };
}

/** Greedy word wrap: each line takes words while it still fits (a lone long word gets a line). */
function wrap(words: readonly string[], fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line} ${w}`;
    if (line !== '' && !fits(next)) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}
