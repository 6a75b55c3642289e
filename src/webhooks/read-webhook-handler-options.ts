import { readTracer } from '../observability/read-tracer';
import type { Logger } from '../logging/logger';
import { readLogger } from '../logging/read-logger';
import { optionError } from '../options/option-error';
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { EventPublisher } from '../events/event-publisher';
import { checkOptOutStore } from '../opt-outs/check-opt-out-store';
import type { OptOutStore } from '../opt-outs/opt-out-store';
import type { MessageStore } from '../store/message-store';
import type { InboundMessage } from '../messages/inbound-message';
import { createInMemoryWebhookDedupeStore } from './in-memory-webhook-dedupe-store';
import { BUILT_IN_PROVIDERS, findBuiltInProvider, listBuiltInProviders, type BuiltInProviderDefinition } from '../providers/built-in-providers';
import type { ConfiguredProviderWebhook, ProviderWebhookDefinition } from '../providers/provider-definition';
import type { WebhookDedupeStore } from './webhook-dedupe-store';
import type { WebhookErrorContext, WebhookHandlerOptions, WebhookService } from './webhook-handler-options';

const DAY_MS = 86_400_000;
const MIN_DEDUPE_TTL_MS = 300_000;

/** A built-in vendor's webhooks as configured (or refused with 403 when its secret is not). */
export interface ConfiguredVendor {
  readonly definition: BuiltInProviderDefinition;
  readonly webhook: ConfiguredProviderWebhook;
}

/** The handler's options, checked once at construction. */
export interface WebhookSettings {
  readonly store: MessageStore;
  readonly events: EventPublisher;
  readonly optOuts: OptOutStore | undefined;
  readonly service: WebhookService | undefined;
  /** Every built-in vendor, configured or not, in `BUILT_IN_PROVIDERS` order: each is asked whether a request is its own (`webhook.claims`). */
  readonly vendors: readonly ConfiguredVendor[];
  readonly dedupe: WebhookDedupeStore;
  readonly dedupeTtlMs: number;
  readonly helpReply: string | undefined;
  readonly inboundTenantId: ((message: InboundMessage) => string | null | undefined | Promise<string | null | undefined>) | undefined;
  readonly maxBodyBytes: number;
  readonly clock: Clock;
  readonly generateId: () => string;
  readonly onError: (error: unknown, context: WebhookErrorContext) => void;
}

const KNOWN = ['service', 'store', 'events', 'optOuts', 'providers', 'dedupe', 'dedupeTtlMs', 'helpReply', 'inboundTenantId', 'maxBodyBytes', 'clock', 'generateId', 'onError', 'logger', 'tracer'];

/**
 * Checks the handler's options and fills in the defaults. Malformed secrets, unknown options and a
 * missing store throw a `ValidationError` naming the option; a missing secret does not: that
 * provider's webhooks are refused with 403 at request time (fail closed), so an unset environment
 * variable never lets a forgery through.
 */
