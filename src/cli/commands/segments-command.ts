import { calculateSegments } from '../../segments/calculate-segments';
import type { CliCommand } from '../cli-command';
import { parseCommandArguments } from '../parse-command-arguments';
import { UsageError } from '../parse-worker-arguments';

const USAGE = `Usage: tools-core segments [options] [text...]

Counts the segments of a message body exactly as a send does (GSM-7 or UCS-2, docs/segments-and-cost.md).
The text is the arguments joined by spaces, or standard input (one trailing newline dropped).

Options:
  --json        print the calculation as JSON
  -h, --help    show this help`;

/** `tools-core segments`: the encoding, segment count and characters left of a body. */
export const segmentsCommand: CliCommand = {
  name: 'segments',
  summary: 'count the segments of a message body (argument or stdin)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('segments', args, { json: { type: 'boolean' } });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const text = parsed.positionals.length > 0 ? parsed.positionals.join(' ') : (await io.readStdin?.())?.replace(/\r?\n$/, '');
    if (text === undefined) throw new UsageError('No text: pass it as an argument or on standard input. Run tools-core segments --help.');
    const calculation = calculateSegments(text);
    if (parsed.values.json === true) {
      const { encoding, segments, units, unitsPerSegment, remainingInLastSegment, nonGsmCharacters } = calculation;
      io.write(JSON.stringify({ encoding, segments, units, unitsPerSegment, remainingInLastSegment, nonGsmCharacters }));
      return 0;
    }
    io.write(`encoding   ${calculation.encoding}${calculation.nonGsmCharacters.length > 0 ? ` (because of ${calculation.nonGsmCharacters.join(' ')})` : ''}`);
    io.write(`segments   ${calculation.segments}`);
    io.write(`characters ${calculation.units} (${calculation.unitsPerSegment} per segment, ${calculation.remainingInLastSegment} left in the last one)`);
    return 0;
  },
};
