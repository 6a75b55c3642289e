import { describe, expect, it } from 'vitest';
import { smsSendRequestSchema, type SmsSendRequestInput } from '../../../src/events/contracts/sms-send-request-schema';

const request: SmsSendRequestInput = {
  type: 'sms.send_request',
  schema_version: 1,
  request_id: '0b7c…-request',
  correlation_id: 'trace-1',
  tenant_id: 'org-1',
  actor: { user_id: 'user-7' },
  idempotency_key: 'sms-user-7-1767225600',
  ttl: 3600,
  created_at: '2026-01-01T00:00:00.000Z',
  data: { to_number: '+14155552671', body: 'Message text', from_number: '+14155550100', metadata: { campaign: 'spring' } },
};

describe('smsSendRequestSchema', () => {
  it('accepts the host platform’s envelope with type, schema_version and created_at; metadata defaults to {}', () => {
    expect(smsSendRequestSchema.parse(request)).toEqual(request);
    const { metadata: _metadata, ...data } = request.data;
    expect(smsSendRequestSchema.parse({ ...request, data }).data.metadata).toEqual({});
  });

  it('accepts created_at with an offset, as Python’s isoformat() writes it, and no created_at at all', () => {
    expect(smsSendRequestSchema.safeParse({ ...request, created_at: '2026-01-01T01:00:00.123456+01:00' }).success).toBe(true);
    const { created_at: _createdAt, ...withoutCreatedAt } = request;
    expect(smsSendRequestSchema.safeParse(withoutCreatedAt).success).toBe(true);
  });

  it.each([
    ['a naive created_at (no offset)', { created_at: '2026-01-01T00:00:00' }],
    ['a ttl of 0', { ttl: 0 }],
    ['a ttl beyond the 24 h idempotency retention', { ttl: 86_401 }],
    ['a fractional ttl', { ttl: 1.5 }],
    ['schema version 2', { schema_version: 2 }],
    ['another type', { type: 'sms.sent' }],
    ['no idempotency key', { idempotency_key: undefined }],
    ['no tenant', { tenant_id: undefined }],
    ['a typo inside data', { data: { ...request.data, media_url: ['https://example.com/a.png'] } }],
    ['a nested metadata value', { data: { ...request.data, metadata: { nested: { a: 1 } } } }],
  ])('refuses %s', (_name, change) => {
    expect(smsSendRequestSchema.safeParse({ ...request, ...change }).success).toBe(false);
  });

  it('ignores unknown envelope fields', () => {
    expect(smsSendRequestSchema.parse({ ...request, organization_id: 'org-1' })).toEqual(request);
  });
});
