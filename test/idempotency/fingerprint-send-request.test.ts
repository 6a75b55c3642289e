import { describe, expect, it } from 'vitest';
import { fingerprintSendRequest, type FingerprintedRequest } from '../../src/idempotency/fingerprint-send-request';
import { idempotencyRecordKey } from '../../src/idempotency/idempotency-record-key';

const base: FingerprintedRequest = { to: '+14155552671', from: '+14155550100', body: 'Your code is 123456', mediaUrls: [], sendAt: undefined };

describe('fingerprintSendRequest', () => {
  it('is a stable sha256 hex of the canonical payload', () => {
    expect(fingerprintSendRequest(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintSendRequest({ ...base, mediaUrls: [] })).toBe(fingerprintSendRequest(base));
  });

  it.each<[string, Partial<FingerprintedRequest>]>([
    ['another destination', { to: '+14155552672' }],
    ['another sender', { from: '+14155550101' }],
    ['no sender', { from: undefined }],
    ['another body', { body: 'Your code is 123457' }],
    ['media', { mediaUrls: ['https://example.com/a.jpg'] }],
    ['a schedule', { sendAt: new Date(Date.UTC(2026, 0, 2)) }],
  ])('changes with %s', (_name, change) => {
    expect(fingerprintSendRequest({ ...base, ...change })).not.toBe(fingerprintSendRequest(base));
  });

  it('cannot be fooled by moving text between fields', () => {
    const split = fingerprintSendRequest({ ...base, from: 'Ocelot', body: 'A|B' });
    const moved = fingerprintSendRequest({ ...base, from: 'Ocelot|A', body: 'B' });
    expect(split).not.toBe(moved);
    expect(fingerprintSendRequest({ ...base, mediaUrls: ['https://a', 'https://b'] })).not.toBe(fingerprintSendRequest({ ...base, mediaUrls: ['https://b', 'https://a'] }));
  });
});

describe('idempotencyRecordKey', () => {
  it('scopes keys per tenant and keeps requests without a tenant in their own scope', () => {
    expect(idempotencyRecordKey({ tenantId: 'org-1', idempotencyKey: 'order-42' })).toBe('t.org-1/order-42');
    expect(idempotencyRecordKey({ tenantId: undefined, idempotencyKey: 'order-42' })).toBe('-/order-42');
    expect(idempotencyRecordKey({ tenantId: '-', idempotencyKey: 'order-42' })).not.toBe(idempotencyRecordKey({ tenantId: undefined, idempotencyKey: 'order-42' }));
  });

  it('cannot be made to collide with separators in the tenant or the key', () => {
    const a = idempotencyRecordKey({ tenantId: 'org/1', idempotencyKey: 'x' });
    const b = idempotencyRecordKey({ tenantId: 'org', idempotencyKey: '1/x' });
    expect(a).not.toBe(b);
  });
});
