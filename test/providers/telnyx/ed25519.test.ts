import { describe, expect, it } from 'vitest';
import { importEd25519PublicKey, verifyEd25519 } from '../../../src/providers/telnyx/ed25519';

// RFC 8032 §7.1, TEST 1 and TEST 2.
const test1 = {
  publicKey: Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex'),
  message: Buffer.alloc(0),
  signature: Buffer.from(
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    'hex',
  ),
};
const test2 = {
  publicKey: Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex'),
  message: Buffer.from('72', 'hex'),
  signature: Buffer.from(
    '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    'hex',
  ),
};

describe('importEd25519PublicKey', () => {
  it('wraps the 32 raw bytes in an Ed25519 SPKI key', () => {
    const key = importEd25519PublicKey(test1.publicKey);
    expect(key.type).toBe('public');
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(key.export({ format: 'der', type: 'spki' }).subarray(-32)).toEqual(test1.publicKey);
  });
});

describe('verifyEd25519', () => {
  it('accepts the RFC 8032 test vectors', () => {
    expect(verifyEd25519(importEd25519PublicKey(test1.publicKey), test1.message, test1.signature)).toBe(true);
    expect(verifyEd25519(importEd25519PublicKey(test2.publicKey), test2.message, test2.signature)).toBe(true);
  });

  it('refuses another message, another key or an altered signature', () => {
    expect(verifyEd25519(importEd25519PublicKey(test2.publicKey), Buffer.from('73', 'hex'), test2.signature)).toBe(false);
    expect(verifyEd25519(importEd25519PublicKey(test1.publicKey), test2.message, test2.signature)).toBe(false);
    const altered = Buffer.from(test2.signature);
    altered[0] = (altered[0] ?? 0) ^ 1;
    expect(verifyEd25519(importEd25519PublicKey(test2.publicKey), test2.message, altered)).toBe(false);
  });

  it('fails closed instead of throwing on a signature of the wrong length', () => {
    expect(verifyEd25519(importEd25519PublicKey(test2.publicKey), test2.message, test2.signature.subarray(0, 63))).toBe(false);
    expect(verifyEd25519(importEd25519PublicKey(test2.publicKey), test2.message, new Uint8Array(0))).toBe(false);
  });
});
