/**
 * A `WebhookContext` built as the handler builds it (`readWebhookHandlerOptions`), for tests that call the
 * stage handlers (`handleStatusCallback`, `handleInboundMessage`) directly: in-memory store and opt-outs,
 * every published event and reported error collected, a fixed clock and sequential ids.
 */
import { createInMemoryEventPublisher } from '../../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../../src/events/sms-event';
import { createInMemoryOptOutStore, type InMemoryOptOutStore } from '../../../src/opt-outs/in-memory-opt-out-store';
import { createInMemoryMessageStore, type InMemoryMessageStore } from '../../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../../src/store/message-record';
import type { MessageStore } from '../../../src/store/message-store';
import { readWebhookHandlerOptions } from '../../../src/webhooks/read-webhook-handler-options';
import type { WebhookContext } from '../../../src/webhooks/webhook-context';
import type { WebhookErrorContext, WebhookHandlerOptions } from '../../../src/webhooks/webhook-handler-options';

/** 2026-01-01T00:00:05Z */
export const NOW = Date.UTC(2026, 0, 1, 0, 0, 5);
export const OURS = '+14155550100';
export const CONTACT = '+14155552671';
export const ENDPOINT = 'https://hooks.example.com/webhooks/sms';

export interface DirectContext {
  readonly context: WebhookContext;
  readonly store: InMemoryMessageStore;
  readonly optOuts: InMemoryOptOutStore;
  readonly events: SmsEvent[];
  readonly errors: Array<{ readonly error: unknown; readonly context: WebhookErrorContext }>;
}

export function directContext(options: { readonly url?: string; readonly store?: MessageStore; readonly publish?: (event: SmsEvent) => Promise<void> } & Partial<Pick<WebhookHandlerOptions, 'inboundTenantId'>> = {}): DirectContext {
  const store = createInMemoryMessageStore();
  const optOuts = createInMemoryOptOutStore();
  const events: SmsEvent[] = [];
  const errors: DirectContext['errors'] = [];
  const publisher = createInMemoryEventPublisher();
  let sequence = 0;
  const settings = readWebhookHandlerOptions({
    store: options.store ?? store,
    events: { ...publisher, publish: options.publish ?? (async (event: SmsEvent) => void events.push(event)) } as typeof publisher,
    optOuts,
    providers: {},
    clock: { now: () => NOW },
    generateId: () => `generated-${(sequence += 1)}`,
    onError: (error, errorContext) => errors.push({ error, context: errorContext }),
    ...(options.inboundTenantId === undefined ? {} : { inboundTenantId: options.inboundTenantId }),
  });
  const context: WebhookContext = { settings, providerId: 'twilio', request: new Request(options.url ?? ENDPOINT, { method: 'POST' }), locks: new Map() };
  return { context, store, optOuts, events, errors };
}

/** An outbound record as the service writes it. */
export function outboundRecord(overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    id: 'message-1', tenantId: 'org-1', direction: 'outbound', from: OURS, to: CONTACT, body: 'Hello', mediaUrls: [], provider: 'twilio',
    providerMessageId: 'SM1', status: 'queued', errorCode: null, errorReason: null, errorMessage: null, providerCode: null, cost: '0.0075',
    currency: 'USD', segments: 1, encoding: 'GSM-7', metadata: {}, attempts: 1, idempotencyKey: null, createdAt: '2026-01-01T00:00:00.000Z',
    sentAt: null, deliveredAt: null, statusChangedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
