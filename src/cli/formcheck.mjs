#!/usr/bin/env node
// Entry for `npx formcheck`: runs the TypeScript command line through tsx (a project dependency).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
