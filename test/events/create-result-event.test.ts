import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createResultEvent, type ResultEventInput } from '../../src/events/create-result-event';
import { money } from '../../src/segments/money';

const sent: ResultEventInput = {
  eventId: 'evt-1',
  messageId: 'msg-1',
  correlationId: 'corr-1',
  tenantId: 'tenant-a',
  timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  to: '+14155550100',
  from: '+14155550199',
  provider: 'twilio',
  providerMessageId: 'SM123',
  cost: money(15_000, 'USD'),
  segments: 2,
  encoding: 'GSM-7',
  metadata: { orderId: 42 },
  error: undefined,
};

describe('createResultEvent', () => {
  it('builds sms.sent in the snake_case contract shape, the cost as a decimal string', () => {
    expect(createResultEvent(sent)).toEqual({
      type: 'sms.sent',
      schema_version: 1,
      event_id: 'evt-1',
      correlation_id: 'corr-1',
      tenant_id: 'tenant-a',
      timestamp: '2026-01-02T03:04:05.006Z',
      status: 'success',
      data: {
        message_id: 'msg-1',
        provider_message_id: 'SM123',
        to_number: '+14155550100',
        from_number: '+14155550199',
        provider: 'twilio',
        cost: '0.0150',
        currency: 'USD',
        segments: 2,
        encoding: 'GSM-7',
        error: null,
        metadata: { orderId: 42 },
      },
    });
  });

  it('builds sms.failed with the log-safe error and nulls for what is unknown', () => {
    const error = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'down', provider: 'telnyx', httpStatus: 503 });
    const event = createResultEvent({
      ...sent,
      tenantId: undefined,
      to: undefined,
      from: undefined,
      provider: undefined,
      providerMessageId: undefined,
      cost: null,
      segments: undefined,
      encoding: undefined,
      error,
    });
    expect(event.type).toBe('sms.failed');
    expect(event.status).toBe('failed');
    expect(event.tenant_id).toBeNull();
    expect(event.data).toMatchObject({
      provider_message_id: null,
      to_number: null,
      from_number: null,
      provider: null,
      cost: null,
      currency: null,
      segments: null,
      encoding: null,
    });
    expect(event.data.error).toEqual({
      code: 'PROVIDER_ERROR',
      reason: 'PROVIDER_SERVER_ERROR',
      message: 'down',
      retryable: false,
      outcome_unknown: false,
      provider: 'telnyx',
      provider_code: null,
      http_status: 503,
      field: null,
    });
  });
});
