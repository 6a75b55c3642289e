import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signTelnyxRequest } from '../../../src/providers/telnyx/sign-telnyx-request';

// RFC 8032 §7.1 TEST 1: this seed has this public key.
const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex').toString('base64');
const publicKeyHex = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

function publicKeyObject(base64: string) {
  return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(base64, 'base64')]), format: 'der', type: 'spki' });
}

describe('signTelnyxRequest', () => {
  it("names the seed's public key and signs `${timestamp}|${body}`", () => {
    const body = '{"data":{"event_type":"message.finalized"}}';
    const signed = signTelnyxRequest({ body, privateKey: seed, timestamp: 1_767_225_600 });
    expect(Buffer.from(signed.publicKey, 'base64').toString('hex')).toBe(publicKeyHex);
    expect(signed.timestamp).toBe('1767225600');
    expect(signed.headers).toEqual({ 'telnyx-signature-ed25519': signed.signature, 'telnyx-timestamp': '1767225600' });
    const signature = Buffer.from(signed.signature, 'base64');
    expect(signature).toHaveLength(64);
    expect(verify(null, Buffer.from(`1767225600|${body}`), publicKeyObject(signed.publicKey), signature)).toBe(true);
    expect(verify(null, Buffer.from(body), publicKeyObject(signed.publicKey), signature)).toBe(false);
  });

  it('is deterministic, and signs bytes the same as the equal string', () => {
    const first = signTelnyxRequest({ body: 'é', privateKey: seed, timestamp: 1 });
    expect(signTelnyxRequest({ body: 'é', privateKey: seed, timestamp: 1 }).signature).toBe(first.signature);
    expect(signTelnyxRequest({ body: Buffer.from('é', 'utf8'), privateKey: seed, timestamp: 1 }).signature).toBe(first.signature);
    expect(signTelnyxRequest({ body: 'é', privateKey: seed, timestamp: 2 }).signature).not.toBe(first.signature);
  });

  it('takes the timestamp from the clock in whole seconds by default', () => {
    const signed = signTelnyxRequest({ body: '', privateKey: seed, clock: { now: () => 1_767_225_600_999 } });
    expect(signed.timestamp).toBe('1767225600');
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => signTelnyxRequest({ body: '', privateKey: Buffer.alloc(31).toString('base64') })).toThrow(
      'signTelnyxRequest: privateKey must be a base64 32-byte Ed25519 seed',
    );
  });
});
