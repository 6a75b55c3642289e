import type { SmsEvent } from '../../src/events/sms-event';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { createInMemoryIdempotencyStore } from '../../src/idempotency/in-memory-idempotency-store';
import type { SendRequest } from '../../src/messages/send-request';
import type { SendResult } from '../../src/messages/send-result';
import type { SmsProvider } from '../../src/providers/provider';
import type { ReconcileContext } from '../../src/reconcile/reconcile-context';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { MessageRecord } from '../../src/store/message-record';
import { createFakeProvider, type FakeProviderOptions } from '../../src/testing/create-fake-provider';

export const MINUTE = 60_000;
export const START = Date.UTC(2026, 11, 7, 10);
export const DAY = 86_400_000;

/** An outbound record waiting in `unknown` (its provider id never learnt), created at `START`. */
export function unsettledRecord(overrides: Partial<MessageRecord> = {}): MessageRecord {
  const at = new Date(START).toISOString();
  return {
    id: '4c2d8e6f-1a3b-4d5c-8e7f-000000000001', tenantId: 'org-1', direction: 'outbound', from: '+14155550100', to: '+14155552671', body: 'Your order shipped', mediaUrls: [],
    provider: 'twilio', providerMessageId: null, status: 'unknown', errorCode: 'TIMEOUT', errorReason: 'RESPONSE_TIMEOUT', errorMessage: 'timed out', providerCode: null,
    cost: null, currency: null, segments: 1, encoding: 'GSM-7', metadata: { order: 42 }, attempts: 1, idempotencyKey: 'order-42', createdAt: at, sentAt: null, deliveredAt: null,
    statusChangedAt: at, ...overrides,
  };
}

/**
 * A `ReconcileContext` on the in-memory stores and publisher, with a fake `twilio` provider on a clock the
 * test moves; `events` and `publishErrors` collect what was published and what failed to be, `resent` the
 * requests given to `resend`.
 */
export function createReconcileContext(fake: FakeProviderOptions = {}, providers?: (twilio: ReturnType<typeof createFakeProvider>) => SmsProvider[]) {
  let now = START;
  const clock = { now: () => now };
  const twilio = createFakeProvider({ id: 'twilio', clock, ...fake });
  const store = createInMemoryMessageStore();
  const idempotency = createInMemoryIdempotencyStore({ clock });
  const publisher = createInMemoryEventPublisher();
  const events: SmsEvent[] = [];
  publisher.subscribe('*', (event) => void events.push(event));
  const publishErrors: Array<{ error: unknown; messageId: string }> = [];
  const resent: SendRequest[] = [];
  let ids = 0;
  const context: ReconcileContext = {
    store,
    idempotency,
    retentionMs: DAY,
    providers: providers?.(twilio) ?? [twilio],
    events: publisher,
    clock,
    generateId: () => `event-${(ids += 1)}`,
    price: (provider, segments) => ({ currency: 'USD', amount: (0.0079 * segments).toFixed(4), micros: 7_900 * segments }),
    resend: async (request) => {
      resent.push(request);
      return { id: 'resent' } as SendResult;
    },
    onPublishError: (error, messageId) => void publishErrors.push({ error, messageId }),
  };
  return { context, twilio, store, idempotency, publisher, events, publishErrors, resent, advance: (milliseconds: number) => void (now += milliseconds) };
}
