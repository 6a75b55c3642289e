import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { readTelnyxPublicKeys } from '../../../src/providers/telnyx/read-telnyx-public-keys';

const keyA = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64');
const keyB = Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex').toString('base64');

function refusal(value: unknown): ValidationError {
  try {
    readTelnyxPublicKeys(value, 'publicKey');
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('readTelnyxPublicKeys', () => {
  it('imports each 32-byte key as an Ed25519 public key, in order', () => {
    const keys = readTelnyxPublicKeys([keyA, keyB], 'publicKey');
    expect(keys.map((key) => key.asymmetricKeyType)).toEqual(['ed25519', 'ed25519']);
    expect(keys.map((key) => key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64'))).toEqual([keyA, keyB]);
    expect(readTelnyxPublicKeys(keyA, 'publicKey')).toHaveLength(1);
  });

  it('gives an empty list when none is configured', () => {
    expect(readTelnyxPublicKeys(undefined, 'publicKey')).toEqual([]);
    expect(readTelnyxPublicKeys('', 'publicKey')).toEqual([]);
  });

  it('refuses a key that is not strict base64, naming the field', () => {
    const error = refusal(keyA.replace('=', ''));
    expect(error.field).toBe('publicKey');
    expect(error.reason).toBe('INVALID_OPTION');
    expect(error.message).toContain('publicKey: is not strict base64.');
  });

  it('refuses a key of the wrong length, naming its index in a list', () => {
    const error = refusal([keyA, Buffer.alloc(16).toString('base64')]);
    expect(error.field).toBe('publicKey[1]');
    expect(error.message).toContain('decodes to 16 bytes; an Ed25519 public key is 32.');
    expect(refusal([Buffer.alloc(33).toString('base64')]).field).toBe('publicKey[0]');
  });

  it('passes on the refusals of readSecrets', () => {
    expect(refusal(` ${keyA}`).message).toContain('has whitespace around it.');
  });
});
