// The command line without the restart that gives it V8's --single-threaded-gc (formcheck.mjs):
// the bench runs both side by side to show what the flag buys. Not an entry for users.
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: false,
});
