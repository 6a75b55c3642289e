import { describe, expect, it } from 'vitest';
import { hasAnyHeader } from '../../../src/providers/kit/has-any-header';

describe('hasAnyHeader', () => {
  const claims = hasAnyHeader(['x-acme-signature', 'x-acme-timestamp']);

  it('claims a request carrying any of the names, in any letter case', () => {
    expect(claims(new Headers({ 'X-Acme-Signature': 'sig' }))).toBe(true);
    expect(claims(new Headers({ 'x-acme-timestamp': '1' }))).toBe(true);
  });

  it('leaves a request carrying none of them', () => {
    expect(claims(new Headers({ 'x-other-signature': 'sig' }))).toBe(false);
    expect(claims(new Headers())).toBe(false);
  });
});
