import { describe, expect, it } from 'vitest';
import { deriveMessageId } from '../../src/idempotency/derive-message-id';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deriveMessageId', () => {
  it('is a version 8 UUID with the RFC 9562 variant', () => {
    for (let index = 0; index < 200; index += 1) expect(deriveMessageId({ tenantId: `org-${index}`, idempotencyKey: `order-${index}` })).toMatch(UUID_V8);
  });

  it('is the same for the same tenant and key, on every call', () => {
    const first = deriveMessageId({ tenantId: 'org-1', idempotencyKey: 'order-42' });
    expect(deriveMessageId({ tenantId: 'org-1', idempotencyKey: 'order-42' })).toBe(first);
  });

  it('differs across tenants, keys, and the no-tenant scope', () => {
    const ids = new Set([
      deriveMessageId({ tenantId: 'org-1', idempotencyKey: 'order-42' }),
      deriveMessageId({ tenantId: 'org-2', idempotencyKey: 'order-42' }),
      deriveMessageId({ tenantId: 'org-1', idempotencyKey: 'order-43' }),
      deriveMessageId({ tenantId: undefined, idempotencyKey: 'order-42' }),
      // A separator inside the parts cannot make two scopes collide (the key is percent-encoded).
      deriveMessageId({ tenantId: 'org-1/order', idempotencyKey: '42' }),
      deriveMessageId({ tenantId: 'org-1', idempotencyKey: 'order/42' }),
    ]);
    expect(ids.size).toBe(6);
  });
});
