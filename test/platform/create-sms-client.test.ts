import { afterEach, describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { ValidationError } from '../../src/errors/validation-error';
import type { SmsResponseEvent } from '../../src/events/contracts/sms-response-event';
import { buildResponseEvent } from '../../src/platform/build-response-event';
import { createInMemoryBus } from '../../src/platform/create-in-memory-bus';
import { createSmsClient } from '../../src/platform/create-sms-client';
import type { EventBus } from '../../src/platform/event-bus';
import { until } from './support/platform-fixtures';

const buses: EventBus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

function bus(): EventBus {
  const created = createInMemoryBus();
  buses.push(created);
  return created;
}

const message = { tenantId: 'org-1', to: '+14155552671', body: 'Your code is 482913' };

describe('createSmsClient', () => {
  it('publishes a valid envelope: created_at from its clock, defaults from the request id', async () => {
    const shared = bus();
    const received: unknown[] = [];
    await shared.subscribe({ queue: 'requests', topics: ['sms.send_request'] }, async (delivery) => {
      received.push(delivery.message);
      await delivery.ack();
    });
    const client = createSmsClient({ bus: shared, clock: { now: () => Date.UTC(2026, 0, 1) }, generateId: () => 'request-1', ttlSeconds: 120 });
    const envelope = await client.publish({ ...message, actor: { userId: 'user-7' }, metadata: { order: 42 } });
    expect(envelope).toEqual({
      type: 'sms.send_request',
      schema_version: 1,
      request_id: 'request-1',
      correlation_id: 'request-1',
      tenant_id: 'org-1',
      actor: { user_id: 'user-7' },
      idempotency_key: 'request-1',
      ttl: 120,
      created_at: '2026-01-01T00:00:00.000Z',
      data: { to_number: '+14155552671', body: 'Your code is 482913', metadata: { order: 42 } },
    });
    await until('the request', () => received.length === 1);
    expect(received[0]).toEqual(envelope);
  });

  it.each([
    ['a ttl beyond 24 h', { ttlSeconds: 90_000 }, 'ttlSeconds'],
    ['no destination', { to: undefined }, 'to'],
    ['an empty tenant', { tenantId: '' }, 'tenantId'],
    ['a media URL that is not a string', { mediaUrls: [42] }, 'mediaUrls.0'],
  ])('refuses %s, naming the field as the host wrote it', async (_name, change, field) => {
    const client = createSmsClient({ bus: bus() });
    const error = await client.publish({ ...message, ...change } as never).catch((thrown: unknown) => thrown);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe(field);
  });

  it.each([
    ['a typo of mediaUrls', { mediaUrl: ['https://example.com/a.jpg'] }, 'mediaUrl', 'did you mean mediaUrls?'],
    ['ttl instead of ttlSeconds', { ttl: 0 }, 'ttl', 'did you mean ttlSeconds?'],
    ['a snake_case field of the envelope', { tenant_id: 'org-1' }, 'tenant_id', 'is not a request field'],
    ['an unknown actor field', { actor: { user_id: 'user-7' } }, 'actor.user_id', 'the actor fields are userId'],
  ])('refuses %s rather than drop it, naming the field and the accepted ones', async (_name, change, field, text) => {
    const client = createSmsClient({ bus: bus() });
    for (const call of [() => client.publish({ ...message, ...change } as never), () => client.request({ ...message, ...change } as never)]) {
      const error = await call().catch((thrown: unknown) => thrown);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field, reason: 'UNKNOWN_OPTION' });
      expect((error as ValidationError).message).toContain(text);
      if (!field.startsWith('actor')) {
        expect((error as ValidationError).message).toContain('the request fields are tenantId, to, body, from, mediaUrls, metadata, idempotencyKey, correlationId, ttlSeconds, actor, requestId.');
      }
    }
  });

  it('refuses an unknown option of request() (timeout instead of timeoutMs)', async () => {
    const client = createSmsClient({ bus: bus() });
    const error = await client.request(message, { timeout: 5 } as never).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ field: 'options.timeout', reason: 'UNKNOWN_OPTION' });
  });

  it('refuses to publish a request no worker queue is bound for (BUS_UNROUTABLE), rather than lose it', async () => {
    const client = createSmsClient({ bus: bus() });
    await expect(client.request(message)).rejects.toMatchObject({ code: 'PROVIDER_ERROR', reason: 'BUS_UNROUTABLE' });
  });

  it('times out with TIMEOUT/RESPONSE_TIMEOUT (outcome unknown) when no answer comes', async () => {
    const shared = bus();
    await shared.subscribe({ queue: 'requests', topics: ['sms.send_request'] }, () => undefined);
    const client = createSmsClient({ bus: shared });
    const error = await client.request(message, { timeoutMs: 50 }).catch((thrown: unknown) => thrown);
    expect(SmsError.isInstance(error) && error.reason).toBe('RESPONSE_TIMEOUT');
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true, retryable: true });
  });

  it('resolves with the first answer to its request and ignores repeats and answers to others', async () => {
    const shared = bus();
    await shared.subscribe({ queue: 'requests', topics: ['sms.send_request'] }, async (delivery) => {
      const request = delivery.message as { request_id: string; correlation_id: string };
      const answer = (requestId: string, reason: string): SmsResponseEvent =>
        buildResponseEvent({ target: { requestId, correlationId: request.correlation_id, tenantId: 'org-1', metadata: {} }, timestamp: Date.now(), outcome: { error: new SmsError({ code: 'PROVIDER_ERROR', reason, message: reason }) } });
      await shared.publish(answer('someone-else', 'OTHER'));
      await shared.publish(answer(request.request_id, 'FIRST'));
      await shared.publish(answer(request.request_id, 'REPEAT'));
      await delivery.ack();
    });
    const client = createSmsClient({ bus: shared });
    const response = await client.request({ ...message, correlationId: 'trace-1' });
    expect(response.data.error?.reason).toBe('FIRST');
    expect(response.correlation_id).toBe('trace-1');
  });

  it('close() rejects the requests still waiting (BUS_CLOSED) and every later call', async () => {
    const shared = bus();
    await shared.subscribe({ queue: 'requests', topics: ['sms.send_request'] }, () => undefined);
    const client = createSmsClient({ bus: shared });
    const waiting = client.request(message).catch((thrown: unknown) => thrown);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.close();
    expect(await waiting).toMatchObject({ reason: 'BUS_CLOSED' });
    await expect(client.publish(message)).rejects.toMatchObject({ reason: 'BUS_CLOSED' });
  });
});
