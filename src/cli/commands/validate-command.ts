import type { CountryCode } from 'libphonenumber-js';
import { validatePhoneNumber } from '../../phone/validate-phone-number';
import type { CliCommand } from '../cli-command';
import { createProgressBar } from '../create-progress-bar';
import { parseCommandArguments } from '../parse-command-arguments';
import { UsageError } from '../parse-worker-arguments';
import { readInputLines } from '../read-input-lines';

const USAGE = `Usage: tools-core validate [options] [number...]

Checks phone numbers with the rules a send applies (strict E.164, docs/phone-numbers.md): the numbers
given as arguments, or one per line on standard input. Prints one line per number; exits 1 when any
is invalid. A progress bar is drawn on standard error for large inputs when it is a terminal.

Options:
  --country <CC>   read numbers without + as national numbers of this country (ISO 3166-1, e.g. GB)
  --json           print one JSON object per number (JSON Lines)
  -h, --help       show this help`;

/** `tools-core validate`: one verdict per number, exit 1 when any is invalid. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'validate phone numbers (arguments or one per line on stdin)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('validate', args, { json: { type: 'boolean' }, country: { type: 'string' } });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const country = readCountry(parsed.values.country);
    const numbers = await readInputLines(parsed.positionals, io);
    if (numbers === undefined || numbers.length === 0) throw new UsageError('No numbers: pass them as arguments or one per line on standard input. Run tools-core validate --help.');
    const progress = createProgressBar(numbers.length, io);
    let invalid = 0;
    for (const input of numbers) {
      const result = validatePhoneNumber(input, country === undefined ? undefined : { defaultCountry: country });
      if (!result.valid) invalid += 1;
      if (parsed.values.json === true) io.write(JSON.stringify({ input, ...result }));
      else io.write(result.valid ? `valid    ${input} → ${result.e164} (${result.country ?? 'no country'}, ${result.type})` : `invalid  ${input}: ${result.message}`);
      progress.tick();
    }
    progress.done();
    return invalid === 0 ? 0 : 1;
  },
};

function readCountry(value: string | boolean | undefined): CountryCode | undefined {
  if (value === undefined || typeof value !== 'string') return undefined;
  if (!/^[A-Z]{2}$/.test(value)) throw new UsageError(`--country: "${value}" is not an ISO 3166-1 alpha-2 code. Fix: pass two capital letters, e.g. --country GB.`);
  return value as CountryCode;
}
