import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import { SmsError } from '../errors/sms-error';
import { unknownOptionError } from '../errors/unknown-option-error';
import { ValidationError } from '../errors/validation-error';
import { smsResultEventSchema } from '../events/contracts/sms-result-event-schema';
import type { SmsResponseEvent } from '../events/contracts/sms-response-event';
import { SMS_SEND_REQUEST_SCHEMA_VERSION, smsSendRequestSchema, type SmsSendRequest } from '../events/contracts/sms-send-request-schema';
import { busError } from './bus-error';
import type { BusDelivery, BusSubscription, EventBus } from './event-bus';
import { invalidRequestError } from './request-errors';

/** One message to send, as a host asks for it (camelCase; the envelope on the bus is snake_case). */
export interface SmsClientRequest {
  tenantId: string;
  to: string;
  body: string;
  from?: string;
  mediaUrls?: readonly string[];
  metadata?: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * The key that makes resends safe: publish the same message again with the same key and it is sent
   * at most once. Default: the request id, so each `request()` is a new message.
   */
  idempotencyKey?: string;
  /** Your trace id, copied into every event about this request. Default: the request id. */
  correlationId?: string;
  /** Seconds the request stays valid from now. Default: the client's `ttlSeconds`. */
  ttlSeconds?: number;
  actor?: { userId?: string };
  /** Default: a random UUID. */
  requestId?: string;
}

export interface SmsClientOptions {
  bus: EventBus;
  /** Default `ttl` of requests, in seconds. Default 3600. */
  ttlSeconds?: number;
  /** How long `request()` waits for the answer, in ms. Default 30 000. */
  timeoutMs?: number;
  clock?: Clock;
  generateId?: () => string;
  /** The client's own temporary response queue. Default `tools-core.sms.responses.<random>`. */
  responseQueue?: string;
}

export interface SmsClient {
  /** Validates and publishes one request; resolves with the envelope once the bus confirmed it. */
  publish(request: SmsClientRequest): Promise<SmsSendRequest>;
  /**
   * Publishes one request and waits for its answer (`sms.sent` or `sms.failed`, matched by `request_id`;
   * repeats of the answer are ignored). After `timeoutMs` it rejects with `TIMEOUT`/`RESPONSE_TIMEOUT`:
   * the request may still be sent, so resend it only with the same idempotency key.
   */
  request(request: SmsClientRequest, options?: { timeoutMs?: number }): Promise<SmsResponseEvent>;
  /** Stops listening; waiting requests reject with `BUS_CLOSED`. The bus stays open. */
  close(): Promise<void>;
}

interface Waiting {
  readonly resolve: (event: SmsResponseEvent) => void;
  readonly reject: (error: SmsError) => void;
  readonly timer: NodeJS.Timeout;
}

/** Requests are published mandatory: with no worker queue bound, the broker returns them instead of dropping them. */
const MANDATORY = Object.freeze({ mandatory: true });

/** Every field of a request, so a typo (`mediaUrl`, `ttl`) is refused rather than dropped; typed so none is missed. */
const requestFields: Readonly<Record<keyof SmsClientRequest, true>> = {
  tenantId: true,
  to: true,
  body: true,
  from: true,
  mediaUrls: true,
  metadata: true,
  idempotencyKey: true,
  correlationId: true,
  ttlSeconds: true,
  actor: true,
  requestId: true,
};
const actorFields: Readonly<Record<keyof NonNullable<SmsClientRequest['actor']>, true>> = { userId: true };
const requestOptionFields: Readonly<Record<'timeoutMs', true>> = { timeoutMs: true };

const fieldNames: Record<string, string> = {
  request_id: 'requestId',
  correlation_id: 'correlationId',
  tenant_id: 'tenantId',
  idempotency_key: 'idempotencyKey',
  ttl: 'ttlSeconds',
  'actor.user_id': 'actor.userId',
  'data.to_number': 'to',
  'data.body': 'body',
  'data.from_number': 'from',
  'data.media_urls': 'mediaUrls',
  'data.metadata': 'metadata',
};

/**
 * The host's side of platform mode: builds valid `sms.send_request` envelopes (with `created_at`),
 * publishes them (refused with `BUS_UNROUTABLE` when no worker queue is bound, rather than lost) and,
 * with `request()`, awaits the correlated answer. The answers come through a temporary queue of its own
 * bound to `sms.sent` and `sms.failed`; every client sees every answer and keeps its own, so with many
 * host instances prefer `publish()` and one durable queue of answers (docs/platform-mode.md).
 *
 * @example
 * const client = createSmsClient({ bus });
 * const response = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Hi', idempotencyKey: 'order-42' });
 * console.log(response.type); // 'sms.sent'
 */
