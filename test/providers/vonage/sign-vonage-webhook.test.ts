import { createHash, createHmac } from 'node:crypto';
import { verifySignature } from '@vonage/jwt';
import { describe, expect, it } from 'vitest';
import { signVonageWebhook } from '../../../src/providers/vonage/sign-vonage-webhook';
import { SIGNATURE_SECRET } from './support/vonage-fixtures';

const body = '{"message_uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","status":"delivered"}';

function decode(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('signVonageWebhook', () => {
  it('makes an HS256 JWT with iat, jti, iss and the SHA-256 of the body, as a Bearer header', () => {
    const signed = signVonageWebhook({ body, signatureSecret: SIGNATURE_SECRET, timestamp: 1_767_225_600, tokenId: 'jti-1' });
    const [header, claims, signature] = signed.token.split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(claims)).toEqual({ iat: 1_767_225_600, jti: 'jti-1', iss: 'Vonage', payload_hash: createHash('sha256').update(body).digest('hex') });
    expect(signature).toBe(createHmac('sha256', SIGNATURE_SECRET).update(`${header}.${claims}`).digest('base64url'));
    expect(signed.headers).toEqual({ authorization: `Bearer ${signed.token}` });
  });

  it('is verified by @vonage/jwt with the same secret only', () => {
    const { token } = signVonageWebhook({ body, signatureSecret: SIGNATURE_SECRET });
    expect(verifySignature(token, SIGNATURE_SECRET)).toBe(true);
    expect(verifySignature(token, `${SIGNATURE_SECRET}x`)).toBe(false);
  });

  it('hashes bytes like the equal string, takes iat from the clock, and picks a fresh jti by default', () => {
    const fromBytes = signVonageWebhook({ body: Buffer.from(body), signatureSecret: 's', clock: { now: () => 1_767_225_600_900 }, tokenId: 'j' });
    const fromString = signVonageWebhook({ body, signatureSecret: 's', timestamp: 1_767_225_600, tokenId: 'j' });
    expect(fromBytes.token).toBe(fromString.token);
    const first = decode(signVonageWebhook({ body, signatureSecret: 's' }).token.split('.')[1]);
    const second = decode(signVonageWebhook({ body, signatureSecret: 's' }).token.split('.')[1]);
    expect(first.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.jti).not.toBe(second.jti);
  });
});
