import { UsageError } from './args.ts';
import { ANALYZE_USAGE, analyzeCommand } from './analyze-command.ts';
import type { CliIo } from './io.ts';
import { POSES_USAGE, posesCommand } from './poses-command.ts';

const USAGE = `formcheck: reps and form from exercise videos, on this machine.

  ${POSES_USAGE.replace('Usage: ', '')}
      Detect the person in every frame; write a pose track (JSON) per video.
  ${ANALYZE_USAGE.replace('Usage: ', '')}
      Count reps, time holds and check form; print a report per input (--json: one JSON
      document, an array for several inputs). Progress, speed and warnings go to stderr.

Exit codes: 0 done; 1 a problem with an input (unreadable, truncated, nobody in view, frames out
of order; what could be analysed is still printed); 2 a command line that cannot run.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'poses') return await posesCommand(rest, io);
    if (command === 'analyze') return await analyzeCommand(rest, io);
    if (command === undefined || command === 'help' || command === '--help') {
      io.stdout(USAGE);
      return 0;
    }
    throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  } catch (error) {
    io.stderr(`formcheck: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
