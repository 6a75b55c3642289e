import { describe, expect, it } from 'vitest';
import { smsResultEventSchema } from '../../../src/events/contracts/sms-result-event-schema';

describe('smsResultEventSchema', () => {
  const sent = {
    type: 'sms.sent',
    schema_version: 1,
    event_id: 'e-1',
    correlation_id: 'c-1',
    tenant_id: null,
    timestamp: '2026-01-01T00:00:00.000Z',
    status: 'success',
    data: { message_id: 'm-1', provider_message_id: 'SM1', to_number: '+14155552671', from_number: null, provider: 'twilio', cost: '0.0075', currency: 'USD', segments: 1, encoding: 'GSM-7', error: null, metadata: {} },
  };

  it('ignores fields it does not know (additive changes keep version 1)', () => {
    expect(smsResultEventSchema.parse({ ...sent, added_later: true })).toEqual(sent);
  });

  it('refuses a status that contradicts the type, a float cost and another schema version', () => {
    expect(smsResultEventSchema.safeParse({ ...sent, status: 'failed' }).success).toBe(false);
    expect(smsResultEventSchema.safeParse({ ...sent, type: 'sms.failed', status: 'failed' }).success).toBe(false);
    expect(smsResultEventSchema.safeParse({ ...sent, data: { ...sent.data, cost: 0.0075 } }).success).toBe(false);
    expect(smsResultEventSchema.safeParse({ ...sent, schema_version: 2 }).success).toBe(false);
  });

  it('reads an sms.failed from an earlier producer, without provider_code and http_status, as null', () => {
    const error = { code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER', message: 'm', retryable: false, outcome_unknown: false, provider: 'twilio', field: null };
    const failed = { ...sent, type: 'sms.failed', status: 'failed', data: { ...sent.data, error } };
    expect(smsResultEventSchema.parse(failed).data.error).toEqual({ ...error, provider_code: null, http_status: null });
    const wrongStatus = { ...failed, data: { ...failed.data, error: { ...error, http_status: 42 } } };
    expect(smsResultEventSchema.safeParse(wrongStatus).success).toBe(false);
  });

  it('keeps a worker response’s request_id', () => {
    expect(smsResultEventSchema.parse({ ...sent, request_id: 'r-1' }).request_id).toBe('r-1');
  });
});
