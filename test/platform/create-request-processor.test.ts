import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import type { SmsResponseEvent } from '../../src/events/contracts/sms-response-event';
import type { SmsSendRequestInput } from '../../src/events/contracts/sms-send-request-schema';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import type { SendRequest } from '../../src/messages/send-request';
import type { SendResult } from '../../src/messages/send-result';
import { responseEventId } from '../../src/platform/build-response-event';
import { createRequestProcessor } from '../../src/platform/create-request-processor';
import type { BusDelivery, BusMessage, EventBus, RetryLaterOptions } from '../../src/platform/event-bus';
import type { SmsWorkerLogEntry } from '../../src/platform/sms-worker-log-entry';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { envelope } from './support/platform-fixtures';

const now = Date.UTC(2026, 0, 1, 12);
const clock = { now: () => now };

function recordingBus(): EventBus & { published: BusMessage[] } {
  const published: BusMessage[] = [];
  return {
    published,
    publish: (message) => (published.push(message), Promise.resolve()),
    subscribe: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  } as EventBus & { published: BusMessage[] };
}

function delivery(message: unknown, attempt = 0) {
  const settled: Array<string | { retryLater: RetryLaterOptions } | { deadLetter: string }> = [];
  const value: BusDelivery = {
    type: 'sms.send_request',
    message,
    redelivered: attempt > 0,
    attempt,
    deadLetterReason: undefined,
    ack: () => (settled.push('ack'), Promise.resolve()),
    requeue: () => (settled.push('requeue'), Promise.resolve()),
    retryLater: (options) => (settled.push({ retryLater: options }), Promise.resolve()),
    deadLetter: (reason) => (settled.push({ deadLetter: reason }), Promise.resolve()),
  };
  return { value, settled };
}

const result: SendResult = {
  id: 'm1', status: 'queued', provider: 'twilio', providerMessageId: 'SM1', to: '+14155552671', from: null, segments: 1, encoding: 'GSM-7', units: 2,
  cost: null, attempts: [], tenantId: 'org-1', correlationId: 'trace-r1', createdAt: '2026-01-01T12:00:00.000Z',
};

function processor(send: (request: SendRequest) => Promise<SendResult>, maxUnexpectedRetries = 3) {
  const bus = recordingBus();
  const logs: SmsWorkerLogEntry[] = [];
  const process = createRequestProcessor({ service: { send }, bus, clock, maxUnexpectedRetries, log: (entry) => logs.push(entry) });
  return { process, bus, logs };
}

const request = (changes: Partial<SmsSendRequestInput> = {}) => envelope({ request_id: 'r1', created_at: new Date(now).toISOString(), ttl: 600, ...changes });

