import type * as NodeCrypto from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { signTwilioRequest } from '../../../src/providers/twilio/sign-twilio-request';
import { computeTwilioSignature } from '../../../src/providers/twilio/compute-twilio-signature';
import { verifyTwilioSignature } from '../../../src/providers/twilio/verify-twilio-signature';
import { pick, randomText, seededRandom } from '../../webhooks/support/seeded-random';

// Every comparison must go through crypto.timingSafeEqual (docs/webhooks.md#verifying-signatures-yourself): count the calls.
const compares = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof NodeCrypto>();
  return {
    ...crypto,
    timingSafeEqual: (left: NodeJS.ArrayBufferView, right: NodeJS.ArrayBufferView) => {
      compares.count += 1;
      return crypto.timingSafeEqual(left, right);
    },
  };
});

/**
 * Twilio's published example (https://www.twilio.com/docs/usage/webhooks/webhooks-security): URL
 * https://example.com/myapp.php?foo=1&bar=2, Auth Token 12345 → L/OH5YylLD5NRKLltdqwSvS0BnU=. The
 * vector assumes the POST parameters of Twilio's page, below; the URL alone signs to something else.
 */
const PUBLISHED = {
  url: 'https://example.com/myapp.php?foo=1&bar=2',
  authToken: '12345',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
  signature: 'L/OH5YylLD5NRKLltdqwSvS0BnU=',
};

