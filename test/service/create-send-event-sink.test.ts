import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { ValidationError } from '../../src/errors/validation-error';
import type { EventPublisher } from '../../src/events/event-publisher';
import { captureResultEvent } from '../../src/events/result-event-capture';
import type { SmsEvent } from '../../src/events/sms-event';
import { calculateSegments } from '../../src/segments/calculate-segments';
import { createSendEventSink } from '../../src/service/create-send-event-sink';
import { validatedRequest } from '../support/validated-request';

const createdAt = Date.UTC(2026, 0, 1);

function sink(publish: (event: SmsEvent) => Promise<void> = () => Promise.resolve()) {
  const published: SmsEvent[] = [];
  const backgroundErrors: unknown[] = [];
  const publisher = { publish: (event: SmsEvent) => (published.push(event), publish(event)) } as unknown as EventPublisher;
  let id = 0;
  const events = createSendEventSink('m1', createdAt, {
    publisher,
    clock: { now: () => createdAt + 500 },
    generateId: () => `e${(id += 1)}`,
    onBackgroundError: (error, context) => backgroundErrors.push({ error, context }),
  });
  return { events, published, backgroundErrors };
}

const request = validatedRequest({ from: '+14155550100', tenantId: 'org-1', metadata: { order: 7 } });
const analysis = calculateSegments('Hi');
const rateLimited = new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'slow down', provider: 'twilio', retryable: true });

describe('createSendEventSink', () => {
  it('publishes sms.retrying with the retry and the request facts', async () => {
    const { events, published } = sink();
    await events.retrying({ request, analysis }, { attempt: 2, delayMs: 500, provider: 'twilio', error: rateLimited });
    expect(published[0]).toMatchObject({
      type: 'sms.retrying',
      event_id: 'e1',
      correlation_id: 'm1',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:00.500Z',
      data: { message_id: 'm1', to_number: '+14155552671', from_number: '+14155550100', provider: 'twilio', attempt: 2, delay_ms: 500, segments: 1, encoding: 'GSM-7', metadata: { order: 7 }, error: { reason: 'PROVIDER_RATE_LIMITED' } },
    });
  });

  it('publishes sms.sent for an accepted send, with the provider sender and cost', async () => {
    const { events, published } = sink();
    await events.finished({
      messageId: 'm1',
      request,
      analysis,
      createdAt,
      finishedAt: createdAt + 900,
      attempts: [],
      outcome: { accepted: { providerMessageId: 'SM1', status: 'queued', from: '+14155550111' }, provider: 'twilio', cost: { currency: 'USD', amount: '0.0079', micros: 7900 } },
    });
    expect(published[0]).toMatchObject({
      type: 'sms.sent',
      status: 'success',
      timestamp: '2026-01-01T00:00:00.900Z',
      data: { provider_message_id: 'SM1', from_number: '+14155550111', provider: 'twilio', cost: '0.0079', currency: 'USD', error: null },
    });
  });

  it('publishes sms.failed for a failed send, naming the provider of the error', async () => {
    const { events, published } = sink();
    await events.finished({ messageId: 'm1', request, analysis, createdAt, finishedAt: createdAt, attempts: [], outcome: { error: rateLimited } });
    expect(published[0]).toMatchObject({ type: 'sms.failed', status: 'failed', data: { provider: 'twilio', provider_message_id: null, from_number: '+14155550100', error: { code: 'RATE_LIMITED' } } });
  });

  it('publishes a refusal with only what the raw input safely says, at the time of the call', async () => {
    const { events, published } = sink();
    const error = new ValidationError({ field: 'to', reason: 'INVALID_PHONE_NUMBER', problem: 'is bad.', fix: 'fix it.' });
    await events.refused({ to: 'nope', body: 'secret', tenantId: 'org-1', correlationId: 'x'.repeat(256) } as never, error);
    await events.refused('garbage' as never, error);
    expect(published[0]).toMatchObject({
      type: 'sms.failed',
      correlation_id: 'm1',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: { to_number: null, from_number: null, segments: null, encoding: null, metadata: {}, error: { field: 'to' } },
    });
    expect(published[1]).toMatchObject({ tenant_id: null });
  });

  it('hands the terminal event to a capture instead of the publisher', async () => {
    const { events, published } = sink();
    const captured = await captureResultEvent(() => events.finished({ messageId: 'm1', request, analysis, createdAt, finishedAt: createdAt, attempts: [], outcome: { error: rateLimited } }));
    expect(published).toEqual([]);
    expect(captured.event?.type).toBe('sms.failed');
  });

  it('reports a failing publish as a background error, never throwing', async () => {
    const failure = new Error('bus down');
    const { events, backgroundErrors } = sink(() => Promise.reject(failure));
    await expect(events.refused({ to: 'x' } as never, rateLimited)).resolves.toBeUndefined();
    expect(backgroundErrors).toEqual([{ error: failure, context: { stage: 'events', messageId: 'm1' } }]);
  });
});
