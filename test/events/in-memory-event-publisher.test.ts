import { describe, expect, it, vi } from 'vitest';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { SMS_EVENT_SCHEMA_VERSION, type SmsResultEvent } from '../../src/events/sms-event';

function event(type: SmsResultEvent['type']): SmsResultEvent {
  return {
    type,
    schema_version: SMS_EVENT_SCHEMA_VERSION,
    event_id: 'event-1',
    correlation_id: 'correlation-1',
    tenant_id: null,
    timestamp: '2026-01-01T00:00:00.000Z',
    status: type === 'sms.sent' ? 'success' : 'failed',
    data: {
      message_id: 'message-1',
      provider_message_id: null,
      to_number: null,
      from_number: null,
      provider: null,
      cost: null,
      currency: null,
      segments: null,
      encoding: null,
      error: null,
      metadata: {},
    },
  };
}

describe('InMemoryEventPublisher', () => {
  it('delivers an event to the handlers of its type and to wildcard handlers, in order', async () => {
    const bus = createInMemoryEventPublisher();
    const seen: string[] = [];
    bus.subscribe('sms.sent', (received) => void seen.push(`sent:${received.event_id}`));
    bus.subscribe('sms.failed', () => void seen.push('failed'));
    bus.subscribe('*', (received) => void seen.push(`any:${received.type}`));
    await bus.publish(event('sms.sent'));
    expect(seen).toEqual(['sent:event-1', 'any:sms.sent']);
  });

  it('stops delivering after unsubscribe', async () => {
    const bus = createInMemoryEventPublisher();
    const handler = vi.fn();
    const unsubscribe = bus.subscribe('sms.sent', handler);
    await bus.publish(event('sms.sent'));
    unsubscribe();
    await bus.publish(event('sms.sent'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('waits for async handlers before publish resolves', async () => {
    const bus = createInMemoryEventPublisher();
    let done = false;
    bus.subscribe('sms.sent', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done = true;
    });
    await bus.publish(event('sms.sent'));
    expect(done).toBe(true);
  });

  it('isolates a failing handler: the others still run and publish resolves', async () => {
    const onHandlerError = vi.fn();
    const bus = createInMemoryEventPublisher({ onHandlerError });
    const after = vi.fn();
    bus.subscribe('sms.sent', () => {
      throw new Error('handler broke');
    });
    bus.subscribe('sms.sent', after);
    await expect(bus.publish(event('sms.sent'))).resolves.toBeUndefined();
    expect(after).toHaveBeenCalledTimes(1);
    expect(onHandlerError).toHaveBeenCalledWith(expect.objectContaining({ message: 'handler broke' }), expect.objectContaining({ type: 'sms.sent' }));
  });
});
