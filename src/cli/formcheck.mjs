#!/usr/bin/env node
// Entry for `npx formcheck`: runs the TypeScript command line through tsx (a project dependency).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

/**
 * V8's garbage-collector helper threads compete with the pose workers for the cores: with one
 * worker per core, tracking runs ~15 % faster when each thread collects its own garbage (measured
 * side by side on 2 cores: 28.6 → 33.3 frames/s). V8 reads the flag only at start-up, so the
 * command line restarts itself with it once.
 */
const GC_FLAG = '--single-threaded-gc';

if (process.execArgv.includes(GC_FLAG)) {
  register();
  const { main } = await import('./main.ts');
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
} else {
  const child = spawn(
    process.execPath,
    [GC_FLAG, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    // A child killed by a signal exits as a shell reports it: 128 + the signal's number.
    process.exitCode = code ?? 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0));
  });
}
