import { describe, expect, it } from 'vitest';
import { checkRetryDelay, checkSubscribeOptions, parseBusBody, serializeBusMessage } from '../../src/platform/check-bus-arguments';
import type { BusMessage, SubscribeOptions } from '../../src/platform/event-bus';

describe('serializeBusMessage', () => {
  it('serialises to JSON with the type and the event or request id', () => {
    expect(serializeBusMessage({ type: 'sms.sent', event_id: 'e-1', n: 1 } as unknown as BusMessage, 'memory')).toEqual({ type: 'sms.sent', body: '{"type":"sms.sent","event_id":"e-1","n":1}', id: 'e-1' });
    expect(serializeBusMessage({ type: 'sms.send_request', request_id: 'r-1' } as unknown as BusMessage, 'memory').id).toBe('r-1');
    expect(serializeBusMessage({ type: 'custom-type.v2' } as unknown as BusMessage, 'memory').id).toBeUndefined();
  });

  it.each([null, {}, { type: 3 }, { type: 'sms..sent' }, { type: 'sms sent' }, { type: 'a'.repeat(256) }])('refuses %o without a valid type', (message) => {
    expect(() => serializeBusMessage(message as unknown as BusMessage, 'rabbitmq')).toThrow(
      expect.objectContaining({ reason: 'BUS_INVALID_MESSAGE', provider: 'rabbitmq', retryable: false }) as Error,
    );
  });

  it('refuses a message that is not JSON-serialisable', () => {
    const message: Record<string, unknown> = { type: 'sms.sent' };
    message.self = message;
    expect(() => serializeBusMessage(message as unknown as BusMessage, 'memory')).toThrow('The sms.sent message is not JSON-serialisable.');
    expect(() => serializeBusMessage({ type: 'sms.sent', n: 1n } as unknown as BusMessage, 'memory')).toThrow(expect.objectContaining({ reason: 'BUS_INVALID_MESSAGE' }) as Error);
  });
});

describe('parseBusBody', () => {
  it('parses JSON and answers undefined for anything else', () => {
    expect(parseBusBody('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseBusBody('not json')).toBeUndefined();
  });
});

describe('checkSubscribeOptions', () => {
  it('defaults prefetch to 10 and copies the topics', () => {
    const topics = ['sms.*'];
    const checked = checkSubscribeOptions({ queue: 'q', topics });
    expect(checked).toEqual({ queue: 'q', topics: ['sms.*'], prefetch: 10, expiresAfterIdleMs: undefined });
    expect(checked.topics).not.toBe(topics);
    expect(checkSubscribeOptions({ queue: 'q', topics: ['#', 'sms.send_request'], prefetch: 2000, expiresAfterIdleMs: 1000 })).toMatchObject({ prefetch: 2000, expiresAfterIdleMs: 1000 });
  });

  it.each([
    [{ queue: '', topics: [] }, 'options.queue'],
    [{ queue: 'amq.gen', topics: [] }, 'options.queue'],
    [{ queue: 'q'.repeat(201), topics: [] }, 'options.queue'],
    [{ queue: 'q', topics: 'sms.*' }, 'options.topics: is not an array of topic patterns.'],
    [{ queue: 'q', topics: ['sms.**'] }, 'options.topics'],
    [{ queue: 'q', topics: [], prefetch: 0 }, 'options.prefetch: 0 is out of range.'],
    [{ queue: 'q', topics: [], prefetch: 2001 }, 'options.prefetch: 2001 is out of range.'],
    [{ queue: 'q', topics: [], expiresAfterIdleMs: 999 }, 'options.expiresAfterIdleMs: 999 is out of range.'],
  ])('refuses %o', (options, message) => {
    expect(() => checkSubscribeOptions(options as unknown as SubscribeOptions)).toThrow(message);
  });
});

describe('checkRetryDelay', () => {
  it('accepts 0 to 24 h and refuses anything else', () => {
    expect(checkRetryDelay(0)).toBe(0);
    expect(checkRetryDelay(86_400_000)).toBe(86_400_000);
    expect(() => checkRetryDelay(86_400_001)).toThrow('options.delayMs: 86400001 is not a delay in milliseconds. Fix: pass a number from 0 to 86400000.');
    expect(() => checkRetryDelay(-1)).toThrow('options.delayMs');
    expect(() => checkRetryDelay('5')).toThrow('options.delayMs');
    expect(() => checkRetryDelay(Number.NaN)).toThrow('options.delayMs');
  });
});
