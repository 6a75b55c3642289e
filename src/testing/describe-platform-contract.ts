import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SmsResponseEvent } from '../events/contracts/sms-response-event';
import type { SmsSendRequestInput } from '../events/contracts/sms-send-request-schema';
import { responseEventId } from '../platform/build-response-event';
import { createSmsClient } from '../platform/create-sms-client';
import { createSmsWorker } from '../platform/create-sms-worker';
import { createWorkerEventPublisher } from '../platform/create-worker-event-publisher';
import { deadLetterQueueName } from '../platform/dead-letter-queue-name';
import type { EventBus } from '../platform/event-bus';
import type { SmsWorkerLogEntry } from '../platform/sms-worker-log-entry';
import { SMSService } from '../service/sms-service';
import { sleep } from '../timers/sleep';
import type { SMSServiceOptions } from '../service/sms-service-options';
import { createFakeProvider, type FakeProvider } from './create-fake-provider';
import { collectDeliveries } from './collect-deliveries';
import type { EventBusContractOptions } from './event-bus-contract-options';

/** The platform half of the EventBus contract: a worker and a client on the bus under test. */
export function describePlatformContract(options: EventBusContractOptions, until: (what: string, condition: () => boolean) => Promise<void>): void {
  const { describe, it } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const bulkRequests = options.bulkRequests ?? 1_000;
  const withBus = (body: (bus: EventBus, queue: (base: string) => string) => Promise<void>) => async () => {
    const bus = await options.createBus();
    const run = randomUUID().slice(0, 8);
    try {
      await body(bus, (base) => `contract.${base}.${run}`);
    } finally {
      await bus.close();
    }
  };
  describe(`EventBus contract: ${options.name}, platform worker and client`, () => {
    const platform = (body: (setup: PlatformSetup) => Promise<void>, serviceOptions: Partial<SMSServiceOptions> = {}, concurrency = 10) =>
      withBus(async (bus, queue) => {
        const provider = createFakeProvider({ id: 'twilio' });
        const service = new SMSService({ providers: [provider], events: createWorkerEventPublisher({ bus }), ...serviceOptions });
        const logs: SmsWorkerLogEntry[] = [];
        const workerQueue = queue('requests');
        const worker = createSmsWorker({ service, bus, concurrency, queue: workerQueue, onLog: (entry) => logs.push(entry) });
        const answers = collectDeliveries();
        await bus.subscribe({ queue: queue('answers'), topics: ['sms.sent', 'sms.failed'], prefetch: 200 }, answers.handler);
        const client = createSmsClient({ bus, timeoutMs: timeoutMs });
        await worker.start();
        try {
          await body({ bus, provider, worker, client, logs, workerQueue, answers: () => answers.deliveries.map((delivery) => delivery.message as SmsResponseEvent) });
        } finally {
          await client.close();
          await worker.stop();
        }
      });

    it('answers a request with sms.sent carrying its correlation_id and request_id', platform(async ({ client, provider }) => {
      const response = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Your code is 482913', correlationId: 'trace-7', idempotencyKey: 'order-42', metadata: { order: 42 } });
      assert.equal(response.type, 'sms.sent');
      assert.equal(response.status, 'success');
      assert.equal(response.correlation_id, 'trace-7');
      assert.equal(response.tenant_id, 'org-1');
      assert.equal(response.event_id, responseEventId(response.request_id));
      assert.equal(response.data.to_number, '+14155552671');
      assert.equal(response.data.provider, 'twilio');
      assert.equal(response.data.cost, '0.0075');
      assert.deepEqual(response.data.metadata, { order: 42 });
      assert.equal(provider.calls.length, 1);
      assert.equal(provider.calls[0]?.request.tenantId, 'org-1');
      // The ttl (3600 s) becomes the validity period, less what the send already took.
      const validity = provider.calls[0]?.request.validityPeriodSeconds ?? 0;
      assert.ok(validity > 3_500 && validity <= 3_600, `validity period ${validity}`);
    }));

    it(`answers ${bulkRequests} concurrent requests exactly once each, with exactly ${bulkRequests} provider calls`, platform(async ({ client, provider, answers }) => {
      const responses = await Promise.all(
        Array.from({ length: bulkRequests }, (_, index) => client.request({ tenantId: `org-${index % 7}`, to: '+14155552671', body: `Message ${index}`, idempotencyKey: `bulk-${index}` })),
      );
      await until('every answer on the answers queue', () => answers().length >= bulkRequests);
      await sleep(100);
      assert.equal(responses.filter((response) => response.type === 'sms.sent').length, bulkRequests);
      assert.equal(new Set(responses.map((response) => response.request_id)).size, bulkRequests);
      assert.equal(answers().length, bulkRequests);
      assert.equal(provider.calls.length, bulkRequests);
    }, {}, 50));

    it('answers a poison message with sms.failed VALIDATION_ERROR and dead-letters it after one delivery', platform(async ({ bus, provider, answers, logs, workerQueue }) => {
      const dead = collectDeliveries();
      await bus.subscribe({ queue: deadLetterQueueName(workerQueue), topics: [] }, dead.handler);
      await bus.publish({ type: 'sms.send_request', schema_version: 1, request_id: 'poison-1', correlation_id: 'trace-p', tenant_id: 'org-1', idempotency_key: 'k', ttl: 60, data: { body: 'no number' } } as never);
      await until('the dead letter', () => dead.deliveries.length === 1 && answers().length === 1);
      await sleep(200);
      const [answer] = answers();
      assert.equal(answer?.type, 'sms.failed');
      assert.equal(answer?.correlation_id, 'trace-p');
      assert.equal(answer?.request_id, 'poison-1');
      assert.equal(answer?.data.error?.code, 'VALIDATION_ERROR');
      assert.equal(answer?.data.error?.field, 'data.to_number');
      assert.match(dead.deliveries[0]?.deadLetterReason ?? '', /^INVALID_REQUEST: /);
      assert.equal(logs.filter((entry) => entry.event === 'request.invalid').length, 1);
      assert.equal(provider.calls.length, 0);
    }));

    it('refuses an expired request with sms.failed TIMEOUT/REQUEST_EXPIRED and sends nothing', platform(async ({ bus, provider, answers }) => {
      const expired: SmsSendRequestInput = {
        type: 'sms.send_request',
        schema_version: 1,
        request_id: 'expired-1',
        correlation_id: 'trace-e',
        tenant_id: 'org-1',
        idempotency_key: 'expired-1',
        ttl: 60,
        created_at: new Date(Date.now() - 61_000).toISOString(),
        data: { to_number: '+14155552671', body: 'Too late' },
      };
      await bus.publish(expired, { mandatory: true });
      await until('the answer', () => answers().length === 1);
      const [answer] = answers();
      assert.equal(answer?.type, 'sms.failed');
      assert.equal(answer?.data.error?.code, 'TIMEOUT');
      assert.equal(answer?.data.error?.reason, 'REQUEST_EXPIRED');
      assert.equal(answer?.data.error?.outcome_unknown, false);
      assert.equal(provider.calls.length, 0);
    }));

    it('delays a rate-limited request and sends it later instead of dropping it', platform(async ({ client, provider, logs }) => {
      const first = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'First', idempotencyKey: 'limited-1' });
      const started = Date.now();
      const second = await client.request({ tenantId: 'org-1', to: '+14155552671', body: 'Second', idempotencyKey: 'limited-2' });
      assert.equal(first.type, 'sms.sent');
      assert.equal(second.type, 'sms.sent');
      assert.ok(Date.now() - started >= 200, 'the second request was not delayed');
      const delayed = logs.filter((entry) => entry.event === 'request.delayed');
      assert.equal(delayed.length, 1);
      assert.equal(delayed[0]?.reason, 'rate-limited');
      assert.equal(provider.calls.length, 2);
    }, { guards: { perDestination: { limit: 1, durationMs: 1_000 }, perPrefix: false } }));

    it('replays a redelivered request: one provider call, the same answer with the same event_id', platform(async ({ bus, provider, answers }) => {
      const request: SmsSendRequestInput = {
        type: 'sms.send_request',
        schema_version: 1,
        request_id: 'twice-1',
        correlation_id: 'trace-t',
        tenant_id: 'org-1',
        idempotency_key: 'twice-1',
        ttl: 600,
        created_at: new Date().toISOString(),
        data: { to_number: '+14155552671', body: 'Once only' },
      };
      // A crash between the answer's confirm and the ack redelivers the request: the same message twice.
      await bus.publish(request, { mandatory: true });
      await until('the first answer', () => answers().length === 1);
      await bus.publish(request, { mandatory: true });
      await until('the second answer', () => answers().length === 2);
      const [first, second] = answers();
      assert.equal(provider.calls.length, 1);
      assert.equal(first?.event_id, second?.event_id);
      assert.equal(first?.type, 'sms.sent');
      assert.equal(second?.type, 'sms.sent');
      assert.equal(first?.data.message_id, second?.data.message_id);
      assert.equal(first?.data.provider_message_id, second?.data.provider_message_id);
    }));

    it('stop() drains: requests in progress are answered and acked, the rest stay queued', platform(async ({ client, provider, worker, answers, bus, workerQueue }) => {
      provider.enqueue(...Array.from({ length: 3 }, () => ({ type: 'accept' as const, delayMs: 300 })));
      const published = await Promise.all([0, 1, 2, 3, 4].map((index) => client.publish({ tenantId: 'org-1', to: '+14155552671', body: `Drain ${index}`, idempotencyKey: `drain-${index}` })));
      await until('3 requests in progress', () => worker.inFlight === 3);
      await worker.stop();
      assert.equal(worker.inFlight, 0);
      // Each was answered (confirmed) before stop() resolved; the answers queue receives them shortly.
      await until('3 answers', () => answers().length === 3);
      await sleep(200);
      assert.equal(answers().length, 3);
      assert.equal(provider.calls.length, 3);
      // The two waiting requests were never taken: a new worker answers them, nothing twice.
      const service = new SMSService({ providers: [provider], events: createWorkerEventPublisher({ bus }) });
      const next = createSmsWorker({ service, bus, queue: workerQueue, concurrency: 3 });
      await next.start();
      try {
        await until('all 5 answers', () => answers().length === 5);
        await sleep(200);
        assert.deepEqual(new Set(answers().map((answer) => answer.request_id)), new Set(published.map((request) => request.request_id)));
        assert.equal(answers().length, 5);
        assert.equal(provider.calls.length, 5);
      } finally {
        await next.stop();
      }
    }, {}, 3));
  });
}

interface PlatformSetup {
  readonly bus: EventBus;
  readonly provider: FakeProvider;
  readonly worker: ReturnType<typeof createSmsWorker>;
  readonly client: ReturnType<typeof createSmsClient>;
  readonly logs: readonly SmsWorkerLogEntry[];
  readonly workerQueue: string;
  readonly answers: () => SmsResponseEvent[];
}
