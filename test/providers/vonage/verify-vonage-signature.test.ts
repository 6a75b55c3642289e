import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { verifySignature } from '@vonage/jwt';
import { describe, expect, it } from 'vitest';
import { signVonageWebhook } from '../../../src/providers/vonage/sign-vonage-webhook';
import { verifyVonageSignature } from '../../../src/providers/vonage/verify-vonage-signature';

/** jsonwebtoken (a dependency of @vonage/jwt): an implementation independent of the adapter's. */
const jsonwebtoken = createRequire(import.meta.url)('jsonwebtoken') as {
  sign(payload: object, secret: string, options: { algorithm: 'HS256' | 'none'; noTimestamp?: boolean }): string;
};

const SECRET = 'XsA09z2MhUxYcdbXaUX3aTT7TzGmnCLfkdILf0NIyC9hN9criTEUdlI3OZ5hRjR';
const NOW = 1_767_225_600;
const clock = { now: () => NOW * 1000 };
const body = JSON.stringify({ message_uuid: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab', to: '14155552671', from: '14155550199', status: 'delivered', channel: 'sms' });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const check = (authorization: string | null, overrides: Partial<Parameters<typeof verifyVonageSignature>[0]> = {}) =>
  verifyVonageSignature({ authorization, rawBody: body, signatureSecrets: [SECRET], clock, ...overrides });

describe('verifyVonageSignature against independent implementations', () => {
  it('accepts a token signed by jsonwebtoken (HS256) with the body hash and a fresh iat', () => {
    const token = jsonwebtoken.sign({ iat: NOW - 5, jti: 'j1', iss: 'Vonage', payload_hash: sha256(body), api_key: 'abcd1234' }, SECRET, { algorithm: 'HS256' });

    expect(check(`Bearer ${token}`)).toEqual({ valid: true, secretIndex: 0 });
  });

  it("checks the signature of the Vonage Java SDK's published example token (MessagesClientTest.testVerifySignature)", () => {
    // https://github.com/Vonage/vonage-java-sdk: header.payload.signature with this secret, iat 1698680392, no payload_hash.
    const good = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJTaW5hIiwibmFtZSI6IkphdmFfU0RLIiwiaWF0IjoxNjk4NjgwMzkyfQ.4qJpi46NSYURiLI1xoLIfGRygA8IUI2QSG9P2Kus1Oo';
    const bad = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJTaW5hIiwibmFtZSI6IkphdmFfU0RLIiwiaWF0IjoxNjk4NjgwMzkyfQ.XsaXHXqxe2kfIbPy-JH2J6hfbHnEv8jdWsOhEuvzU98';
    const atIssue = { now: () => 1_698_680_392_000 };

    // The signature holds; the example has no payload_hash, which the adapter requires.
    expect(check(`Bearer ${good}`, { clock: atIssue })).toMatchObject({ valid: false, reason: 'BODY_HASH_MISMATCH' });
    expect(check(`Bearer ${bad}`, { clock: atIssue })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it("produces tokens @vonage/jwt verifies, whose claims carry the body's SHA-256 and iat", () => {
    const { token, headers } = signVonageWebhook({ body, signatureSecret: SECRET, timestamp: NOW, tokenId: 'fixed' });

    expect(verifySignature(token, SECRET)).toBe(true);
    expect(verifySignature(token, `${SECRET}x`)).toBe(false);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toEqual({ iat: NOW, jti: 'fixed', iss: 'Vonage', payload_hash: sha256(body) });
    expect(headers.authorization).toBe(`Bearer ${token}`);
    expect(check(headers.authorization)).toEqual({ valid: true, secretIndex: 0 });
  });
});

describe('verifyVonageSignature refusals', () => {
  const signed = (overrides: { body?: string; timestamp?: number; secret?: string } = {}) =>
    signVonageWebhook({ body: overrides.body ?? body, signatureSecret: overrides.secret ?? SECRET, timestamp: overrides.timestamp ?? NOW }).headers.authorization;

  it.each([
    { name: 'no secret configured', run: () => check(signed(), { signatureSecrets: [] }), reason: 'NO_SECRET_CONFIGURED' },
    { name: 'no Authorization header', run: () => check(null), reason: 'MISSING_SIGNATURE' },
    { name: 'Basic instead of Bearer', run: () => check('Basic YWJjOmRlZg=='), reason: 'MALFORMED_SIGNATURE' },
    { name: 'two-part token', run: () => check('Bearer abc.def'), reason: 'MALFORMED_SIGNATURE' },
    { name: 'another secret', run: () => check(signed({ secret: 'another-secret-entirely' })), reason: 'SIGNATURE_MISMATCH' },
    { name: 'another body', run: () => check(signed({ body: body.replace('delivered', 'rejected') })), reason: 'BODY_HASH_MISMATCH' },
    { name: 'a token 301 s old', run: () => check(signed({ timestamp: NOW - 301 })), reason: 'TIMESTAMP_OUT_OF_TOLERANCE' },
    { name: 'a token 301 s in the future', run: () => check(signed({ timestamp: NOW + 301 })), reason: 'TIMESTAMP_OUT_OF_TOLERANCE' },
  ])('$name → $reason', ({ run, reason }) => {
    expect(run()).toMatchObject({ valid: false, reason });
  });

  it('accepts 300 s of skew, and a wider tolerance when configured', () => {
    expect(check(signed({ timestamp: NOW - 300 })).valid).toBe(true);
    expect(check(signed({ timestamp: NOW - 900 }), { toleranceSeconds: 1_000 }).valid).toBe(true);
  });

  it('refuses alg none and a token without iat, even with a valid body hash', () => {
    const none = jsonwebtoken.sign({ iat: NOW, payload_hash: sha256(body) }, '', { algorithm: 'none' });
    expect(check(`Bearer ${none}x`)).toMatchObject({ valid: false, reason: 'MALFORMED_SIGNATURE' });
    const noIat = jsonwebtoken.sign({ payload_hash: sha256(body) }, SECRET, { algorithm: 'HS256', noTimestamp: true });
    expect(check(`Bearer ${noIat}`)).toMatchObject({ valid: false, reason: 'MISSING_TIMESTAMP' });
  });

  it('finds the secret that signed during a rotation, and hashes raw bytes', () => {
    const result = verifyVonageSignature({ authorization: signed(), rawBody: Buffer.from(body, 'utf8'), signatureSecrets: ['old-secret-value', SECRET], clock });
    expect(result).toEqual({ valid: true, secretIndex: 1 });
  });

  it('never puts the secret in a refusal message', () => {
    const result = check(signed({ secret: 'another-secret-entirely' }));
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});
