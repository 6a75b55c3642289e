#!/usr/bin/env node
// The `tools-core` executable (package.json "bin"). No top-level await: this file is also built as CommonJS.
import { runCli } from './run-cli';

const stopRequested = new Promise<string>((resolve) => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
});

/** Standard input to its end, or undefined when it is a terminal (nothing piped). */
function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY === true) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}

runCli(process.argv.slice(2), {
  env: process.env,
  write: (line) => process.stdout.write(`${line}\n`),
  writeError: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readStdin,
  stopRequested,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'cli.crashed', component: 'cli', message: error instanceof Error ? error.message : String(error) })}\n`);
    process.exit(1);
  },
);
