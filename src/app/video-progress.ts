/**
 * The words shown while a video is analysed: how far, and, once there is enough to go on, about how
 * long is left ("Analysing the video… 24 % · about 1 min left"). On this kind of CPU a video takes
 * about three times its own length (a 28 s clip, 82 s), and a bare percentage left the person
 * guessing whether to wait or come back.
 *
 * The pace is measured from the first progress reported, not from the file being chosen: what comes
 * before it (opening the file, the model's first frames) made the first estimates three times too
 * long (60 s left at 12 % of a clip done 21 s later).
 */
export class VideoProgress {
  private first: { readonly fraction: number; readonly ms: number } | undefined;

  words(fraction: number, nowMs: number): string {
    const f = Math.min(1, Math.max(0, fraction));
    const shown = `Analysing the video… ${Math.round(f * 100)} %`;
    this.first ??= { fraction: f, ms: nowMs };
    const done = f - this.first.fraction;
    const spentMs = nowMs - this.first.ms;
    if (done < MIN_FRACTION || spentMs < MIN_SPENT_MS || f >= 1) return shown;
    return `${shown} · ${timeLeftWords(((spentMs / done) * (1 - f)) / 1000)}`;
  }
}

/** At least this much analysed, over this long, before a time left is given. */
const MIN_FRACTION = 0.05;
const MIN_SPENT_MS = 2000;

/** "about 20 s left" (to 5 s), "about 2 min left" (to the minute), "a few seconds left". */
export function timeLeftWords(sec: number): string {
  if (sec < 7.5) return 'a few seconds left';
  if (sec < 90) return `about ${Math.round(sec / 5) * 5} s left`;
  return `about ${Math.round(sec / 60)} min left`;
}