export function createSmsClient(options: SmsClientOptions): SmsClient {
  const { bus } = options;
  const clock = options.clock ?? systemClock;
  const generateId = options.generateId ?? randomUUID;
  const ttlSeconds = options.ttlSeconds ?? 3_600;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const responseQueue = options.responseQueue ?? `tools-core.sms.responses.${randomUUID()}`;
  checkTimeout('options.timeoutMs', timeoutMs);
  const waiting = new Map<string, Waiting>();
  let listening: Promise<BusSubscription> | undefined;
  /** Set once the answer queue is consumed, so later requests skip waiting on it. */
  let listened = false;
  let closed = false;

  const onResponse = async (delivery: BusDelivery): Promise<void> => {
    // Every client sees every answer: only its own are parsed in full.
    const requestId = (delivery.message as { request_id?: unknown } | undefined)?.request_id;
    const entry = typeof requestId === 'string' ? waiting.get(requestId) : undefined;
    const parsed = entry === undefined ? undefined : smsResultEventSchema.safeParse(delivery.message);
    if (entry !== undefined && parsed?.success === true) {
      waiting.delete(requestId as string);
      clearTimeout(entry.timer);
      entry.resolve(parsed.data as SmsResponseEvent);
    }
    await delivery.ack();
  };

  const listen = (): Promise<BusSubscription> => {
    if (listening === undefined) {
      const subscribing = bus.subscribe({ queue: responseQueue, topics: ['sms.sent', 'sms.failed'], prefetch: 200, expiresAfterIdleMs: 600_000 }, onResponse);
      listening = subscribing;
      subscribing.then(
        () => void (listened = listening === subscribing),
        () => (listening = undefined),
      );
    }
    return listening;
  };

  const envelopeOf = (request: SmsClientRequest): SmsSendRequest => {
    const input = (typeof request === 'object' && request !== null ? request : {}) as Partial<SmsClientRequest>;
    refuseUnknownKeys(input, requestFields, 'request field');
    if (typeof input.actor === 'object' && input.actor !== null) refuseUnknownKeys(input.actor, actorFields, 'actor field', 'actor');
    const requestId = input.requestId ?? generateId();
    const candidate = {
      type: 'sms.send_request',
      schema_version: SMS_SEND_REQUEST_SCHEMA_VERSION,
      request_id: requestId,
      correlation_id: input.correlationId ?? requestId,
      tenant_id: input.tenantId,
      ...(input.actor === undefined ? {} : { actor: { user_id: input.actor.userId ?? null } }),
      idempotency_key: input.idempotencyKey ?? requestId,
      ttl: input.ttlSeconds ?? ttlSeconds,
      created_at: new Date(clock.now()).toISOString(),
      data: {
        to_number: input.to,
        body: input.body,
        ...(input.from === undefined ? {} : { from_number: input.from }),
        ...(input.mediaUrls === undefined ? {} : { media_urls: input.mediaUrls }),
        metadata: input.metadata ?? {},
      },
    };
    const parsed = smsSendRequestSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    throw invalidRequestError(parsed.error, candidate, inputFieldName);
  };

  return {
    async publish(request) {
      if (closed) throw closedError();
      const envelope = envelopeOf(request);
      await bus.publish(envelope, MANDATORY);
      return envelope;
    },

    async request(request, requestOptions = {}) {
      if (closed) throw closedError();
      if (typeof requestOptions === 'object' && requestOptions !== null) refuseUnknownKeys(requestOptions, requestOptionFields, 'request option', 'options');
      const wait = requestOptions.timeoutMs ?? timeoutMs;
      checkTimeout('options.timeoutMs', wait);
      const envelope = envelopeOf(request);
      if (!listened) await listen();
      const answered = new Promise<SmsResponseEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(envelope.request_id);
          reject(responseTimeout(envelope, wait));
        }, wait);
        waiting.set(envelope.request_id, { resolve, reject, timer });
      });
      try {
        await bus.publish(envelope, MANDATORY);
      } catch (error) {
        const entry = waiting.get(envelope.request_id);
        waiting.delete(envelope.request_id);
        clearTimeout(entry?.timer);
        // `answered` is dropped unsettled: nothing listens to it.
        throw error;
      }
      return answered;
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const [requestId, entry] of waiting) {
        clearTimeout(entry.timer);
        entry.reject(closedError());
        waiting.delete(requestId);
      }
      const subscription = await listening?.catch(() => undefined);
      await subscription?.close();
    },
  };
}

/** Throws `UNKNOWN_OPTION` for a key nothing reads, as `SMSService.send()` does (docs/platform-mode.md). */
function refuseUnknownKeys(value: object, accepted: Readonly<Record<string, true>>, kind: string, path?: string): void {
  const keys = Object.keys(value).filter((key) => !Object.hasOwn(accepted, key));
  if (keys.length > 0) throw unknownOptionError({ keys, kind, accepted: Object.keys(accepted), ...(path === undefined ? {} : { path }) });
}

/** The client's name for an envelope path: `data.media_urls.2` → `mediaUrls.2`. */
function inputFieldName(path: string): string {
  const prefix = Object.keys(fieldNames).find((name) => path === name || path.startsWith(`${name}.`));
  return prefix === undefined ? path : `${fieldNames[prefix]}${path.slice(prefix.length)}`;
}

function responseTimeout(envelope: SmsSendRequest, waitedMs: number): SmsError {
  return new SmsError({
    code: 'TIMEOUT',
    reason: 'RESPONSE_TIMEOUT',
    message: `No answer to request ${envelope.request_id} within ${waitedMs} ms. A worker may still send it: resend only with the same idempotency key, or wait for its answer on the bus.`,
    retryable: true,
    outcomeUnknown: true,
  });
}

function closedError(): SmsError {
  return busError({ reason: 'BUS_CLOSED', bus: 'client', message: 'The SMS client is closed.' });
}

function checkTimeout(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 86_400_000) {
    throw new ValidationError({ field, reason: 'INVALID_OPTION', problem: `${String(value)} is out of range.`, fix: 'pass a whole number of milliseconds from 1 to 86400000.' });
  }
}
