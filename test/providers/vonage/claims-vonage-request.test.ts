import { describe, expect, it } from 'vitest';
import { claimsVonageRequest } from '../../../src/providers/vonage/claims-vonage-request';
import { signVonageWebhook } from '../../../src/providers/vonage/sign-vonage-webhook';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = (claims: unknown): Headers => new Headers({ authorization: `Bearer ${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl` });

describe('claimsVonageRequest', () => {
  it('claims a webhook signed as Vonage signs it', () => {
    const signed = signVonageWebhook({ body: '{"status":"delivered"}', signatureSecret: 'secret' });
    expect(claimsVonageRequest(new Headers(signed.headers))).toBe(true);
  });

  it('claims any bearer JWT carrying payload_hash, before verification', () => {
    expect(claimsVonageRequest(bearer({ iat: 1, payload_hash: 'ab' }))).toBe(true);
  });

  it('leaves a proxy or gateway Authorization header alone', () => {
    expect(claimsVonageRequest(new Headers({ authorization: 'Basic dXNlcjpwYXNz' }))).toBe(false);
    expect(claimsVonageRequest(new Headers({ authorization: 'Bearer opaque-token' }))).toBe(false);
    expect(claimsVonageRequest(bearer({ sub: 'gateway' }))).toBe(false);
    expect(claimsVonageRequest(bearer({ payload_hash: 42 }))).toBe(false);
    expect(claimsVonageRequest(new Headers({ authorization: `Bearer a.${Buffer.from('not json').toString('base64url')}.c` }))).toBe(false);
    expect(claimsVonageRequest(new Headers())).toBe(false);
  });
});
