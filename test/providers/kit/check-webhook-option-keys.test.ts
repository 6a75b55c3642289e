import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { checkWebhookOptionKeys } from '../../../src/providers/kit/check-webhook-option-keys';

function refusal(options: unknown): ValidationError {
  try {
    checkWebhookOptionKeys(options, 'options.providers.twilio', ['authToken', 'publicOrigin']);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('checkWebhookOptionKeys', () => {
  it('accepts an object of known keys', () => {
    expect(() => checkWebhookOptionKeys({ authToken: 'x' }, 'f', ['authToken'])).not.toThrow();
    expect(() => checkWebhookOptionKeys({}, 'f', [])).not.toThrow();
  });

  it('refuses a non-object naming the field', () => {
    for (const value of [null, undefined, 'token', 3]) {
      const error = refusal(value);
      expect(error.field).toBe('options.providers.twilio');
      expect(error.reason).toBe('INVALID_OPTION');
      expect(error.message).toBe('options.providers.twilio: is not an object. Fix: pass an object of settings.');
    }
  });

  it('refuses an unknown key naming field.key and listing the known ones', () => {
    const error = refusal({ authToken: 'x', authtoken: 'y' });
    expect(error.field).toBe('options.providers.twilio.authtoken');
    expect(error.message).toBe('options.providers.twilio.authtoken: is not a setting. Fix: use authToken, publicOrigin.');
  });
});
