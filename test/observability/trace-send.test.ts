import { describe, expect, it } from 'vitest';
import { SMSService } from '../../src/service/sms-service';
import { createFakeProvider } from '../../src/testing/create-fake-provider';
import { inMemoryTracing } from '../support/in-memory-tracing';

const request = { to: '+14155552671', body: 'Your code is 482913', tenantId: 'org-1' };

describe('tracing a send (the tracer option)', () => {
  it('a success: sms.send with one child attempt, ids and outcome, the number masked and no body anywhere', async () => {
    const { tracer, spans } = inMemoryTracing();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], tracer });
    const result = await sms.send(request);
    const [attempt, send] = spans();
    expect(send?.name).toBe('sms.send');
    expect(send?.attributes).toEqual({ 'messaging.system': 'sms', 'sms.tenant_id': 'org-1', 'messaging.message.id': result.id, 'sms.provider': 'twilio', 'sms.segments': 1, 'sms.attempts': 1, 'sms.failover': false, 'sms.outcome': 'sent' });
    expect(send?.status.code).toBe(1);
    expect(attempt?.name).toBe('sms.provider.attempt');
    expect(attempt?.kind).toBe(2);
    expect(attempt?.parentSpanContext?.spanId).toBe(send?.spanContext().spanId);
    expect(attempt?.attributes).toEqual({
      'messaging.system': 'sms', 'messaging.operation.name': 'send', 'messaging.message.id': result.id, 'sms.provider': 'twilio', 'sms.segments': 1,
      'sms.encoding': 'GSM-7', 'sms.to': '+1415•••2671', 'sms.outcome': 'sent', 'sms.provider_message_id': result.providerMessageId,
    });
    const everything = JSON.stringify(spans().map((span) => span.attributes));
    expect(everything).not.toContain('482913');
    expect(everything).not.toContain('+14155552671');
  });

  it('failover: a refused attempt then a sent one, both children of the send, which records the failover', async () => {
    const { tracer, spans } = inMemoryTracing();
    const sms = new SMSService({
      providers: [createFakeProvider({ id: 'twilio', outcomes: [{ type: 'reject', providerCode: '20003', fault: 'provider', code: 'PROVIDER_ERROR', reason: 'AUTHENTICATION_FAILED' }] }), createFakeProvider({ id: 'telnyx' })],
      tracer,
    });
    await sms.send(request);
    const send = spans().find((span) => span.name === 'sms.send');
    const attempts = spans().filter((span) => span.name === 'sms.provider.attempt');
    expect(attempts.map((span) => [span.attributes['sms.provider'], span.attributes['sms.outcome'], span.attributes['error.type'] ?? null, span.attributes['sms.provider_code'] ?? null, span.status.code])).toEqual([
      ['twilio', 'not_sent', 'PROVIDER_ERROR', '20003', 2],
      ['telnyx', 'sent', null, null, 1],
    ]);
    expect(attempts.every((span) => span.parentSpanContext?.spanId === send?.spanContext().spanId)).toBe(true);
    expect(send?.attributes).toMatchObject({ 'sms.provider': 'telnyx', 'sms.attempts': 2, 'sms.failover': true, 'sms.outcome': 'sent' });
  });

  it('an unknown outcome: the attempt and the send say unknown, with the error code and reason', async () => {
    const { tracer, spans } = inMemoryTracing();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] })], tracer });
    await expect(sms.send(request)).rejects.toMatchObject({ outcomeUnknown: true });
    expect(spans().map((span) => [span.name, span.attributes['sms.outcome'], span.attributes['error.type'], span.attributes['sms.error.reason'], span.status.code])).toEqual([
      ['sms.provider.attempt', 'unknown', 'TIMEOUT', 'RESPONSE_TIMEOUT', 2],
      ['sms.send', 'unknown', 'TIMEOUT', 'RESPONSE_TIMEOUT', 2],
    ]);
  });

  it('a quota refusal: one send span, no attempt, not sent with RATE_LIMITED', async () => {
    const { tracer, spans } = inMemoryTracing();
    const sms = new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], tracer, quotas: { hourly: 1 } });
    await sms.send(request);
    await expect(sms.send(request)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const refused = spans().at(-1);
    expect(spans().filter((span) => span.name === 'sms.provider.attempt')).toHaveLength(1);
    expect(refused?.name).toBe('sms.send');
    expect(refused?.attributes).toMatchObject({ 'sms.outcome': 'not_sent', 'error.type': 'RATE_LIMITED' });
  });

  it('without a tracer nothing is traced and the providers are the ones given', async () => {
    const { spans } = inMemoryTracing();
    const twilio = createFakeProvider({ id: 'twilio' });
    await new SMSService({ providers: [twilio] }).send(request);
    expect(spans()).toEqual([]);
    expect(twilio.calls).toHaveLength(1);
  });
});

describe('the tracer option', () => {
  it('refuses something that is not a tracer, naming the option and the fix', () => {
    expect(() => new SMSService({ providers: [createFakeProvider()], tracer: {} as never })).toThrow(/^options\.tracer: is not an OpenTelemetry tracer \(it has no startActiveSpan\)\. Fix: pass trace\.getTracer\('sms'\) from @opentelemetry\/api, or omit it\.$/);
  });
});
