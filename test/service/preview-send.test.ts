import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { SMSService } from '../../src/service/sms-service';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

describe('SMSService.preview', () => {
  it('validates, counts and prices at the first provider, without sending, recording or publishing', async () => {
    const provider = createFakeProvider({ id: 'twilio' });
    const store = createInMemoryMessageStore();
    const events = createInMemoryEventPublisher();
    const published: unknown[] = [];
    events.subscribe('*', (event) => void published.push(event));
    const sms = new SMSService({ providers: [provider, createFakeProvider({ id: 'telnyx' })], store, events, quotas: { hourly: 1 } });
    const preview = sms.preview({ to: '+14155552671', body: 'Olá, tudo bem? 😀', tenantId: 'org-1', idempotencyKey: 'k' });
    expect(preview).toEqual({ to: '+14155552671', country: 'US', from: undefined, encoding: 'UCS-2', segments: 1, units: 17, remainingInLastSegment: 53, provider: 'twilio', cost: { amount: '0.0075', currency: 'USD', micros: 7500 } });
    expect(provider.sent).toHaveLength(0);
    expect(published).toHaveLength(0);
    // No quota charged, no key claimed: the real send still goes through, once.
    await sms.send({ to: '+14155552671', body: 'Olá, tudo bem? 😀', tenantId: 'org-1', idempotencyKey: 'k' });
    expect(provider.sent).toHaveLength(1);
  });

  it('throws the ValidationError send() would, naming the field', () => {
    const sms = new SMSService({ providers: [createFakeProvider()] });
    expect(() => sms.preview({ to: '555-0100', body: 'Hi' })).toThrow(ValidationError);
    expect(() => sms.preview({ to: '+14155552671', body: '' })).toThrow(/body/);
  });

  it('prices null for a provider without a price', () => {
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'acme' })] });
    expect(sms.preview({ to: '+14155552671', body: 'Hi' })).toMatchObject({ provider: 'acme', cost: null, segments: 1 });
  });
});
