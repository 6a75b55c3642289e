import { createJsonLogger } from './create-json-logger';
import { parseWorkerArguments, UsageError, WORKER_USAGE } from './parse-worker-arguments';
import { runWorkerCommand } from './run-worker-command';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes one line to standard output. */
  readonly write: (line: string) => void;
  /** Resolves with the signal's name when the process is asked to stop (SIGTERM, SIGINT). */
  readonly stopRequested: Promise<string>;
}

const USAGE = `Usage: tools-core <command> [options]

Commands:
  worker    run the platform-mode SMS worker (tools-core worker --help)`;

/**
 * The `tools-core` command line: `worker` runs the platform worker. Exit codes: 0 done (or help), 1 could
 * not start for now (broker or Redis unreachable, no provider configured), 2 bad command line or a
 * configuration that cannot work (malformed or refused URL, provider SDK not installed). Every line it
 * writes is a JSON log entry, except help texts.
 *
 * @example
 * const code = await runCli(['worker', '--amqp-url', url, '--redis-url', redisUrl], { env: process.env, write, stopRequested });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const log = createJsonLogger(io.write);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'worker') {
    log({ level: 'error', event: 'cli.usage_error', component: 'cli', message: `Unknown command "${command}". Run tools-core --help.` });
    return 2;
  }
  let options;
  try {
    options = parseWorkerArguments(rest, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log({ level: 'error', event: 'cli.usage_error', component: 'cli', message: `${error.message} Run tools-core worker --help.` });
    return 2;
  }
  if (options === 'help') {
    io.write(WORKER_USAGE);
    return 0;
  }
  return runWorkerCommand(options, { env: io.env, log, stopRequested: io.stopRequested });
}