describe('createRequestProcessor', () => {
  it('sends under the request key, answers sms.sent, then acks', async () => {
    const sent: SendRequest[] = [];
    const { process, bus, logs } = processor((sendRequest) => (sent.push(sendRequest), Promise.resolve(result)));
    const { value, settled } = delivery(request());
    await process(value);
    expect(sent).toEqual([expect.objectContaining({ idempotencyKey: 'key-r1', tenantId: 'org-1', correlationId: 'trace-r1', validityPeriodSeconds: 600 })]);
    expect(bus.published).toEqual([expect.objectContaining({ type: 'sms.sent', request_id: 'r1', event_id: responseEventId('r1') })]);
    expect(settled).toEqual(['ack']);
    expect(logs[0]).toMatchObject({ level: 'info', event: 'request.sent', request_id: 'r1', provider: 'twilio', to: '+1415•••2671' });
  });

  it('dead-letters a poison message after answering it', async () => {
    const { process, bus } = processor(() => Promise.reject(new Error('must not send')));
    const { value, settled } = delivery({ ...request(), data: { to_number: '+14155552671' } });
    await process(value);
    expect(bus.published).toEqual([expect.objectContaining({ type: 'sms.failed', request_id: 'r1' })]);
    expect((bus.published[0] as SmsResponseEvent).data.error).toMatchObject({ reason: 'INVALID_REQUEST', field: 'data.body' });
    expect(settled).toEqual([{ deadLetter: expect.stringMatching(/^INVALID_REQUEST: data\.body: /) as unknown }]);
  });

  it('answers an expired request without sending, and acks', async () => {
    let calls = 0;
    const { process, bus } = processor(() => ((calls += 1), Promise.resolve(result)));
    const { value, settled } = delivery(request({ created_at: new Date(now - 60_000).toISOString(), ttl: 60 }));
    await process(value);
    expect(calls).toBe(0);
    expect((bus.published[0] as SmsResponseEvent).data.error).toMatchObject({ reason: 'REQUEST_EXPIRED' });
    expect(settled).toEqual(['ack']);
  });

  it('delays a quota refusal with created_at carried forward, answering nothing', async () => {
    const refusal = new QuotaExceededError({ window: 'hourly', limit: 1, unit: 'messages', retryAfterMs: 30_000, resetAt: null, subject: 'tenant "org-1"' });
    const { process, bus } = processor(() => Promise.reject(refusal));
    const input = request();
    delete (input as { created_at?: string }).created_at;
    const { value, settled } = delivery(input);
    await process(value);
    expect(bus.published).toEqual([]);
    expect(settled).toEqual([{ retryLater: { delayMs: 30_000, message: expect.objectContaining({ request_id: 'r1', created_at: new Date(now).toISOString() }) as unknown } }]);
  });

  it('answers instead of delaying past the deadline', async () => {
    const refusal = new QuotaExceededError({ window: 'hourly', limit: 1, unit: 'messages', retryAfterMs: 120_000, resetAt: null, subject: 'tenant "org-1"' });
    const { process, bus } = processor(() => Promise.reject(refusal));
    const { value, settled } = delivery(request({ ttl: 60 }));
    await process(value);
    expect((bus.published[0] as SmsResponseEvent).data.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(settled).toEqual(['ack']);
  });

  it('answers an SmsError and acks; dead-letters an unexpected error once its retries are used up', async () => {
    const failing = processor(() => Promise.reject(new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'bad token', provider: 'twilio' })));
    const first = delivery(request());
    await failing.process(first.value);
    expect(first.settled).toEqual(['ack']);
    expect(failing.logs[0]).toMatchObject({ level: 'warn', event: 'request.failed', reason: 'AUTHENTICATION_FAILED', provider: 'twilio' });

    const buggy = processor(() => Promise.reject(new TypeError('boom')), 1);
    const early = delivery(request(), 0);
    await buggy.process(early.value);
    expect(early.settled).toEqual([{ retryLater: expect.objectContaining({ delayMs: 1000 }) as unknown }]);
    const last = delivery(request(), 1);
    await buggy.process(last.value);
    expect((buggy.bus.published[0] as SmsResponseEvent).data.error).toMatchObject({ reason: 'WORKER_ERROR', outcome_unknown: true });
    expect(last.settled).toEqual([{ deadLetter: expect.stringMatching(/^WORKER_ERROR: The worker could not process the request in 2 attempts: boom\./) as unknown }]);
  });

  it('keeps what the service’s own sms.failed knew, and publishes only the answer', async () => {
    const events = createInMemoryEventPublisher();
    const serviceEvents: string[] = [];
    events.subscribe('*', (event) => void serviceEvents.push(event.type));
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER' }] })], events, retry: false });
    const bus = recordingBus();
    const process = createRequestProcessor({ service: sms, bus, clock, maxUnexpectedRetries: 3, log: undefined });
    await process(delivery(request()).value);
    const answer = bus.published[0] as SmsResponseEvent;
    expect(answer.type).toBe('sms.failed');
    expect(answer.data).toMatchObject({ to_number: '+14155552671', provider: 'twilio', segments: 1, encoding: 'GSM-7' });
    expect(serviceEvents).toEqual([]);
  });

  it('throws when the bus refuses the answer, leaving the delivery unsettled', async () => {
    const bus = { ...recordingBus(), publish: () => Promise.reject(new Error('broker down')) } as EventBus;
    const process = createRequestProcessor({ service: { send: () => Promise.resolve(result) }, bus, clock, maxUnexpectedRetries: 3, log: undefined });
    const { value, settled } = delivery(request());
    await expect(process(value)).rejects.toThrow('broker down');
    expect(settled).toEqual([]);
  });
});
