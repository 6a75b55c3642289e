import { describe, expect, it } from 'vitest';
import { idempotencyRecordKey } from '../../src/idempotency/idempotency-record-key';

describe('idempotencyRecordKey', () => {
  it('scopes the key to its tenant, or to no tenant', () => {
    expect(idempotencyRecordKey({ tenantId: 'org-1', idempotencyKey: 'order-42' })).toBe('t.org-1/order-42');
    expect(idempotencyRecordKey({ tenantId: undefined, idempotencyKey: 'order-42' })).toBe('-/order-42');
  });

  it('escapes both parts, so no tenant and key pair can collide with another', () => {
    const a = idempotencyRecordKey({ tenantId: 'a/b', idempotencyKey: 'c' });
    const b = idempotencyRecordKey({ tenantId: 'a', idempotencyKey: 'b/c' });
    expect(a).toBe('t.a%2Fb/c');
    expect(b).toBe('t.a/b%2Fc');
    expect(a).not.toBe(b);
    expect(idempotencyRecordKey({ tenantId: '-', idempotencyKey: 'k' })).not.toBe(idempotencyRecordKey({ tenantId: undefined, idempotencyKey: 'k' }));
  });
});
