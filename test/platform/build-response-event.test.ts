import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { createResultEvent } from '../../src/events/create-result-event';
import { SMS_EVENT_SCHEMA_VERSION } from '../../src/events/sms-event';
import { deriveUuid } from '../../src/hashing/derive-uuid';
import type { SendResult } from '../../src/messages/send-result';
import { buildResponseEvent, responseEventId, type ResponseTarget } from '../../src/platform/build-response-event';

const target: ResponseTarget = { requestId: 'request-42', correlationId: 'trace-1', tenantId: 'org-1', metadata: { order: 7 } };
const result: SendResult = {
  id: 'm1', status: 'queued', provider: 'twilio', providerMessageId: 'SM1', to: '+14155552671', from: '+14155550100', segments: 1, encoding: 'GSM-7', units: 2,
  cost: { currency: 'USD', amount: '0.0079', micros: 7900 }, attempts: [], tenantId: 'org-1', correlationId: 'trace-1', createdAt: '2026-01-01T00:00:00.000Z',
};
const error = new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'bad token', provider: 'twilio' });

describe('responseEventId', () => {
  it('derives one stable id per request', () => {
    expect(responseEventId('request-42')).toBe(responseEventId('request-42'));
    expect(responseEventId('request-42')).not.toBe(responseEventId('request-43'));
    expect(responseEventId('request-42')).toBe(deriveUuid('sms.response', 'request-42'));
  });
});

describe('buildResponseEvent', () => {
  it('answers sms.sent from the result', () => {
    expect(buildResponseEvent({ target, timestamp: Date.UTC(2026, 0, 1), outcome: { result } })).toEqual({
      type: 'sms.sent',
      schema_version: SMS_EVENT_SCHEMA_VERSION,
      event_id: responseEventId('request-42'),
      correlation_id: 'trace-1',
      request_id: 'request-42',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:00.000Z',
      status: 'success',
      data: { message_id: 'm1', provider_message_id: 'SM1', to_number: '+14155552671', from_number: '+14155550100', provider: 'twilio', cost: '0.0079', currency: 'USD', segments: 1, encoding: 'GSM-7', error: null, metadata: { order: 7 } },
    });
  });

  it('answers sms.failed with a derived message id when the service published nothing', () => {
    const event = buildResponseEvent({ target, timestamp: 0, outcome: { error } });
    expect(event).toMatchObject({ type: 'sms.failed', status: 'failed', event_id: responseEventId('request-42') });
    expect(event.data).toEqual({
      message_id: deriveUuid('sms.message', 'request-42'),
      provider_message_id: null,
      to_number: null,
      from_number: null,
      provider: 'twilio',
      cost: null,
      currency: null,
      segments: null,
      encoding: null,
      error: expect.objectContaining({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'bad token' }) as unknown,
      metadata: { order: 7 },
    });
  });

  it('keeps what the service’s own sms.failed knew', () => {
    const terminal = createResultEvent({
      eventId: 'e', messageId: 'm9', correlationId: 'trace-1', tenantId: 'org-1', timestamp: 0, to: '+14155552671', from: '+14155550100', provider: 'telnyx',
      providerMessageId: 'TX1', cost: null, segments: 2, encoding: 'UCS-2', metadata: {}, error,
    });
    expect(buildResponseEvent({ target, timestamp: 0, outcome: { error }, terminal }).data).toMatchObject({
      message_id: 'm9', provider_message_id: 'TX1', to_number: '+14155552671', from_number: '+14155550100', provider: 'telnyx', segments: 2, encoding: 'UCS-2',
    });
  });
});
