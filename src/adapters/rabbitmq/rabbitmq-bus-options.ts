import type { Logger } from '../../logging/logger';
import { readLogger } from '../../logging/read-logger';
import { optionError } from '../../options/option-error';
import type { AmqpConnect } from './amqp-client-like';

/** One structured line about the connection (the CLI prints them as JSON). Credentials are masked. */
export interface RabbitMqBusLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly event: 'connection.opened' | 'connection.lost' | 'connection.retrying' | 'connection.blocked' | 'connection.unblocked' | 'subscription.restored' | 'subscription.failed' | 'handler.failed';
  readonly url?: string;
  readonly generation?: number;
  readonly attempt?: number;
  readonly delay_ms?: number;
  readonly queue?: string;
  readonly message?: string;
}

export interface RabbitMqBusOptions {
  /** `amqp://user:password@host:5672/vhost` (or `amqps://`); add `?heartbeat=10` to notice a dead peer sooner. */
  url: string;
  /** The durable topic exchange; routing keys are event types. Default `tools-core.sms`. */
  exchange?: string;
  /** Shown by the management UI and `rabbitmqctl list_connections`. Default `tools-core`. */
  connectionName?: string;
  /**
   * Type of durable queues and their dead-letter queues: `quorum` (default; replicated, with a delivery
   * limit, docs/platform-mode.md#rabbitmq) or `classic`. An existing queue keeps its type: RabbitMQ refuses to redeclare
   * it as another.
   */
  queueType?: 'quorum' | 'classic';
  /** Quorum queues: deliveries of one message before the broker dead-letters it. Default 20. */
  deliveryLimit?: number;
  /** How long a publish may wait for a connection and its confirm, across reconnections, in ms. Default 30 000. */
  publishTimeoutMs?: number;
  /**
   * How long `subscribe()` waits for the broker to be reachable before it fails with `BUS_UNAVAILABLE`,
   * in ms (the worker's start; `tools-core worker --connect-timeout-ms`). Default `publishTimeoutMs`.
   */
  connectTimeoutMs?: number;
  /** Reconnection backoff: the first wait and the cap, in ms, doubling in between with jitter. Default 100 and 10 000. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Receives connection events. Default: each goes to `logger` at its level. */
  onLog?: (entry: RabbitMqBusLogEntry) => void;
  /** A pino-compatible logger (docs/logging.md). Default: warnings and errors as `process.emitWarning`. */
  logger?: Logger;
  /** amqplib's `connect`, or a wrapper of it. Default: `import('amqplib')` on first use. */
  connect?: AmqpConnect;
  /**
   * Sends the frames written in one turn of the event loop (publishes, acks) in one system call instead
   * of one each (`coalesceSocketWrites`). Default true; false leaves amqplib's socket as it is.
   */
  coalesceWrites?: boolean;
}

export interface ResolvedRabbitMqBusOptions {
  readonly url: string;
  readonly safeUrl: string;
  /** The virtual host the URL names (`/` when it names none), for messages. */
  readonly vhost: string;
  readonly exchange: string;
  readonly connectionName: string;
  readonly queueType: 'quorum' | 'classic';
  readonly deliveryLimit: number;
  readonly publishTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly log: (entry: RabbitMqBusLogEntry) => void;
  readonly connect: AmqpConnect | undefined;
  readonly coalesceWrites: boolean;
}

/**
 * Validates the options and applies the defaults; errors name `options.…` and never echo the URL's
 * password.
 *
 * @example
 * readRabbitMqBusOptions({ url: 'amqp://127.0.0.1' }).exchange; // 'tools-core.sms'
 */
export function readRabbitMqBusOptions(options: RabbitMqBusOptions): ResolvedRabbitMqBusOptions {
  const { url } = options ?? ({} as RabbitMqBusOptions);
  if (typeof url !== 'string' || !/^amqps?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
    throw optionError('options.url', 'is not a valid amqp:// or amqps:// URL (a host, an optional port of digits, an optional /vhost).', "pass a URL such as 'amqp://guest:guest@127.0.0.1:5672'.");
  }
  const exchange = options.exchange ?? 'tools-core.sms';
  if (typeof exchange !== 'string' || exchange.length === 0 || exchange.length > 200 || exchange.startsWith('amq.')) {
    throw optionError('options.exchange', 'is not an exchange name of 1 to 200 characters (names starting with "amq." are the broker\'s).', "pass a name such as 'tools-core.sms'.");
  }
  const queueType = options.queueType ?? 'quorum';
  if (queueType !== 'quorum' && queueType !== 'classic') throw optionError('options.queueType', 'is neither quorum nor classic.', "pass 'quorum' or 'classic'.");
  const deliveryLimit = wholeNumber('options.deliveryLimit', options.deliveryLimit, 20, 1, 1_000);
  const publishTimeoutMs = wholeNumber('options.publishTimeoutMs', options.publishTimeoutMs, 30_000, 1, 3_600_000);
  const connectTimeoutMs = wholeNumber('options.connectTimeoutMs', options.connectTimeoutMs, publishTimeoutMs, 1, 3_600_000);
  const initialDelayMs = wholeNumber('options.reconnect.initialDelayMs', options.reconnect?.initialDelayMs, 100, 1, 60_000);
  const maxDelayMs = wholeNumber('options.reconnect.maxDelayMs', options.reconnect?.maxDelayMs, 10_000, initialDelayMs, 600_000);
  if (options.connect !== undefined && typeof options.connect !== 'function') throw optionError('options.connect', 'is not a function.', "pass amqplib's connect, or omit it.");
  const coalesceWrites = options.coalesceWrites ?? true;
  if (typeof coalesceWrites !== 'boolean') throw optionError('options.coalesceWrites', 'is not a boolean.', 'pass true or false, or omit it.');
  return {
    url,
    safeUrl: url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:•••@'),
    vhost: readVhost(url),
    exchange,
    connectionName: options.connectionName ?? 'tools-core',
    queueType,
    deliveryLimit,
    publishTimeoutMs,
    connectTimeoutMs,
    initialDelayMs,
    maxDelayMs,
    log: options.onLog ?? connectionEventReporter(readLogger(options.logger, 'options.logger')),
    connect: options.connect,
    coalesceWrites,
  };
}

/** amqplib's reading of the path: `/` when empty, else the decoded path without its leading slash. */
function readVhost(url: string): string {
  const path = new URL(url).pathname;
  if (path === '' || path === '/') return '/';
  try {
    return decodeURIComponent(path.slice(1));
  } catch {
    return path.slice(1);
  }
}

function wholeNumber(field: string, value: unknown, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw optionError(field, `${String(value)} is out of range.`, `pass a whole number from ${minimum} to ${maximum}.`);
  }
  return value;
}

function connectionEventReporter(logger: Logger): (entry: RabbitMqBusLogEntry) => void {
  return (entry) => logger[entry.level]({ code: 'TOOLS_CORE_RABBITMQ', ...entry }, `RabbitMQ bus ${entry.event}${entry.message === undefined ? '' : `: ${entry.message}`}`);
}
