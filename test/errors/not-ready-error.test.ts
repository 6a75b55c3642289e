import { describe, expect, it } from 'vitest';
import { NotReadyError } from '../../src/errors/not-ready-error';
import { SmsError } from '../../src/errors/sms-error';

const missing = new SmsError({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', message: 'Fix: run `npm install telnyx`.' });
const broken = new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_NOT_READY', message: 'bad settings.' });

describe('NotReadyError', () => {
  it('lists each provider with its role and message, and takes the first as provider and cause', () => {
    const error = new NotReadyError({
      providers: [
        { provider: 'telnyx', role: 'primary', error: missing },
        { provider: 'twilio', role: 'fallback', error: broken },
      ],
    });
    expect(error.name).toBe('NotReadyError');
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.reason).toBe('NOT_READY');
    expect(error.message).toBe('The SMS service is not ready: telnyx (primary): Fix: run `npm install telnyx`. twilio (fallback): bad settings.');
    expect(error.retryable).toBe(false);
    expect(error.fault).toBe('provider');
    expect(error.provider).toBe('telnyx');
    expect(error.cause).toBe(missing);
    expect(error.providers.map((entry) => entry.provider)).toEqual(['telnyx', 'twilio']);
  });

  it('is recognised by isInstance and SmsError.isInstance only', () => {
    const error = new NotReadyError({ providers: [{ provider: 'vonage', role: 'primary', error: broken }] });
    expect(NotReadyError.isInstance(error)).toBe(true);
    expect(SmsError.isInstance(error)).toBe(true);
    expect(NotReadyError.isInstance(broken)).toBe(false);
    expect(NotReadyError.isInstance(undefined)).toBe(false);
    expect(NotReadyError.isInstance('NotReadyError')).toBe(false);
  });

  it('serialises each provider with its error JSON', () => {
    const json = new NotReadyError({ providers: [{ provider: 'vonage', role: 'fallback', error: broken }] }).toJSON();
    expect(json).toMatchObject({ name: 'NotReadyError', reason: 'NOT_READY', provider: 'vonage' });
    expect(json.providers).toEqual([{ provider: 'vonage', role: 'fallback', error: broken.toJSON() }]);
  });
});
