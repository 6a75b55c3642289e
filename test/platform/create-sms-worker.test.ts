import { afterEach, describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { idempotencyStoreUnavailableError } from '../../src/idempotency/idempotency-errors';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import { responseEventId } from '../../src/platform/build-response-event';
import { createInMemoryEventBus, type InMemoryEventBus } from '../../src/platform/in-memory-event-bus';
import { createSmsWorker, type SmsWorkerOptions } from '../../src/platform/create-sms-worker';
import { createWorkerEventPublisher } from '../../src/platform/create-worker-event-publisher';
import { deadLetterQueueName } from '../../src/platform/dead-letter-queue-name';
import { deriveMessageId } from '../../src/idempotency/derive-message-id';
import type { EventBus } from '../../src/platform/event-bus';
import type { SmsWorkerLogEntry } from '../../src/platform/sms-worker-log-entry';
import type { SendRequest } from '../../src/messages/send-request';
import { SMSService } from '../../src/service/sms-service';
import { createInMemoryMessageStore } from '../../src/store/in-memory-message-store';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createFakeProvider, type FakeProvider } from '../../src/testing/create-fake-provider';
import type { FakeProviderOutcome } from '../../src/testing/fake-provider-outcome';
import { collectAnswers, collectQueue, envelope, instrumentBus, sleep, until } from './support/platform-fixtures';

const QUEUE = 'requests';
const opened: { bus: EventBus; stop: () => Promise<void> }[] = [];

afterEach(async () => {
  for (const { bus, stop } of opened.splice(0)) {
    await stop();
    await bus.close();
  }
});

interface Setup {
  bus: EventBus;
  provider: FakeProvider;
  service: SMSService;
  logs: SmsWorkerLogEntry[];
  answers: Awaited<ReturnType<typeof collectAnswers>>;
  dead: Awaited<ReturnType<typeof collectQueue>>;
}

async function setUp(
  options: { outcomes?: FakeProviderOutcome[]; service?: Partial<SMSServiceOptions>; wire?: boolean; bus?: (bus: InMemoryEventBus) => EventBus; worker?: Partial<SmsWorkerOptions>; send?: (request: SendRequest, service: SMSService) => ReturnType<SMSService['send']> } = {},
): Promise<Setup> {
  const memory = createInMemoryEventBus();
  const bus = options.bus?.(memory) ?? memory;
  const provider = createFakeProvider({ id: 'twilio', outcomes: options.outcomes ?? [] });
  const service = new SMSService({ providers: [provider], ...(options.wire === false ? {} : { events: createWorkerEventPublisher({ bus }) }), ...options.service });
  const logs: SmsWorkerLogEntry[] = [];
  const sender = options.send === undefined ? service : { send: (request: SendRequest) => (options.send as NonNullable<typeof options.send>)(request, service) };
  const worker = createSmsWorker({ service: sender, bus, queue: QUEUE, onLog: (entry) => logs.push(entry), ...options.worker });
  opened.push({ bus, stop: () => worker.stop() });
  const answers = await collectAnswers(bus);
  const dead = await collectQueue(bus, deadLetterQueueName(QUEUE));
  await worker.start();
  return { bus, provider, service, logs, answers, dead };
}

