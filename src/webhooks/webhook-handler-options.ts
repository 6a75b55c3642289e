import type { TracerLike } from '../observability/tracer-like';
import type { Logger } from '../logging/logger';
import type { Clock } from '../clock';
import type { BuiltInWebhookOptions } from '../providers/built-in-providers';
import type { EventPublisher } from '../events/event-publisher';
import type { OptOutStore } from '../opt-outs/opt-out-store';
import type { SendRequest } from '../messages/send-request';
import type { MessageStore } from '../store/message-store';
import type { InboundMessage } from '../messages/inbound-message';
import type { WebhookDedupeStore } from './webhook-dedupe-store';

/** What the handler needs of an `SMSService`: its store, bus and opt-outs, and `send` for HELP replies over Telnyx. */
export interface WebhookService {
  readonly store: MessageStore;
  readonly events: EventPublisher;
  readonly optOuts?: OptOutStore | undefined;
  send?(request: SendRequest): Promise<unknown>;
}

export interface WebhookHandlerOptions {
  /** The `SMSService` whose messages the callbacks are about; its store, events and optOuts are the defaults below. */
  service?: WebhookService;
  /** The message store to update (default: the service's). Required without `service`. */
  store?: MessageStore;
  /** Where `sms.status` / `sms.received` are published (default: the service's). Required without `service`. */
  events?: EventPublisher;
  /** Where STOP / START replies and provider opt-out errors are recorded (default: the service's, if any). */
  optOuts?: OptOutStore;
  /**
   * The vendors whose webhooks are accepted, each with its secret (docs/webhooks.md). A vendor without its
   * secret is refused (403).
   */
  providers: BuiltInWebhookOptions;
  /** Remembers handled webhooks. Default: a bounded `InMemoryWebhookDedupeStore`. */
  dedupe?: WebhookDedupeStore;
  /** How long a handled webhook is remembered. Default 24 h (Twilio has no replay window, docs/webhooks.md#duplicates); at least 5 min. */
  dedupeTtlMs?: number;
  /**
   * The answer to HELP / INFO. Default none: Twilio (long codes, toll-free) and Telnyx profiles answer
   * HELP themselves, and a second answer would be a duplicate. Over Twilio it is the TwiML `<Message>`;
   * over Telnyx it is sent with `service.send` after the webhook is answered.
   */
  helpReply?: string;
  /** The tenant of an inbound message (e.g. by the number it was sent to). Default null. */
  inboundTenantId?: (message: InboundMessage) => string | null | undefined | Promise<string | null | undefined>;
  /** Largest body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  clock?: Clock;
  /** Makes event ids and inbound message ids. Default `crypto.randomUUID`. */
  generateId?: () => string;
  /**
   * Called when the store, opt-out store, bus, dedupe store or a HELP reply fails. A failure before the
   * webhook is recorded answers 500 (the provider retries it); a publish failure after it is recorded
   * still answers 2xx. Default: a warning on `logger`.
   */
  onError?: (error: unknown, context: WebhookErrorContext) => void;
  /** A pino-compatible logger (docs/logging.md). Default: warnings as `process.emitWarning`. */
  logger?: Logger;
  /** An OpenTelemetry tracer: a server span per request (docs/observability.md#spans). Default: no tracing. */
  tracer?: TracerLike;
}

export interface WebhookErrorContext {
  readonly stage: 'store' | 'opt-outs' | 'events' | 'dedupe' | 'tenant' | 'reply' | 'handler';
  readonly provider: string | null;
  /** The library's message id, when known. */
  readonly messageId: string | null;
}

/** The Fetch-standard handler: Hono, Next.js route handlers, Bun, Deno and workers call it as is. */
export type WebhookHandler = (request: Request) => Promise<Response>;

export type { TwilioWebhookOptions } from '../providers/twilio/twilio-webhook-options';
export type { TelnyxWebhookOptions } from '../providers/telnyx/telnyx-webhook-options';
