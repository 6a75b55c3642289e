import type { CliIo } from './cli-io';

/**
 * The command's input: its positional arguments, or else standard input (one item per line, blank lines
 * skipped); undefined when there is neither.
 *
 * @example
 * await readInputLines(['+14155552671'], io); // ['+14155552671']
 */
export async function readInputLines(positionals: readonly string[], io: CliIo): Promise<string[] | undefined> {
  if (positionals.length > 0) return [...positionals];
  const text = await io.readStdin?.();
  if (text === undefined) return undefined;
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}
