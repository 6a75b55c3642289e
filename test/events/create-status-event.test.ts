import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { SMS_EVENT_SCHEMA_VERSION } from '../../src/events/sms-event';
import { createStatusEvent, type StatusEventInput } from '../../src/events/create-status-event';

const input: StatusEventInput = {
  eventId: 'e1',
  messageId: 'message-1',
  tenantId: 'org-1',
  timestamp: Date.UTC(2026, 0, 1),
  provider: 'twilio',
  providerMessageId: 'SM1',
  status: 'delivered',
  previousStatus: 'sent',
  providerStatus: 'delivered',
  errorCode: null,
  error: null,
};

describe('createStatusEvent', () => {
  it('builds sms.status in the contract shape', () => {
    expect(createStatusEvent(input)).toEqual({
      type: 'sms.status',
      schema_version: SMS_EVENT_SCHEMA_VERSION,
      event_id: 'e1',
      correlation_id: 'message-1',
      tenant_id: 'org-1',
      timestamp: '2026-01-01T00:00:00.000Z',
      status: 'delivered',
      data: { message_id: 'message-1', provider_message_id: 'SM1', provider: 'twilio', status: 'delivered', previous_status: 'sent', provider_status: 'delivered', error_code: null, error: null },
    });
  });

  it('correlates by the provider id when the message is unknown, and carries the error', () => {
    const error = new ValidationError({ field: 'to', reason: 'UNKNOWN_RECIPIENT', problem: 'does not exist.', fix: 'check it.' });
    const event = createStatusEvent({ ...input, messageId: null, status: 'undelivered', previousStatus: null, providerStatus: 'undelivered', errorCode: '30005', error });
    expect(event.correlation_id).toBe('SM1');
    expect(event.data).toMatchObject({ message_id: null, previous_status: null, error_code: '30005' });
    expect(event.data.error).toEqual({
      code: 'VALIDATION_ERROR',
      reason: 'UNKNOWN_RECIPIENT',
      message: 'to: does not exist. Fix: check it.',
      retryable: false,
      outcome_unknown: false,
      provider: null,
      provider_code: null,
      http_status: null,
      field: 'to',
    });
  });
});