export function readWebhookHandlerOptions(options: WebhookHandlerOptions): WebhookSettings {
  if (typeof options !== 'object' || options === null) throw optionError('options', 'is not an object.', 'pass { service, providers: { twilio: { authToken } } }.');
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw optionError(`options.${key}`, 'is not a webhook handler option.', `remove it; the options are ${KNOWN.join(', ')}.`);
  }
  const { service } = options;
  const store = options.store ?? service?.store;
  const events = options.events ?? service?.events;
  if (typeof store?.get !== 'function' || typeof store.save !== 'function' || typeof store.findByProviderMessageId !== 'function') {
    throw optionError('options.store', 'is missing or not a MessageStore.', 'pass service (your SMSService), or the store it records messages to.');
  }
  if (typeof events?.publish !== 'function') throw optionError('options.events', 'is missing or not an EventPublisher.', 'pass service (your SMSService), or the bus sms.status and sms.received go to.');
  readTracer('options.tracer', options.tracer);
  const optOuts = options.optOuts ?? service?.optOuts;
  if (optOuts !== undefined) checkOptOutStore(optOuts, 'options.optOuts');

  const providers = options.providers as Record<string, unknown> | undefined;
  if (typeof providers !== 'object' || providers === null) throw optionError('options.providers', 'is missing.', 'pass providers: { twilio: { authToken }, telnyx: { publicKey } } (any of them).');
  for (const key of Object.keys(providers)) {
    if (findBuiltInProvider(key) === undefined) throw optionError(`options.providers.${key}`, 'is not a supported provider.', `use ${listBuiltInProviders('and/or', false)}.`);
  }
  const clock = options.clock ?? systemClock;
  const helpReply = options.helpReply;
  if (helpReply !== undefined && (typeof helpReply !== 'string' || helpReply.trim() === '' || helpReply.length > 1600)) {
    throw optionError('options.helpReply', 'is not a text of 1 to 1600 characters.', 'pass the help text, e.g. "Acme alerts: reply STOP to opt out. Help: acme.example/help".');
  }
  const vendors = BUILT_IN_PROVIDERS.map((definition): ConfiguredVendor => {
    const given = providers[definition.id];
    // An unconfigured vendor is still recognised by its headers, and refused with 403 (fail closed).
    const webhook = (definition.webhook as ProviderWebhookDefinition<unknown>).configure(given ?? {}, `options.providers.${definition.id}`);
    if (helpReply !== undefined && given !== undefined && !webhook.repliesInline && typeof service?.send !== 'function') {
      throw optionError(
        'options.helpReply',
        `is set with ${definition.displayName}, but ${definition.displayName} webhooks cannot carry a reply.`,
        'pass service (your SMSService) so the HELP answer is sent with it, or leave helpReply unset.',
      );
    }
    return { definition, webhook };
  });
  const dedupeTtlMs = options.dedupeTtlMs ?? DAY_MS;
  if (!Number.isSafeInteger(dedupeTtlMs) || dedupeTtlMs < MIN_DEDUPE_TTL_MS || dedupeTtlMs > 30 * DAY_MS) {
    throw optionError('options.dedupeTtlMs', `${String(dedupeTtlMs)} is out of range.`, 'pass milliseconds from 300000 (Telnyx replay window) to 30 days; Twilio callbacks have no window, so keep 24 h or more.');
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1024 || maxBodyBytes > 10_485_760) {
    throw optionError('options.maxBodyBytes', `${String(maxBodyBytes)} is out of range.`, 'pass a whole number of bytes from 1024 to 10485760.');
  }
  for (const name of ['inboundTenantId', 'generateId', 'onError'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw optionError(`options.${name}`, 'is not a function.', 'pass a function or leave it out.');
  }
  const dedupe = options.dedupe ?? createInMemoryWebhookDedupeStore({ clock });
  if (typeof dedupe.claim !== 'function' || typeof dedupe.release !== 'function') throw optionError('options.dedupe', 'is not a WebhookDedupeStore (claim, release).', 'pass createInMemoryWebhookDedupeStore() or your own.');
  return {
    store,
    events,
    optOuts,
    service,
    vendors,
    dedupe,
    dedupeTtlMs,
    helpReply,
    inboundTenantId: options.inboundTenantId,
    maxBodyBytes,
    clock,
    generateId: options.generateId ?? randomUUID,
    onError: options.onError ?? webhookErrorReporter(readLogger(options.logger, 'options.logger')),
  };
}

const actions: Record<WebhookErrorContext['stage'], string> = {
  store: 'record a webhook in the message store',
  'opt-outs': 'record an opt-out',
  events: 'publish a webhook event',
  dedupe: 'use the webhook dedupe store',
  tenant: 'resolve the tenant of an inbound message',
  reply: 'answer HELP',
  handler: 'handle a webhook',
};

/** The default `onError`: a warning on the handler's `logger`, naming the stage, the provider and the message. */
function webhookErrorReporter(logger: Logger): (error: unknown, context: WebhookErrorContext) => void {
  return (error, context) => {
    const detail = error instanceof Error ? error.message : String(error);
    const subject = [context.provider, context.messageId === null ? undefined : `message ${context.messageId}`].filter((part) => part !== undefined && part !== null).join(', ');
    logger.warn({ code: 'TOOLS_CORE_WEBHOOK', ...context, err: error }, `tools-core could not ${actions[context.stage]}${subject === '' ? '' : ` (${subject})`}: ${detail}`);
  };
}
