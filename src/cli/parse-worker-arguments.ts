import { parseArgs } from 'node:util';
import { DEFAULT_SEND_REQUEST_QUEUE } from '../platform/create-sms-worker';

/** What `tools-core worker` runs with. */
export interface WorkerCommandOptions {
  readonly amqpUrl: string;
  readonly redisUrl: string;
  readonly exchange: string;
  readonly queue: string;
  readonly concurrency: number;
  readonly drainTimeoutMs: number;
  /** `env`: Twilio / Telnyx from environment variables; `fake`: accepts everything, sends nothing (development and tests). */
  readonly provider: 'env' | 'fake';
  /** With `--provider fake`: how long each fake send takes. */
  readonly fakeDelayMs: number;
  /** How long the start waits for RabbitMQ to be reachable. Refused credentials or vhost fail at once. */
  readonly connectTimeoutMs: number;
  /** Start even when a fallback provider's SDK cannot load (the primary's must); it is reported unavailable. */
  readonly allowMissingFallback: boolean;
}

/** A command line that cannot run; the CLI prints it and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const WORKER_USAGE = `Usage: tools-core worker --amqp-url <url> --redis-url <url> [options]

Consumes sms.send_request from RabbitMQ and answers each with sms.sent or sms.failed
(docs/platform-mode.md). Providers come from TWILIO_* / TELNYX_* environment variables.
Stops on SIGTERM or SIGINT after the requests in progress are answered.

Options:
  --amqp-url <url>          RabbitMQ URL (default: $AMQP_URL)
  --redis-url <url>         Redis URL of the idempotency store (default: $REDIS_URL)
  --exchange <name>         topic exchange (default: tools-core.sms)
  --queue <name>            work queue (default: ${DEFAULT_SEND_REQUEST_QUEUE})
  --concurrency <n>         requests processed at once, 1-1000 (default: 10)
  --drain-timeout-ms <ms>   longest wait for requests in progress on shutdown (default: 30000)
  --provider <env|fake>     env: Twilio/Telnyx from the environment (default);
                            fake: accept everything, send nothing (local development, tests)
  --fake-delay-ms <ms>      with --provider fake: time each fake send takes (default: 0)
  --connect-timeout-ms <ms> how long the start waits for RabbitMQ to be reachable (default: 30000);
                            refused credentials or virtual host fail at once (exit 2)
  --allow-missing-fallback  start even when a fallback provider's SDK is not installed (it is
                            reported unavailable); without it the worker refuses to start (exit 2)
  -h, --help                this text`;

/**
 * Parses `tools-core worker` arguments with `node:util` `parseArgs`; URLs fall back to `AMQP_URL` and
 * `REDIS_URL`. Throws `UsageError` naming the problem; returns `'help'` for `--help`.
 *
 * @example
 * parseWorkerArguments(['--amqp-url', 'amqp://127.0.0.1', '--redis-url', 'redis://127.0.0.1'], {}).concurrency; // 10
 */
export function parseWorkerArguments(args: readonly string[], env: Readonly<Record<string, string | undefined>>): WorkerCommandOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        'amqp-url': { type: 'string' },
        'redis-url': { type: 'string' },
        exchange: { type: 'string' },
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        'drain-timeout-ms': { type: 'string' },
        provider: { type: 'string' },
        'fake-delay-ms': { type: 'string' },
        'connect-timeout-ms': { type: 'string' },
        'allow-missing-fallback': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return 'help';
  const amqpUrl = values['amqp-url'] ?? env.AMQP_URL;
  const redisUrl = values['redis-url'] ?? env.REDIS_URL;
  if (amqpUrl === undefined || amqpUrl === '') throw new UsageError('--amqp-url is required (or set AMQP_URL).');
  if (redisUrl === undefined || redisUrl === '') throw new UsageError('--redis-url is required (or set REDIS_URL): the idempotency store is what keeps a redelivered request from being sent twice.');
  const provider = values.provider ?? 'env';
  if (provider !== 'env' && provider !== 'fake') throw new UsageError(`--provider must be env or fake, not "${provider}".`);
  return {
    amqpUrl,
    redisUrl,
    exchange: values.exchange ?? 'tools-core.sms',
    queue: values.queue ?? DEFAULT_SEND_REQUEST_QUEUE,
    concurrency: wholeNumber('--concurrency', values.concurrency, 10, 1, 1_000),
    drainTimeoutMs: wholeNumber('--drain-timeout-ms', values['drain-timeout-ms'], 30_000, 0, 3_600_000),
    provider,
    fakeDelayMs: wholeNumber('--fake-delay-ms', values['fake-delay-ms'], 0, 0, 60_000),
    connectTimeoutMs: wholeNumber('--connect-timeout-ms', values['connect-timeout-ms'], 30_000, 1, 3_600_000),
    allowMissingFallback: values['allow-missing-fallback'] === true,
  };
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < minimum || number > maximum) throw new UsageError(`${flag} must be a whole number from ${minimum} to ${maximum}, not "${value}".`);
  return number;
}
