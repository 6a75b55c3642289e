import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4): the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A Node key object for a raw 32-byte Ed25519 public key. */
export function importEd25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * Verifies an Ed25519 signature (RFC 8032). OpenSSL refuses non-canonical signatures (S ≥ L), so a
 * valid signature cannot be altered into another valid one. Any crypto exception means "not valid":
 * fail closed (docs/webhooks.md#verifying-signatures-yourself).
 */
export function verifyEd25519(key: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
