import { SmsError } from '../../errors/sms-error';
import type { SendRequest } from '../../messages/send-request';
import type { CliCommand } from '../cli-command';
import { createCliService } from '../create-cli-service';
import { parseCommandArguments } from '../parse-command-arguments';
import { UsageError } from '../parse-worker-arguments';

const USAGE = `Usage: tools-core send --to <number> [--body <text>] [options]

Sends one SMS through the providers configured by environment variables (TWILIO_*, TELNYX_*, VONAGE_*,
PLIVO_*: docs/providers.md) or by --config. The body is --body, or standard input.
Exits 0 when a provider accepted it, 1 when the send failed, 2 for a bad request or configuration.

Options:
  --to <number>              recipient, E.164 (+14155552671)
  --body <text>              message body (default: standard input)
  --from <number>            sender (default: the provider's configured one)
  --tenant <id>              tenant (organisation) id
  --idempotency-key <key>    makes the send safe to repeat
  --config <file.json>       SMSService.fromConfig settings instead of the environment
  --dry-run                  validate, count and price; send nothing
  --json                     print the result (or error) as JSON
  -h, --help                 show this help`;

/** `tools-core send`: one message, or with `--dry-run` its validation, segments and price. */
export const sendCommand: CliCommand = {
  name: 'send',
  summary: 'send one SMS from environment or config (--dry-run validates, counts and prices)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('send', args, {
      to: { type: 'string' },
      body: { type: 'string' },
      from: { type: 'string' },
      tenant: { type: 'string' },
      'idempotency-key': { type: 'string' },
      config: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const { values } = parsed;
    if (parsed.positionals.length > 0) throw new UsageError(`Unexpected argument "${parsed.positionals[0] ?? ''}": pass the text with --body. Run tools-core send --help.`);
    if (typeof values.to !== 'string') throw new UsageError('--to is required. Run tools-core send --help.');
    const body = typeof values.body === 'string' ? values.body : (await io.readStdin?.())?.replace(/\r?\n$/, '');
    if (body === undefined) throw new UsageError('No body: pass --body or pipe it on standard input. Run tools-core send --help.');
    const request: SendRequest = {
      to: values.to,
      body,
      ...(typeof values.from === 'string' ? { from: values.from } : {}),
      ...(typeof values.tenant === 'string' ? { tenantId: values.tenant } : {}),
      ...(typeof values['idempotency-key'] === 'string' ? { idempotencyKey: values['idempotency-key'] } : {}),
    };
    const sms = createCliService(values.config, io);
    const json = values.json === true;
    if (values['dry-run'] === true) {
      const preview = sms.preview(request);
      if (json) io.write(JSON.stringify({ dryRun: true, ...preview }));
      else io.write(`would send to ${preview.to} via ${preview.provider}: ${preview.segments} segment${preview.segments === 1 ? '' : 's'} (${preview.encoding}), ${preview.cost === null ? 'no list price' : `${preview.cost.amount} ${preview.cost.currency}`}`);
      return 0;
    }
    try {
      const result = await sms.send(request);
      if (json) io.write(JSON.stringify(result));
      else io.write(`sent ${result.id} via ${result.provider} (${result.providerMessageId}, ${result.status}): ${result.segments} segment${result.segments === 1 ? '' : 's'}${result.cost === null ? '' : `, ${result.cost.amount} ${result.cost.currency}`}`);
      return 0;
    } catch (error) {
      if (!SmsError.isInstance(error) || error.code === 'VALIDATION_ERROR') throw error;
      io.write(json ? JSON.stringify({ error: error.toJSON() }) : `not sent${error.outcomeUnknown ? ' (it may have been accepted)' : ''}: ${error.message}`);
      return 1;
    }
  },
};

