import type { KeyObject } from 'node:crypto';
import { ValidationError } from '../../errors/validation-error';
import { importEd25519PublicKey } from './ed25519';
import { readSecrets } from '../kit/read-secrets';
import { decodeStrictBase64 } from './strict-base64';

/**
 * Reads Telnyx public keys: each strict base64 of exactly 32 bytes (Mission Control → Keys &
 * Credentials → Public Key; docs/webhooks.md#verifying-signatures-yourself). A malformed key is a configuration mistake and
 * throws a `ValidationError` naming it; none configured gives an empty list (verification then
 * refuses every request).
 */
export function readTelnyxPublicKeys(value: unknown, field: string): KeyObject[] {
  return readSecrets(value, field).map((key, index, keys) => {
    const raw = decodeStrictBase64(key);
    if (raw === undefined || raw.length !== 32) {
      throw new ValidationError({
        field: keys.length === 1 && typeof value === 'string' ? field : `${field}[${index}]`,
        reason: 'INVALID_OPTION',
        problem: raw === undefined ? 'is not strict base64.' : `decodes to ${raw.length} bytes; an Ed25519 public key is 32.`,
        fix: 'copy the account public key from Mission Control (Keys & Credentials → Public Key): 44 base64 characters ending in "=". An API key (KEY…) is not it.',
      });
    }
    return importEd25519PublicKey(raw);
  });
}
