import type { CountryCode } from 'libphonenumber-js';
import { DEFAULT_PRICING } from '../../providers/default-pricing';
import { estimateCost } from '../../providers/estimate-cost';
import { calculateSegments } from '../../segments/calculate-segments';
import type { CliCommand } from '../cli-command';
import { parseCommandArguments } from '../parse-command-arguments';
import { UsageError } from '../parse-worker-arguments';

const USAGE = `Usage: tools-core cost [options] [text...]

Prices a message body from the list prices (docs/segments-and-cost.md#cost): the text is the arguments
joined by spaces, or standard input. Without --provider, every provider with a default price is listed.

Options:
  --provider <id>    price at this provider only (twilio, telnyx, vonage, plivo)
  --country <CC>     destination country for per-country prices (ISO 3166-1, e.g. US)
  --json             print JSON
  -h, --help         show this help`;

/** `tools-core cost`: what a body costs at each provider's list price. */
export const costCommand: CliCommand = {
  name: 'cost',
  summary: 'price a message body at each provider (argument or stdin)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('cost', args, { provider: { type: 'string' }, country: { type: 'string' }, json: { type: 'boolean' } });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const text = parsed.positionals.length > 0 ? parsed.positionals.join(' ') : (await io.readStdin?.())?.replace(/\r?\n$/, '');
    if (text === undefined) throw new UsageError('No text: pass it as an argument or on standard input. Run tools-core cost --help.');
    const country = typeof parsed.values.country === 'string' ? (parsed.values.country as CountryCode) : undefined;
    const providers = typeof parsed.values.provider === 'string' ? [parsed.values.provider] : Object.keys(DEFAULT_PRICING);
    const { encoding, segments } = calculateSegments(text);
    // estimateCost throws a ValidationError naming the provider or country when it has no price.
    const prices = providers.map((provider) => ({ provider, ...estimateCost(segments, { provider, ...(country === undefined ? {} : { country }) }) }));
    if (parsed.values.json === true) {
      io.write(JSON.stringify({ encoding, segments, prices: prices.map(({ provider, amount, currency }) => ({ provider, amount, currency })) }));
      return 0;
    }
    io.write(`${segments} segment${segments === 1 ? '' : 's'} (${encoding})`);
    for (const { provider, amount, currency } of prices) io.write(`${provider.padEnd(10)} ${amount} ${currency}`);
    return 0;
  },
};
