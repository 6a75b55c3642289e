import { createPostgresIdempotencyStore } from '../../adapters/postgres/postgres-idempotency-store';
import { createPostgresMessageStore } from '../../adapters/postgres/postgres-message-store';
import type { CliCommand } from '../cli-command';
import { createCliService } from '../create-cli-service';
import { parseCommandArguments } from '../parse-command-arguments';
import { readDatabaseUrl } from '../read-database-url';
import { parseDuration } from '../parse-duration';
import { UsageError } from '../parse-worker-arguments';

const USAGE = `Usage: tools-core reconcile --database-url <url> [options]

Settles what never got an answer (docs/reconciliation.md): sends whose outcome is unknown and messages stuck
before a final status, from what each provider reports, on the PostgreSQL message and idempotency stores the
services share. Providers come from the environment (TWILIO_*, TELNYX_*, VONAGE_*, PLIVO_*) or --config.
Sends nothing, except with --resend-not-sent. One reconciler runs at a time across instances.
Exits 0 when the run finished (or another one holds the lock), 1 when a record could not be checked,
2 for bad options or configuration.

Options:
  --database-url <url>    postgres://… (default: $DATABASE_URL)
  --schema <name>         schema of the tables (default: public)
  --table <name>          message table (default: sms_messages)
  --config <file.json>    SMSService.fromConfig settings instead of the environment
  --older-than <time>     check records waiting longer than this (default: 15m)
  --limit <n>             most records checked (default: 100)
  --resend-not-sent       send once more what the provider provably never accepted
  --json                  print the summary as JSON
  -h, --help              show this help`;

/** `tools-core reconcile`: one reconciliation run on the shared PostgreSQL stores. */
export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  summary: 'settle unknown outcomes and missed statuses from the providers (PostgreSQL stores)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('reconcile', args, {
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      table: { type: 'string' },
      config: { type: 'string' },
      'older-than': { type: 'string' },
      limit: { type: 'string' },
      'resend-not-sent': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const { values } = parsed;
    const connectionString = readDatabaseUrl(values['database-url'], io, 'reconcile');
    const limit = typeof values.limit === 'string' ? Number(values.limit) : undefined;
    if (limit !== undefined && !Number.isSafeInteger(limit)) throw new UsageError(`--limit: "${String(values.limit)}" is not a whole number. Run tools-core reconcile --help.`);
    const names = { ...(typeof values.schema === 'string' ? { schema: values.schema } : {}) };
    const store = createPostgresMessageStore({ connectionString, ...names, ...(typeof values.table === 'string' ? { table: values.table } : {}) });
    const idempotencyStore = createPostgresIdempotencyStore({ connectionString, ...names });
    try {
      const sms = createCliService(values.config, io, { store, idempotency: { store: idempotencyStore } });
      const summary = await sms.reconcile({
        ...(typeof values['older-than'] === 'string' ? { olderThan: parseDuration(values['older-than'], '--older-than') } : {}),
        ...(limit === undefined ? {} : { limit }),
        resendNotSent: values['resend-not-sent'] === true,
      });
      if (values.json === true) io.write(JSON.stringify(summary));
      else if (!summary.ran) io.write('another reconciler holds the lock: nothing checked');
      else {
        const settled = Object.entries(summary.settled).map(([status, count]) => `${count} ${status}`).join(', ') || 'none';
        io.write(`checked ${summary.checked}: settled ${settled}; not sent ${summary.notSent} (resent ${summary.resent}); unchanged ${summary.unchanged}; still unknown ${summary.stillUnknown}; ambiguous ${summary.ambiguous}; unsupported ${summary.unsupported}; errors ${summary.errors.length}`);
        for (const error of summary.errors) io.write(`  ${error.messageId}: ${error.message}`);
      }
      return summary.errors.length === 0 ? 0 : 1;
    } finally {
      await store.close();
      await idempotencyStore.close();
    }
  },
};
