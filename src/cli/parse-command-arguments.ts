import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './parse-worker-arguments';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags and positionals of a command, or `'help'` for `--help` / `-h`. */
export type ParsedCommandArguments<Values> = 'help' | { readonly values: Values; readonly positionals: readonly string[] };

/**
 * `node:util` parseArgs with the CLI's conventions: `--help`/`-h` on every command, unknown flags and
 * missing values as a `UsageError` naming the flag and the command's help.
 *
 * @example
 * const parsed = parseCommandArguments('segments', args, { json: { type: 'boolean' } });
 */
export function parseCommandArguments<const Spec extends Options>(
  command: string,
  args: readonly string[],
  options: Spec,
): ParsedCommandArguments<Record<keyof Spec, string | boolean | undefined>> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    const config: ParseArgsConfig = { args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true };
    parsed = parseArgs(config) as typeof parsed;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '.') : String(error);
    throw new UsageError(`${detail} Run tools-core ${command} --help.`);
  }
  if (parsed.values.help === true) return 'help';
  return { values: parsed.values as Record<keyof Spec, string | boolean | undefined>, positionals: parsed.positionals };
}
