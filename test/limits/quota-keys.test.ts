import { describe, expect, it } from 'vitest';
import { digest, tenantKeyOf } from '../../src/limits/quota-keys';

describe('quota keys', () => {
  it('escapes the tenant id, so a tenant cannot forge another key by its separators', () => {
    expect(tenantKeyOf('org-1')).toBe('tenant:org-1');
    expect(tenantKeyOf('a:b/c')).toBe('tenant:a%3Ab%2Fc');
    expect(tenantKeyOf('a:b')).not.toBe(`${tenantKeyOf('a')}:b`);
  });

  it('digests a value to 22 base64url characters, stable and distinct, never the value itself', () => {
    const number = digest('+14155552671');
    expect(number).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(digest('+14155552671')).toBe(number);
    expect(digest('+14155552672')).not.toBe(number);
    expect(number).not.toContain('4155552671');
  });
});
