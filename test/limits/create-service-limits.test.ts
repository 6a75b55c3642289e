import { describe, expect, it } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { QuotaEvent } from '../../src/events/quota-event';
import { createServiceLimits, type ServiceLimitsContext } from '../../src/limits/create-service-limits';
import type { QuotaLimiter } from '../../src/limits/quota-limiter';
import { QuotaGate } from '../../src/limits/quota-gate';
import type { ValidatedSendRequest } from '../../src/messages/send-request';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ValidatedSendRequest = {
  to: '+14155550100',
  country: undefined,
  from: undefined,
  body: 'Hi',
  mediaUrls: [],
  tenantId: undefined,
  idempotencyKey: undefined,
  correlationId: undefined,
  validityPeriodSeconds: undefined,
  sendAt: undefined,
  metadata: {},
};

function context(overrides: Partial<ServiceLimitsContext> = {}) {
  const warnings: string[] = [];
  const publishErrors: unknown[] = [];
  const value: ServiceLimitsContext = {
    providers: [createFakeProvider({ id: 'twilio' })],
    clock: { now: () => 0 },
    generateId: () => 'event-1',
    events: createInMemoryEventPublisher(),
    logger: { info: () => undefined, error: () => undefined, warn: (_fields, message) => warnings.push(message) },
    onPublishError: (error) => publishErrors.push(error),
    ...overrides,
  };
  return { value, warnings, publishErrors };
}

const degradedLimiter: QuotaLimiter = {
  consume: () => Promise.resolve({ allowed: true, counters: [], refusedBy: undefined, retryAfterMs: undefined, storeError: new Error('redis down') }),
  peek: () => Promise.resolve({ counters: [], storeError: undefined }),
};

describe('createServiceLimits', () => {
  it('returns the providers as given and no gate without limits', () => {
    const { value } = context();
    const limits = createServiceLimits({}, value);
    expect(limits.providers).toBe(value.providers);
    expect(limits.quotaGate).toBeUndefined();
  });

  it('builds a quota gate for quotas, and paced providers for pacing only', () => {
    const { value } = context();
    expect(createServiceLimits({ quotas: { hourly: 5 } }, value).quotaGate).toBeInstanceOf(QuotaGate);
    const paced = createServiceLimits({ pacing: { default: { messagesPerSecond: 1 } } }, value);
    expect(paced.quotaGate).toBeUndefined();
    expect(paced.providers[0]).not.toBe(value.providers[0]);
    expect(paced.providers[0]?.id).toBe('twilio');
  });

  it('publishes quota notices on the event publisher and logs outages, without onEvent', async () => {
    const events = createInMemoryEventPublisher();
    const published: string[] = [];
    events.subscribe('*', (event) => void published.push(event.type));
    const { value, warnings } = context({ events });
    const { quotaGate } = createServiceLimits({ quotas: { hourly: 5, limiter: degradedLimiter } }, value);
    await quotaGate?.admit(request, 1);
    await Promise.resolve();
    expect(published).toEqual(['sms.quota_degraded']);
    expect(warnings).toEqual(['tools-core quotas limit store failed (redis down); the per-process insurance limiter decides until it answers again.']);
  });

  it('reports a refused publish through onPublishError', async () => {
    const failure = new Error('bus down');
    const { value, publishErrors } = context({ events: { publish: () => Promise.reject(failure) } as unknown as ServiceLimitsContext['events'] });
    const { quotaGate } = createServiceLimits({ quotas: { hourly: 5, limiter: degradedLimiter } }, value);
    await quotaGate?.admit(request, 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(publishErrors).toEqual([failure]);
  });

  it('sends notices only to onEvent when it is set', async () => {
    const received: QuotaEvent[] = [];
    const { value, warnings } = context({ events: { publish: () => Promise.reject(new Error('must not publish')) } as unknown as ServiceLimitsContext['events'] });
    const { quotaGate } = createServiceLimits({ quotas: { hourly: 5, limiter: degradedLimiter, onEvent: (event) => void received.push(event) } }, value);
    await quotaGate?.admit(request, 1);
    expect(received.map((event) => event.type)).toEqual(['sms.quota_degraded']);
    expect(warnings).toEqual([]);
  });
});
