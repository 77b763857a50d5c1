import { parseArgs, UsageError } from './args.ts';
import { posesCommand, type CliIo } from './poses-command.ts';
import { analyzeCommand } from './analyze-command.ts';

const USAGE = `formcheck: reps and form from exercise videos, on this machine.

  formcheck poses VIDEO [--model NAME] [--out FILE]
      Detect the person in every frame; write a pose track (JSON).
  formcheck analyze VIDEO_OR_POSE_TRACK --exercise ID [--model NAME] [--json]
      Count reps, time holds and check form; print a report.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const args = parseArgs(rest, ['json', 'help']);
    if (command === 'poses') await posesCommand(args, io);
    else if (command === 'analyze') await analyzeCommand(args, io);
    else if (command === undefined || command === 'help' || command === '--help') io.stdout(USAGE);
    else throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
    return 0;
  } catch (error) {
    io.stderr(`formcheck: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