describe('verifyTwilioSignature: known answers', () => {
  it("reproduces Twilio's published vector with signTwilioRequest, and the SDK agrees", () => {
    const signed = signTwilioRequest({ url: PUBLISHED.url, params: PUBLISHED.params, authToken: PUBLISHED.authToken });
    expect(signed.signature).toBe(PUBLISHED.signature);
    expect(signed.url).toBe(PUBLISHED.url);
    expect(signed.headers).toEqual({ 'x-twilio-signature': PUBLISHED.signature });
    expect(twilio.validateRequest(PUBLISHED.authToken, PUBLISHED.signature, PUBLISHED.url, PUBLISHED.params)).toBe(true);
    expect(verifyTwilioSignature({ url: PUBLISHED.url, params: PUBLISHED.params, signature: PUBLISHED.signature, authTokens: PUBLISHED.authToken })).toEqual({ valid: true, secretIndex: 0 });
  });

  it('the vector covers the parameters: the URL alone signs differently', () => {
    expect(computeTwilioSignature(PUBLISHED.authToken, PUBLISHED.url, {})).not.toBe(PUBLISHED.signature);
    expect(verifyTwilioSignature({ url: PUBLISHED.url, params: {}, signature: PUBLISHED.signature, authTokens: PUBLISHED.authToken })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('signs 300 random URLs and parameter sets exactly as twilio-node computes and validates them', () => {
    const random = seededRandom(20_260_101);
    for (let round = 0; round < 300; round += 1) {
      const params: Record<string, string | string[]> = {};
      const count = Math.floor(random() * 6);
      for (let index = 0; index < count; index += 1) {
        const name = pick(random, ['Body', 'From', 'To', 'MediaUrl0', 'a', 'B', 'ä', 'OptOutType', 'x y']);
        params[name] = random() < 0.2 ? [randomText(random, 6), randomText(random, 6), randomText(random, 6)] : randomText(random, 20);
      }
      const query = random() < 0.5 ? `?message_id=${encodeURIComponent(randomText(random, 8))}&t=${round}` : '';
      const url = `${pick(random, ['https://example.com', 'https://hooks.example.com:8443', 'http://localhost:3000'])}/webhooks/sms${query}`;
      const token = randomText(random, 12) || 'token';
      const signed = signTwilioRequest({ url, params, authToken: token });
      expect(signed.signature).toBe(twilio.getExpectedTwilioSignature(token, url, params));
      expect(twilio.validateRequest(token, signed.signature, url, params)).toBe(true);
      expect(verifyTwilioSignature({ url, params, signature: signed.signature, authTokens: token.trim() === token ? token : [token.trim() || 'x'] }).valid).toBe(token.trim() === token);
    }
  });

  it('compares in constant time (crypto.timingSafeEqual), once per equal-length candidate', () => {
    compares.count = 0;
    verifyTwilioSignature({ url: PUBLISHED.url, params: PUBLISHED.params, signature: PUBLISHED.signature, authTokens: PUBLISHED.authToken });
    expect(compares.count).toBe(1);
    compares.count = 0;
    const forged = `${PUBLISHED.signature.slice(0, -2)}A=`;
    verifyTwilioSignature({ url: PUBLISHED.url, params: PUBLISHED.params, signature: forged, authTokens: ['a', 'b'] });
    // Two tokens × the URL with and without :443: every candidate compared, none by ===.
    expect(compares.count).toBe(4);
  });
});

describe('verifyTwilioSignature: the JSON body variant (bodySHA256)', () => {
  const body = '{"MessageSid":"SM1","MessageStatus":"delivered","note":"ünïcode"}';

  it('signs the URL with bodySHA256 only, as twilio-node validateRequestWithBody checks it', () => {
    const signed = signTwilioRequest({ url: 'https://example.com/hook?message_id=m1', body, authToken: '12345' });
    expect(new URL(signed.url).searchParams.get('bodySHA256')).toMatch(/^[0-9a-f]{64}$/);
    expect(twilio.validateRequestWithBody('12345', signed.signature, signed.url, body)).toBe(true);
    expect(verifyTwilioSignature({ url: signed.url, rawBody: body, signature: signed.signature, authTokens: '12345' })).toEqual({ valid: true, secretIndex: 0 });
    expect(verifyTwilioSignature({ url: signed.url, rawBody: Buffer.from(body, 'utf8'), signature: signed.signature, authTokens: '12345' }).valid).toBe(true);
  });

  it('refuses a tampered body, as the SDK does, and says to pass the raw body', () => {
    const signed = signTwilioRequest({ url: 'https://example.com/hook', body, authToken: '12345' });
    const tampered = body.replace('delivered', 'failed');
    expect(twilio.validateRequestWithBody('12345', signed.signature, signed.url, tampered)).toBe(false);
    const verification = verifyTwilioSignature({ url: signed.url, rawBody: tampered, signature: signed.signature, authTokens: '12345' });
    expect(verification).toMatchObject({ valid: false, reason: 'BODY_HASH_MISMATCH' });
    expect(!verification.valid && verification.message).toMatch(/raw body/);
    // Re-serialised JSON (spacing changed) is a different body.
    expect(verifyTwilioSignature({ url: signed.url, rawBody: JSON.stringify(JSON.parse(body), null, 1), signature: signed.signature, authTokens: '12345' }).valid).toBe(false);
  });

  it('refuses a tampered bodySHA256 in the URL (the URL is signed)', () => {
    const signed = signTwilioRequest({ url: 'https://example.com/hook', body, authToken: '12345' });
    const url = new URL(signed.url);
    url.searchParams.set('bodySHA256', '0'.repeat(64));
    expect(verifyTwilioSignature({ url: url.toString(), rawBody: body, signature: signed.signature, authTokens: '12345' })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('throws when the raw body of a JSON webhook is not passed', () => {
    const signed = signTwilioRequest({ url: 'https://example.com/hook', body, authToken: '12345' });
    expect(() => verifyTwilioSignature({ url: signed.url, signature: signed.signature, authTokens: '12345' })).toThrow(/rawBody.*bodySHA256/s);
  });
});

describe('verifyTwilioSignature: URLs, ports and rotation', () => {
  const params = { MessageSid: 'SM1', MessageStatus: 'delivered' };

  it('accepts a signature made over the URL with or without the default port, as twilio-node does', () => {
    const withPort = computeTwilioSignature('12345', 'https://example.com:443/hook?message_id=m1', params);
    const withoutPort = computeTwilioSignature('12345', 'https://example.com/hook?message_id=m1', params);
    for (const url of ['https://example.com/hook?message_id=m1', 'https://example.com:443/hook?message_id=m1']) {
      for (const signature of [withPort, withoutPort]) {
        expect(verifyTwilioSignature({ url, params, signature, authTokens: '12345' }).valid).toBe(true);
        expect(twilio.validateRequest('12345', signature, url, params)).toBe(true);
      }
    }
  });

  it('refuses a signature over another explicit port, as twilio-node does', () => {
    // twilio-node strips any port before comparing (Twilio's back end signs with or without it), so only
    // a signature made over a different explicit port is a wrong port.
    const signature = computeTwilioSignature('12345', 'https://example.com:8443/hook', params);
    expect(verifyTwilioSignature({ url: 'https://example.com:8443/hook', params, signature, authTokens: '12345' }).valid).toBe(true);
    for (const url of ['https://example.com:9443/hook', 'https://example.com/hook', 'https://example.com:443/hook']) {
      expect(verifyTwilioSignature({ url, params, signature, authTokens: '12345' })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
      expect(twilio.validateRequest('12345', signature, url, params)).toBe(false);
    }
  });

  it('refuses the wrong scheme, host, path or query, naming the URL it checked', () => {
    const signature = computeTwilioSignature('12345', 'https://example.com/hook?message_id=m1', params);
    for (const url of ['http://example.com/hook?message_id=m1', 'https://internal:3000/hook?message_id=m1', 'https://example.com/hook/?message_id=m1', 'https://example.com/hook?message_id=m2', 'https://example.com/Hook?message_id=m1']) {
      const verification = verifyTwilioSignature({ url, params, signature, authTokens: '12345' });
      expect(verification).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
      expect(!verification.valid && verification.message).toContain(new URL(url).origin);
      expect(twilio.validateRequest('12345', signature, url, params)).toBe(false);
    }
  });

  it('accepts every configured token during a rotation and says which one matched', () => {
    const url = 'https://example.com/hook';
    const signature = computeTwilioSignature('new-token', url, params);
    expect(verifyTwilioSignature({ url, params, signature, authTokens: ['old-token', 'new-token'] })).toEqual({ valid: true, secretIndex: 1 });
    expect(verifyTwilioSignature({ url, params, signature, authTokens: ['old-token'] })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });
});

describe('verifyTwilioSignature: tampering and missing pieces', () => {
  const url = 'https://example.com/hook?message_id=m1';
  const params = { MessageSid: 'SM1', MessageStatus: 'delivered', ErrorCode: '', To: '+14155552671', MediaUrl: ['b', 'a'] };
  const signature = computeTwilioSignature('12345', url, params);

  it.each([
    ['a changed value', { ...params, MessageStatus: 'failed' }],
    ['an added parameter', { ...params, Extra: '1' }],
    ['a removed parameter', { MessageSid: 'SM1', MessageStatus: 'delivered', To: '+14155552671', MediaUrl: ['b', 'a'] }],
    ['a trimmed value', { ...params, To: '+14155552671 '.trim() + ' ' }],
    ['a renamed parameter', { ...params, messagesid: 'SM1' }],
    ['one value of a list changed', { ...params, MediaUrl: ['b', 'c'] }],
  ])('refuses %s, as the SDK does', (_name, tampered) => {
    expect(verifyTwilioSignature({ url, params: tampered, signature, authTokens: '12345' })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(twilio.validateRequest('12345', signature, url, tampered)).toBe(false);
  });

  it('treats a list like twilio-node: order and repeats of values do not matter', () => {
    expect(verifyTwilioSignature({ url, params: { ...params, MediaUrl: ['a', 'b', 'a'] }, signature, authTokens: '12345' }).valid).toBe(true);
  });

  it.each([null, undefined, ''])('refuses a missing X-Twilio-Signature (%s)', (missing) => {
    const verification = verifyTwilioSignature({ url, params, signature: missing, authTokens: '12345' });
    expect(verification).toMatchObject({ valid: false, reason: 'MISSING_SIGNATURE' });
  });

  it.each([
    ['truncated', signature.slice(0, 20)],
    ['one character changed', `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`],
    ['not base64', '!!!not-a-signature!!!'],
    ['with whitespace', ` ${signature}`],
    ['the signature of another token', computeTwilioSignature('54321', url, params)],
  ])('refuses a signature %s', (_name, forged) => {
    expect(verifyTwilioSignature({ url, params, signature: forged, authTokens: '12345' })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it.each([undefined, '', []])('fails closed without a token (%s), naming the variable', (authTokens) => {
    const verification = verifyTwilioSignature({ url, params, signature, authTokens: authTokens as string[] | undefined });
    expect(verification).toMatchObject({ valid: false, reason: 'NO_SECRET_CONFIGURED' });
    expect(!verification.valid && verification.message).toMatch(/TWILIO_AUTH_TOKEN/);
  });

  it('refuses a token with whitespace around it, and a list with an empty token', () => {
    expect(() => verifyTwilioSignature({ url, params, signature, authTokens: '12345\n' })).toThrow(ValidationError);
    expect(() => verifyTwilioSignature({ url, params, signature, authTokens: '12345\n' })).toThrow(/whitespace/);
    expect(() => verifyTwilioSignature({ url, params, signature, authTokens: ['12345', ''] })).toThrow(/authTokens\[1\]/);
  });

  it('throws for a relative URL, naming the usual mistake (req.url is only the path)', () => {
    expect(() => verifyTwilioSignature({ url: '/hook?message_id=m1', params, signature, authTokens: '12345' })).toThrow(/req\.url/);
  });
});
