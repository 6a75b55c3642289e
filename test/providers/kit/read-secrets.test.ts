import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { readSecrets } from '../../../src/providers/kit/read-secrets';

function refusal(value: unknown): ValidationError {
  try {
    readSecrets(value, 'authToken');
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('readSecrets', () => {
  it('treats undefined, null and empty as none configured', () => {
    expect(readSecrets(undefined, 'f')).toEqual([]);
    expect(readSecrets(null, 'f')).toEqual([]);
    expect(readSecrets('', 'f')).toEqual([]);
  });

  it('turns one secret into a list and keeps a rotation list in order', () => {
    expect(readSecrets('new', 'f')).toEqual(['new']);
    expect(readSecrets(['new', 'old'], 'f')).toEqual(['new', 'old']);
    expect(readSecrets([], 'f')).toEqual([]);
  });

  it('refuses a value of the wrong type', () => {
    const error = refusal(42);
    expect(error.field).toBe('authToken');
    expect(error.reason).toBe('INVALID_OPTION');
    expect(error.message).toBe('authToken: is neither a string nor a list of strings. Fix: pass the secret, or a list of them during a rotation.');
  });

  it('refuses an empty or non-string entry, naming its index', () => {
    expect(refusal(['ok', '']).field).toBe('authToken[1]');
    expect(refusal([7]).message).toBe('authToken[0]: is empty or not a string. Fix: remove it from the list, or set it.');
  });

  it('refuses surrounding whitespace, naming the field or the entry', () => {
    expect(refusal('secret\n').field).toBe('authToken');
    expect(refusal('secret\n').message).toContain('has whitespace around it.');
    expect(refusal(['ok', ' old']).field).toBe('authToken[1]');
  });
});
