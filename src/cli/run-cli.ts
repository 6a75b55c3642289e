import { ValidationError } from '../errors/validation-error';
import { CLI_COMMANDS } from './cli-commands';
import type { CliIo } from './cli-io';
import { createJsonLogger } from './create-json-logger';
import { UsageError } from './parse-worker-arguments';
import { TOOLS_CORE_VERSION } from './tools-core-version';

export type { CliIo } from './cli-io';

const USAGE = `Usage: tools-core <command> [options]

Commands:
${CLI_COMMANDS.map((command) => `  ${command.name.padEnd(10)}${command.summary}`).join('\n')}

Run tools-core <command> --help for its options. tools-core --version prints the version.
Exit codes: 0 done, 1 the work failed, 2 bad command line or configuration.`;

/**
 * The `tools-core` command line (docs/cli.md). Exit codes: 0 done (or help), 1 the work failed (an invalid
 * number, a failed send, a broker that cannot be reached for now), 2 bad command line or a configuration that
 * cannot work. Results go to standard output (text, or JSON with `--json`); errors are JSON log lines.
 *
 * @example
 * const code = await runCli(['segments', 'Hello'], { env: process.env, write, stopRequested });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const log = createJsonLogger(io.write);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.write(TOOLS_CORE_VERSION);
    return 0;
  }
  const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    log({ level: 'error', event: 'cli.usage_error', component: 'cli', message: `Unknown command "${name}". Run tools-core --help.` });
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || ValidationError.isInstance(error)) {
      const message = error.message.includes('--help') ? error.message : `${error.message} Run tools-core ${command.name} --help.`;
      log({ level: 'error', event: 'cli.usage_error', component: 'cli', command: command.name, message });
      return 2;
    }
    throw error;
  }
}
