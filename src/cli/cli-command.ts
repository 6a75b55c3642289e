import type { CliIo } from './cli-io';

/**
 * One `tools-core` command. `run` resolves with the exit code: 0 done, 1 the work failed (an invalid
 * number, a refused send, a server that cannot be reached), 2 the command line or configuration is wrong.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for `tools-core --help`. */
  readonly summary: string;
  /** The text `tools-core <name> --help` prints. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