describe('createSmsWorker', () => {
  it('reconciles while running (reconcile option): an unknown outcome the provider holds is settled, logged and published', async () => {
    const { bus, answers, logs, service, provider } = await setUp({ outcomes: ['timeout-after-send'], worker: { reconcile: { everyMs: 10, olderThan: 0 } } });
    const request = envelope();
    await bus.publish(request, { mandatory: true });
    await until('the answer', () => answers.some((answer) => answer.request_id === request.request_id));
    await until('a reconciliation that settled it', () => logs.some((entry) => entry.event === 'reconcile.finished' && entry.settled?.queued === 1));
    const answer = answers.find((each) => each.request_id === request.request_id);
    expect(answer).toMatchObject({ type: 'sms.failed', data: { error: { outcome_unknown: true } } });
    expect(await service.store.get(answer?.data.message_id ?? '')).toMatchObject({ status: 'queued', providerMessageId: provider.messages[0]?.providerMessageId });
    // The settlement reaches the host as the message's own sms.sent (no request_id: it answers no request).
    await until('the settled sms.sent', () => answers.some((each) => each.type === 'sms.sent'));
    expect(answers.find((each) => each.type === 'sms.sent')?.data).toMatchObject({ message_id: answer?.data.message_id, provider_message_id: provider.messages[0]?.providerMessageId });
    expect(provider.calls).toHaveLength(1);
  });

  it('refuses the reconcile option for a service without reconcile()', () => {
    const bus = createInMemoryEventBus();
    expect(() => createSmsWorker({ service: { send: async () => Promise.reject(new Error('unused')) }, bus, reconcile: {} })).toThrow(/^options\.reconcile: is set, but the service has no reconcile\(\)\./);
  });

  it('answers a failed send with what the service knew: its message id (as recorded), destination and provider', async () => {
    const { bus, answers, service } = await setUp({ outcomes: ['timeout-after-send'] });
    const request = envelope();
    await bus.publish(request, { mandatory: true });
    await until('the answer', () => answers.length === 1);
    const [answer] = answers;
    expect(answer).toMatchObject({ type: 'sms.failed', status: 'failed', request_id: request.request_id, correlation_id: request.correlation_id, event_id: responseEventId(request.request_id) });
    expect(answer?.data).toMatchObject({ to_number: '+14155552671', provider: 'twilio', error: { code: 'TIMEOUT', outcome_unknown: true } });
    // The same id as the message record, so a later status callback can be matched to the request.
    const record = await service.store.get(answer?.data.message_id ?? '');
    expect(record).toMatchObject({ status: 'unknown', to: '+14155552671', tenantId: 'org-1' });
  });

  it('without createWorkerEventPublisher the answer still comes, with the message id the service recorded', async () => {
    const { bus, answers, service } = await setUp({ outcomes: [{ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER' }], wire: false });
    await bus.publish(envelope(), { mandatory: true });
    await until('the answer', () => answers.length === 1);
    expect(await service.store.get(answers[0]?.data.message_id ?? '')).toMatchObject({ status: 'failed', errorReason: 'INVALID_PHONE_NUMBER' });
    expect(answers[0]?.data.error?.reason).toBe('INVALID_PHONE_NUMBER');
  });

  it('answers a send that never reached the service (a wrapper refused it) with the message id send() gives the request', async () => {
    const { bus, answers } = await setUp({
      send: async () => {
        throw new SmsError({ code: 'VALIDATION_ERROR', reason: 'REQUEST_REJECTED', message: 'The host refused it.', retryable: false });
      },
    });
    const request = envelope();
    await bus.publish(request, { mandatory: true });
    await until('the answer', () => answers.length === 1);
    expect(answers[0]?.data.message_id).toBe(deriveMessageId({ tenantId: request.tenant_id, idempotencyKey: request.idempotency_key }));
    expect(answers[0]?.data.error?.reason).toBe('REQUEST_REJECTED');
  });

  it('answers a refusal of the service (an idempotency conflict) and acks it: not poison', async () => {
    const { bus, answers, dead, provider } = await setUp();
    await bus.publish(envelope({ idempotency_key: 'same' }), { mandatory: true });
    await until('the first answer', () => answers.length === 1);
    await bus.publish(envelope({ idempotency_key: 'same', data: { to_number: '+14155552671', body: 'Another body' } }), { mandatory: true });
    await until('the second answer', () => answers.length === 2);
    await sleep(50);
    expect(answers.map((answer) => answer.type)).toEqual(['sms.sent', 'sms.failed']);
    expect(answers[1]?.data.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'IDEMPOTENCY_KEY_CONFLICT' });
    expect(dead).toHaveLength(0);
    expect(provider.calls).toHaveLength(1);
  });

  it('answers a rate-limited request at once when its retry would come after its ttl', async () => {
    const { bus, answers, logs, provider } = await setUp({ service: { guards: { perDestination: { limit: 1, durationMs: 60_000 }, perPrefix: false } } });
    await bus.publish(envelope(), { mandatory: true });
    await until('the first answer', () => answers.length === 1);
    await bus.publish(envelope({ ttl: 30 }), { mandatory: true });
    await until('the second answer', () => answers.length === 2);
    expect(answers[1]?.data.error).toMatchObject({ code: 'RATE_LIMITED', reason: 'DESTINATION_LIMIT_EXCEEDED' });
    expect(logs.some((entry) => entry.event === 'request.delayed')).toBe(false);
    expect(provider.calls).toHaveLength(1);
  });

  it('passes what is left of the ttl to the provider as the validity period, and replays a redelivery with less time left', async () => {
    const { bus, answers, provider } = await setUp();
    // Created 200 s ago with a 600 s ttl: about 400 s are left.
    const request = envelope({ created_at: new Date(Date.now() - 200_000).toISOString() });
    await bus.publish(request, { mandatory: true });
    await until('the answer', () => answers.length === 1);
    const validity = provider.calls[0]?.request.validityPeriodSeconds ?? 0;
    expect(validity).toBeGreaterThanOrEqual(398);
    expect(validity).toBeLessThanOrEqual(400);
    // The same request again, later (as after a crash): same key, less time left, replayed, not resent.
    const later = envelope({ ...request, created_at: new Date(Date.now() - 300_000).toISOString() });
    await bus.publish(later, { mandatory: true });
    await until('the second answer', () => answers.length === 2);
    expect(answers.map((answer) => answer.type)).toEqual(['sms.sent', 'sms.sent']);
    expect(provider.calls).toHaveLength(1);
  });

  it('a delayed retry of a request without created_at carries the first receipt, so its ttl keeps counting', async () => {
    let refusals = 0;
    const instrumented: { bus?: ReturnType<typeof instrumentBus> } = {};
    const { bus, answers } = await setUp({
      bus: (memory) => (instrumented.bus = instrumentBus(memory)),
      send: async (request, service) => {
        if ((refusals += 1) === 1) throw new QuotaExceededError({ window: 'hourly', limit: 1, unit: 'messages', retryAfterMs: 100, resetAt: null, subject: 'tenant "org-1"' });
        return service.send(request);
      },
    });
    const { created_at: _createdAt, ...request } = envelope();
    const before = Date.now();
    await bus.publish(request, { mandatory: true });
    await until('the answer', () => answers.length === 1);
    expect(answers[0]?.type).toBe('sms.sent');
    const retried = instrumented.bus?.deliveries.find((delivery) => delivery.type === 'sms.send_request' && delivery.attempt === 1);
    const createdAt = Date.parse((retried?.message as { created_at: string }).created_at);
    expect(createdAt).toBeGreaterThanOrEqual(before - 5);
    expect(createdAt).toBeLessThanOrEqual(before + 1_000);
  });

  it('retries a send the idempotency store could not claim (nothing was sent), then sends it', async () => {
    let attempts = 0;
    const { bus, answers, logs } = await setUp({
      send: async (request, service) => {
        if ((attempts += 1) === 1) throw idempotencyStoreUnavailableError(new Error('Redis is not connected'));
        return service.send(request);
      },
    });
    await bus.publish(envelope(), { mandatory: true });
    await until('the answer', () => answers.length === 1, 5_000);
    expect(answers[0]?.type).toBe('sms.sent');
    expect(logs.find((entry) => entry.event === 'request.delayed')).toMatchObject({ reason: 'store-unavailable', delay_ms: 1_000, attempt: 1 });
  });

  it('retries a failure that is not an SmsError, then answers WORKER_ERROR (outcome unknown) and dead-letters it', async () => {
    const { bus, answers, dead, logs } = await setUp({
      worker: { maxUnexpectedRetries: 1 },
      send: async () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    });
    await bus.publish(envelope(), { mandatory: true });
    await until('the answer and the dead letter', () => answers.length === 1 && dead.length === 1, 5_000);
    expect(logs.filter((entry) => entry.event === 'request.delayed')).toHaveLength(1);
    expect(answers[0]?.data.error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'WORKER_ERROR', outcome_unknown: true });
    expect(dead[0]?.deadLetterReason).toMatch(/^WORKER_ERROR: .*Cannot read properties of undefined/);
    expect(dead[0]?.attempt).toBe(1);
  });

  it('does not ack a request whose answer could not be published: it comes back and is answered once sent', async () => {
    let failures = 0;
    const { bus, answers, provider, logs } = await setUp({ bus: (memory) => instrumentBus(memory, (message) => message.type === 'sms.sent' && (failures += 1) === 1) });
    const request = envelope();
    await bus.publish(request, { mandatory: true });
    await until('the answer', () => answers.length === 1);
    expect(logs.filter((entry) => entry.event === 'request.requeued')).toHaveLength(1);
    expect(logs.filter((entry) => entry.event === 'request.sent').map((entry) => entry.redelivered)).toEqual([false, true]);
    // The redelivery replayed the first send: one provider call.
    expect(provider.calls).toHaveLength(1);
    expect(answers[0]?.event_id).toBe(responseEventId(request.request_id));
  });

  it('logs each decision without the body or the full number', async () => {
    const { bus, answers, logs } = await setUp();
    await bus.publish(envelope({ data: { to_number: '+14155552671', body: 'secret code 482913' } }), { mandatory: true });
    await until('the answer', () => answers.length === 1);
    const text = JSON.stringify(logs);
    expect(text).not.toContain('482913');
    expect(text).not.toContain('+14155552671');
    expect(logs.find((entry) => entry.event === 'request.sent')).toMatchObject({ to: '+1415•••2671', tenant_id: 'org-1', provider: 'twilio' });
  });

  it('answers once even when the service publishes straight on the worker’s bus: the send’s outcome comes to the worker', async () => {
    const direct: { service?: SMSService } = {};
    const { bus, answers, provider } = await setUp({
      send: (request) => (direct.service as SMSService).send(request),
    });
    direct.service = new SMSService({ providers: [provider], events: bus });
    await bus.publish(envelope(), { mandatory: true });
    await until('the answer', () => answers.length >= 1);
    await sleep(50);
    expect(answers.map((answer) => answer.type)).toEqual(['sms.sent']);
    expect(provider.sent).toHaveLength(1);
  });

  it('answers a failed send once through a wrapper that forwards only the request, with the failed send’s message id', async () => {
    const direct: { service?: SMSService } = {};
    const { bus, answers, provider } = await setUp({
      outcomes: [{ type: 'reject', providerCode: '21211', code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER' }],
      send: (request) => (direct.service as SMSService).send(request),
    });
    const store = createInMemoryMessageStore();
    direct.service = new SMSService({ providers: [provider], events: createWorkerEventPublisher({ bus }), store });
    await bus.publish(envelope(), { mandatory: true });
    await until('the answer', () => answers.length >= 1);
    await sleep(50);
    expect(answers.map((answer) => `${answer.type}/${answer.data.error?.reason ?? '-'}`)).toEqual(['sms.failed/INVALID_PHONE_NUMBER']);
    expect(await store.get(answers[0]?.data.message_id ?? '')).toMatchObject({ status: 'failed', errorReason: 'INVALID_PHONE_NUMBER' });
    expect(answers[0]?.data.error).toMatchObject({ provider_code: '21211' });
  });

  it.each([
    ['concurrency 0', { concurrency: 0 }, /options\.concurrency/],
    ['concurrency 1001', { concurrency: 1_001 }, /options\.concurrency/],
    ['a service without send', { service: {} as never }, /options\.service/],
    ['a bus without subscribe', { bus: { publish: async () => undefined } as never }, /options\.bus/],
  ])('refuses %s', (_name, change, message) => {
    const bus = createInMemoryEventBus();
    expect(() => createSmsWorker({ service: new SMSService({ providers: [createFakeProvider()] }), bus, ...change })).toThrow(message);
  });

  it('starts once; stop() before start() and twice is harmless', async () => {
    const bus = createInMemoryEventBus();
    const worker = createSmsWorker({ service: new SMSService({ providers: [createFakeProvider()] }), bus });
    await worker.stop();
    await expect(worker.start()).rejects.toThrow(/start\(\) runs once/);
    const second = createSmsWorker({ service: new SMSService({ providers: [createFakeProvider()] }), bus });
    await second.start();
    await expect(second.start()).rejects.toBeInstanceOf(SmsError);
    await Promise.all([second.stop(), second.stop()]);
    await bus.close();
  });
});
