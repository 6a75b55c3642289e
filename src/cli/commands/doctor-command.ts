import type { CliCommand } from '../cli-command';
import { createCliService } from '../create-cli-service';
import { checkDatabase, checkProviders, checkRabbitMq, checkRedis, type DoctorCheck } from '../doctor-checks';
import { parseCommandArguments } from '../parse-command-arguments';

const USAGE = `Usage: tools-core doctor [options]

Checks that what is configured can work, without sending anything: each provider's SDK loads and its
settings are valid (from the environment, TWILIO_*, TELNYX_*, VONAGE_*, PLIVO_*, or --config), its circuit is
not open, and the PostgreSQL database (migrations applied), Redis and RabbitMQ answer when configured.
Exits 0 when everything can work, 1 when something configured cannot, 2 for bad options or configuration.

Options:
  --config <file.json>    SMSService.fromConfig settings instead of the environment
  --database-url <url>    PostgreSQL to check (default: $DATABASE_URL)
  --schema <name>         schema of the tables (default: public)
  --redis-url <url>       Redis to check (default: $REDIS_URL)
  --amqp-url <url>        RabbitMQ to check (default: $AMQP_URL)
  --json                  print the checks as JSON
  -h, --help              show this help`;

/** `tools-core doctor`: the configuration's readiness, with the fix for whatever cannot work. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'check providers, database, Redis and RabbitMQ can work, sending nothing',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments('doctor', args, {
      config: { type: 'string' },
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      'redis-url': { type: 'string' },
      'amqp-url': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (parsed === 'help') {
      io.write(USAGE);
      return 0;
    }
    const { values } = parsed;
    const text = (value: unknown, fallback: string | undefined) => (typeof value === 'string' && value !== '' ? value : fallback === '' ? undefined : fallback);
    const sms = createCliService(values.config, io);
    const checks: DoctorCheck[] = await checkProviders(sms);
    const databaseUrl = text(values['database-url'], io.env.DATABASE_URL);
    if (databaseUrl !== undefined) checks.push(await checkDatabase(databaseUrl, typeof values.schema === 'string' ? values.schema : undefined));
    const redisUrl = text(values['redis-url'], io.env.REDIS_URL);
    if (redisUrl !== undefined) checks.push(await checkRedis(redisUrl));
    const amqpUrl = text(values['amqp-url'], io.env.AMQP_URL);
    if (amqpUrl !== undefined) checks.push(await checkRabbitMq(amqpUrl));
    const ok = checks.every((check) => check.ok);
    if (values.json === true) io.write(JSON.stringify({ ok, checks }));
    else for (const check of checks) io.write(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    return ok ? 0 : 1;
  },
};
