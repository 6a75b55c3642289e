import { createHmac } from 'node:crypto';
import plivo from 'plivo';
import { describe, expect, it } from 'vitest';
import { computePlivoSignature, plivoSignedBase } from '../../../src/providers/plivo/compute-plivo-signature';

const sdkAccepts = (url: string, nonce: string, token: string, signature: string, params: Record<string, string | string[]>): boolean =>
  (plivo as unknown as { validateV3Signature: (...args: unknown[]) => boolean }).validateV3Signature('POST', url, nonce, token, signature, params);

describe('plivoSignedBase', () => {
  it('appends the form parameters as namevalue, sorted, after a ?', () => {
    expect(plivoSignedBase('https://example.com/sms/', { To: '14155552671', From: '14155550100' })).toBe('https://example.com/sms/?From14155550100To14155552671');
  });

  it('sorts the query by name then value, decoded, and separates it from the parameters with a dot', () => {
    expect(plivoSignedBase('https://example.com/sms?b=2&a=x+y&b=1', { Z: '1' })).toBe('https://example.com/sms?a=x y&b=1&b=2.Z1');
    expect(plivoSignedBase('https://example.com/sms?b=2&a=1', {})).toBe('https://example.com/sms?a=1&b=2');
  });

  it('sorts the values of a repeated parameter', () => {
    expect(plivoSignedBase('https://example.com/', { Media: ['b', 'a'], A: '' })).toBe('https://example.com/?AMediaaMediab');
  });

  it('drops user info and the fragment, keeps the port, and adds nothing without query or parameters', () => {
    expect(plivoSignedBase('https://user:pw@example.com:8443/sms#frag', {})).toBe('https://example.com:8443/sms');
    expect(plivoSignedBase('not a url', { A: '1' })).toBe('not a url');
  });
});

describe('computePlivoSignature', () => {
  it('is the base64 HMAC-SHA256 of <base>.<nonce> keyed with the auth token', () => {
    const signature = computePlivoSignature({ authToken: 'token', url: 'https://example.com/sms/', params: { From: '14155550100' }, nonce: '123' });
    expect(signature).toBe(createHmac('sha256', 'token').update('https://example.com/sms/?From14155550100.123').digest('base64'));
  });

  it("agrees with plivo-node's validateV3Signature", () => {
    const url = 'https://hooks.example.com/plivo/status?message_id=msg_1&tenant=a';
    const params = { MessageUUID: 'db3ce55a-7f1d-11e1-8ea7-1231380bc196', Status: 'delivered', From: '14155550199', ErrorCode: '' };
    const signature = computePlivoSignature({ authToken: 'secret-token', url, params, nonce: '0511' });
    expect(sdkAccepts(url, '0511', 'secret-token', signature, params)).toBe(true);
    expect(sdkAccepts(url, '0511', 'other-token', signature, params)).toBe(false);
    expect(computePlivoSignature({ authToken: 'secret-token', url, params, nonce: '0512' })).not.toBe(signature);
  });
});
