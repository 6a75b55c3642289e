import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { readWebhookProviderId } from '../../../src/providers/kit/read-webhook-provider-id';

describe('readWebhookProviderId', () => {
  it('defaults to the vendor id and keeps a valid custom id', () => {
    expect(readWebhookProviderId(undefined, 'twilio')).toBe('twilio');
    expect(readWebhookProviderId('twilio-eu_2.b', 'twilio')).toBe('twilio-eu_2.b');
    expect(readWebhookProviderId('x'.repeat(64), 'twilio')).toBe('x'.repeat(64));
  });

  it('refuses anything that is not a short id, suggesting the fallback', () => {
    for (const value of ['', 'has space', 'a/b', 'x'.repeat(65), 3, null]) {
      let caught: unknown;
      try {
        readWebhookProviderId(value, 'telnyx');
      } catch (error) {
        caught = error;
      }
      expect(ValidationError.isInstance(caught), String(value)).toBe(true);
      const error = caught as ValidationError;
      expect(error.field).toBe('providerId');
      expect(error.message).toBe("providerId: is not a provider id. Fix: pass the id your provider was created with, e.g. 'telnyx'.");
    }
  });
});
