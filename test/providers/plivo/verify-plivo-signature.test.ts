import { describe, expect, it } from 'vitest';
import { computePlivoSignature } from '../../../src/providers/plivo/compute-plivo-signature';
import { verifyPlivoSignature } from '../../../src/providers/plivo/verify-plivo-signature';

const url = 'https://hooks.example.com/plivo?message_id=m1';
const params = { Status: 'delivered', MessageUUID: 'u1' };
const nonce = '12345678901234567890';
const sign = (authToken: string): string => computePlivoSignature({ authToken, url, params, nonce });

describe('verifyPlivoSignature', () => {
  it('accepts a signature of a configured token and says which one matched', () => {
    expect(verifyPlivoSignature({ url, params, signature: sign('new'), nonce, authTokens: ['new', 'old'] })).toEqual({ valid: true, secretIndex: 0 });
    expect(verifyPlivoSignature({ url, params, signature: sign('old'), nonce, authTokens: ['new', 'old'] })).toEqual({ valid: true, secretIndex: 1 });
  });

  it('accepts any of several comma-separated signatures, spaces aside', () => {
    const signature = `bm90IGl0, ${sign('token')}`;
    expect(verifyPlivoSignature({ url, params, signature, nonce, authTokens: ['token'] })).toEqual({ valid: true, secretIndex: 0 });
  });

  it('fails closed without a token', () => {
    const result = verifyPlivoSignature({ url, params, signature: sign('t'), nonce, authTokens: [] });
    expect(result).toMatchObject({ valid: false, reason: 'NO_SECRET_CONFIGURED' });
  });

  it('refuses a missing signature or nonce', () => {
    expect(verifyPlivoSignature({ url, params, signature: null, nonce, authTokens: ['t'] })).toMatchObject({
      valid: false,
      reason: 'MISSING_SIGNATURE',
      message: expect.stringContaining('X-Plivo-Signature-V3 header is missing'),
    });
    expect(verifyPlivoSignature({ url, params, signature: sign('t'), nonce: '', authTokens: ['t'] })).toMatchObject({
      reason: 'MISSING_SIGNATURE',
      message: expect.stringContaining('X-Plivo-Signature-V3-Nonce header is missing'),
    });
  });

  it('refuses a signature over another URL, other parameters, another nonce or another token, naming the URL without its query', () => {
    const mismatch = verifyPlivoSignature({ url: 'https://proxy.internal/plivo?message_id=m1', params, signature: sign('t'), nonce, authTokens: ['t'] });
    expect(mismatch).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(mismatch.valid === false && mismatch.message).toContain('does not match https://proxy.internal/plivo and the posted parameters');
    expect(mismatch.valid === false && mismatch.message).not.toContain('message_id');
    expect(verifyPlivoSignature({ url, params: { ...params, Status: 'failed' }, signature: sign('t'), nonce, authTokens: ['t'] }).valid).toBe(false);
    expect(verifyPlivoSignature({ url, params, signature: sign('t'), nonce: '1', authTokens: ['t'] }).valid).toBe(false);
    expect(verifyPlivoSignature({ url, params, signature: sign('t'), nonce, authTokens: ['u'] }).valid).toBe(false);
    const unparsable = verifyPlivoSignature({ url: 'relative/path', params, signature: sign('t'), nonce, authTokens: ['t'] });
    expect(unparsable.valid === false && unparsable.message).toContain('does not match the URL and');
  });
});
