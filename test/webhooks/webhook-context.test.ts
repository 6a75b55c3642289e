import { describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../src/events/sms-event';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { readWebhookHandlerOptions } from '../../src/webhooks/read-webhook-handler-options';
import { publishWebhookEvent, type WebhookContext } from '../../src/webhooks/webhook-context';
import type { WebhookErrorContext } from '../../src/webhooks/webhook-handler-options';
import { createStatusEvent } from '../../src/events/create-status-event';

const event = createStatusEvent({
  eventId: 'e1', messageId: 'm1', tenantId: null, timestamp: 0, provider: 'twilio', providerMessageId: 'SM1',
  status: 'delivered', previousStatus: 'sent', providerStatus: 'delivered', errorCode: null, error: null,
});

function context(publish: (event: SmsEvent) => Promise<void>) {
  const errors: Array<{ error: unknown; context: WebhookErrorContext }> = [];
  const settings = readWebhookHandlerOptions({
    store: createInMemoryMessageStore(),
    events: { ...createInMemoryEventPublisher(), publish } as ReturnType<typeof createInMemoryEventPublisher>,
    providers: {},
    onError: (error, errorContext) => errors.push({ error, context: errorContext }),
  });
  const value: WebhookContext = { settings, providerId: 'twilio', request: new Request('https://example.com'), locks: new Map() };
  return { value, errors };
}

describe('publishWebhookEvent', () => {
  it('publishes the event', async () => {
    const published: SmsEvent[] = [];
    const { value, errors } = context((sent) => (published.push(sent), Promise.resolve()));
    await publishWebhookEvent(value, event, 'm1');
    expect(published).toEqual([event]);
    expect(errors).toEqual([]);
  });

  it('reports a refused publish as the events stage instead of throwing', async () => {
    const failure = new Error('bus down');
    const { value, errors } = context(() => Promise.reject(failure));
    await expect(publishWebhookEvent(value, event, 'm1')).resolves.toBeUndefined();
    expect(errors).toEqual([{ error: failure, context: { stage: 'events', provider: 'twilio', messageId: 'm1' } }]);
  });
});
