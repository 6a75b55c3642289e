#!/usr/bin/env node
// The `tools-core` executable (package.json "bin"). No top-level await: this file is also built as CommonJS.
import { runCli } from './run-cli';

const stopRequested = new Promise<string>((resolve) => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
});

runCli(process.argv.slice(2), { env: process.env, write: (line) => process.stdout.write(`${line}\n`), stopRequested }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'cli.crashed', component: 'cli', message: error instanceof Error ? error.message : String(error) })}\n`);
    process.exit(1);
  },
);
