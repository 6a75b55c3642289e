import { describe, expect, it } from 'vitest';
import { salvageResponseTarget } from '../../src/platform/salvage-response-target';

describe('salvageResponseTarget', () => {
  it('keeps the ids of an unreadable request, so its answer still reaches the caller', () => {
    expect(salvageResponseTarget({ request_id: 'r-1', correlation_id: 'c-1', tenant_id: 'org-1', body: 42, metadata: { a: 1 } })).toEqual({ requestId: 'r-1', correlationId: 'c-1', tenantId: 'org-1', metadata: {} });
  });

  it('correlates to the request id, and makes up a request id when there is no usable one', () => {
    expect(salvageResponseTarget({ request_id: 'r-1' })).toEqual({ requestId: 'r-1', correlationId: 'r-1', tenantId: null, metadata: {} });
    for (const message of [null, 'text', { request_id: '' }, { request_id: 7 }, { request_id: 'x'.repeat(256) }]) {
      const target = salvageResponseTarget(message);
      expect(target.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(target.correlationId).toBe(target.requestId);
    }
  });

  it('drops a tenant id over 128 characters', () => {
    expect(salvageResponseTarget({ request_id: 'r', tenant_id: 't'.repeat(129) }).tenantId).toBeNull();
    expect(salvageResponseTarget({ request_id: 'r', tenant_id: 't'.repeat(128) }).tenantId).toBe('t'.repeat(128));
  });
});
