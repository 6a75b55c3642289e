import { optionError } from '../options/option-error';
import { busError } from './bus-error';
import type { BusMessage, SubscribeOptions } from './event-bus';

/** A message ready for the wire: its type (routing key), JSON body, and id when it has one. */
export interface SerializedBusMessage {
  readonly type: string;
  readonly body: string;
  /** `event_id` of an event, `request_id` of a request: the AMQP message id. */
  readonly id: string | undefined;
}

/** Longest queue name: RabbitMQ allows 255 bytes, and the bus appends `.dead-letter` or `.delay.<ms>`. */
const MAX_QUEUE_NAME = 200;
/** Longest delayed retry: a day. */
const MAX_RETRY_DELAY_MS = 86_400_000;

/**
 * Serialises a message the same way on every bus (JSON, so the in-memory bus cannot accept what a broker
 * would refuse). A message without a string `type`, or that is not JSON-serialisable, is refused with
 * `BUS_INVALID_MESSAGE`.
 *
 * @example
 * serializeBusMessage({ type: 'sms.sent', event_id: 'e-1' }, 'memory').id; // 'e-1'
 */
export function serializeBusMessage(message: BusMessage, bus: string): SerializedBusMessage {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(checkedTypes.has(type) || checkType(type))) {
    throw busError({ reason: 'BUS_INVALID_MESSAGE', bus, message: 'The message has no valid type: pass an object whose type is dot-separated words, such as "sms.send_request".' });
  }
  let body: string;
  try {
    body = JSON.stringify(message);
  } catch (error) {
    throw busError({ reason: 'BUS_INVALID_MESSAGE', bus, message: `The ${type} message is not JSON-serialisable.`, cause: error });
  }
  const record = message as { event_id?: unknown; request_id?: unknown };
  const id = typeof record.event_id === 'string' ? record.event_id : typeof record.request_id === 'string' ? record.request_id : undefined;
  return { type, body, id };
}

/** Types already found valid: a bus publishes a handful of them, millions of times. */
const checkedTypes = new Set<string>();

function checkType(type: string): boolean {
  if (type.length > 255 || !/^[\w-]+(\.[\w-]+)*$/.test(type)) return false;
  if (checkedTypes.size < 1_000) checkedTypes.add(type);
  return true;
}

/** Parses a delivered body; undefined when it is not JSON (a poison message the handler dead-letters). */
export function parseBusBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export interface CheckedSubscribeOptions {
  readonly queue: string;
  readonly topics: readonly string[];
  readonly prefetch: number;
  readonly expiresAfterIdleMs: number | undefined;
}

/**
 * Validates `subscribe()` options the same way on every bus; errors name `options.…` and the fix.
 *
 * @example
 * checkSubscribeOptions({ queue: 'q', topics: ['sms.*'] }).prefetch; // 10
 */
export function checkSubscribeOptions(options: SubscribeOptions): CheckedSubscribeOptions {
  const { queue, topics, prefetch = 10, expiresAfterIdleMs } = options ?? ({} as SubscribeOptions);
  if (typeof queue !== 'string' || queue.length === 0 || queue.length > MAX_QUEUE_NAME || queue.startsWith('amq.')) {
    throw optionError('options.queue', `is not a queue name of 1 to ${MAX_QUEUE_NAME} characters (names starting with "amq." are the broker's).`, "pass a name such as 'tools-core.sms.send_request'.");
  }
  if (!Array.isArray(topics) || topics.some((topic) => typeof topic !== 'string' || !/^([\w-]+|\*|#)(\.([\w-]+|\*|#))*$/.test(topic))) {
    throw optionError('options.topics', 'is not an array of topic patterns.', "pass types or patterns such as ['sms.send_request'] or ['sms.*'], or [] to bind nothing.");
  }
  if (!Number.isSafeInteger(prefetch) || prefetch < 1 || prefetch > 2_000) {
    throw optionError('options.prefetch', `${String(prefetch)} is out of range.`, 'pass a whole number from 1 to 2000 (quorum queues cap prefetch at 2000).');
  }
  if (expiresAfterIdleMs !== undefined && (!Number.isSafeInteger(expiresAfterIdleMs) || expiresAfterIdleMs < 1_000)) {
    throw optionError('options.expiresAfterIdleMs', `${String(expiresAfterIdleMs)} is out of range.`, 'pass a whole number of milliseconds of at least 1000, or omit it for a durable queue.');
  }
  return { queue, topics: [...topics], prefetch, expiresAfterIdleMs };
}

/**
 * Validates `retryLater`'s delay: milliseconds from 0 to 24 h (no request outlives its 24 h ttl cap).
 *
 * @example
 * checkRetryDelay(1_500); // 1500
 */
export function checkRetryDelay(delayMs: unknown): number {
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > MAX_RETRY_DELAY_MS) {
    throw optionError('options.delayMs', `${String(delayMs)} is not a delay in milliseconds.`, `pass a number from 0 to ${MAX_RETRY_DELAY_MS}.`);
  }
  return delayMs;
}

