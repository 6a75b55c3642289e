import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createRetryingEvent } from '../../src/events/create-retrying-event';

describe('createRetryingEvent', () => {
  it('builds sms.retrying with the attempt, its delay, its provider and the causing failure', () => {
    const error = new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_SERVER_ERROR', message: 'slow down', retryable: true, providerCode: '20429' });
    const event = createRetryingEvent({
      eventId: 'evt-9',
      messageId: 'msg-9',
      correlationId: 'corr-9',
      tenantId: undefined,
      timestamp: 0,
      to: '+447700900123',
      from: undefined,
      segments: 1,
      encoding: 'UCS-2',
      metadata: {},
      retry: { attempt: 2, delayMs: 1000, provider: 'twilio', error },
    });
    expect(event).toEqual({
      type: 'sms.retrying',
      schema_version: 1,
      event_id: 'evt-9',
      correlation_id: 'corr-9',
      tenant_id: null,
      timestamp: '1970-01-01T00:00:00.000Z',
      status: 'retrying',
      data: {
        message_id: 'msg-9',
        provider_message_id: null,
        to_number: '+447700900123',
        from_number: null,
        provider: 'twilio',
        cost: null,
        currency: null,
        segments: 1,
        encoding: 'UCS-2',
        error: {
          code: 'RATE_LIMITED',
          reason: 'PROVIDER_SERVER_ERROR',
          message: 'slow down',
          retryable: true,
          outcome_unknown: false,
          provider: null,
          provider_code: '20429',
          http_status: null,
          field: null,
        },
        metadata: {},
        code: 'RETRYING',
        attempt: 2,
        delay_ms: 1000,
      },
    });
  });

  it('keeps a null provider when a chain of providers caused the retry', () => {
    const error = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'x' });
    const event = createRetryingEvent({
      eventId: 'e', messageId: 'm', correlationId: 'c', tenantId: 't', timestamp: 1, to: '+1', from: '+2',
      segments: 3, encoding: 'GSM-7', metadata: { a: 1 }, retry: { attempt: 3, delayMs: 250, provider: null, error },
    });
    expect(event.data.provider).toBeNull();
    expect(event.data.attempt).toBe(3);
    expect(event.data.delay_ms).toBe(250);
    expect(event.tenant_id).toBe('t');
    expect(event.data.from_number).toBe('+2');
  });
});
