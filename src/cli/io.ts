/** Where the command line writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

/**
 * A progress line on stderr: rewritten in place in a terminal, one line per update otherwise, and
 * always ended before anything else is written.
 */
export class ProgressLine {
  private open = false;
  private lastMs = -Infinity;

  constructor(
    private readonly io: CliIo,
    /** Outside a terminal, at most one line per this long (a log should stay readable). */
    private readonly logEveryMs = 2000,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  update(text: string): void {
    if (this.io.isTty) {
      this.io.stderr(`\r${text}\x1b[K`);
      this.open = true;
      return;
    }
    const now = this.nowMs();
    if (now - this.lastMs < this.logEveryMs) return;
    this.lastMs = now;
    this.io.stderr(`${text}\n`);
  }

  end(): void {
    if (this.open) this.io.stderr('\n');
    this.open = false;
  }
}
