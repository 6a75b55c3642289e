import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { PROVIDER_ENVIRONMENT_VARIABLES, readSmsEnvironment } from '../../src/service/read-sms-environment';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

const twilioEnv = { TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID, TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN, TWILIO_PHONE_NUMBER: twilio.FROM };
const telnyxEnv = { TELNYX_API_KEY: telnyx.API_KEY, TELNYX_PHONE_NUMBER: telnyx.FROM };

function refusal(env: Record<string, string | undefined>): ValidationError {
  try {
    readSmsEnvironment(env);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('PROVIDER_ENVIRONMENT_VARIABLES', () => {
  it('maps each vendor setting to its variable', () => {
    expect(PROVIDER_ENVIRONMENT_VARIABLES.twilio).toMatchObject({ accountSid: 'TWILIO_ACCOUNT_SID', authToken: 'TWILIO_AUTH_TOKEN', from: 'TWILIO_PHONE_NUMBER' });
    expect(PROVIDER_ENVIRONMENT_VARIABLES.telnyx).toMatchObject({ apiKey: 'TELNYX_API_KEY' });
  });
});

describe('readSmsEnvironment', () => {
  it('takes the first configured vendor as primary, the next as fallback, and the limits', () => {
    expect(readSmsEnvironment({ ...telnyxEnv, ...twilioEnv, SMS_RATE_LIMIT: ' 100 ', SMS_DAILY_LIMIT: '500' })).toEqual({
      config: {
        provider: 'twilio',
        credentials: { accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM },
        fallbackProvider: 'telnyx',
        fallbackCredentials: { apiKey: telnyx.API_KEY, from: telnyx.FROM },
      },
      limits: { hourly: 100, daily: 500 },
    });
  });

  it('treats empty values as unset', () => {
    expect(readSmsEnvironment({ ...telnyxEnv, TWILIO_ACCOUNT_SID: '', SMS_RATE_LIMIT: '' })).toEqual({ config: { provider: 'telnyx', credentials: { apiKey: telnyx.API_KEY, from: telnyx.FROM } }, limits: { hourly: undefined, daily: undefined } });
  });

  it('names a bad limit with its value, shortened past 20 characters', () => {
    expect(refusal({ ...twilioEnv, SMS_DAILY_LIMIT: '1000000000' }).message).toMatch(/^SMS_DAILY_LIMIT: is "1000000000", not a whole number from 1 to 999999999\./);
    expect(refusal({ ...twilioEnv, SMS_RATE_LIMIT: 'x'.repeat(30) }).message).toContain(`is "${'x'.repeat(20)}…"`);
  });

  it('names a missing variable by name, the alternative sender by its variable', () => {
    const error = refusal({ TELNYX_API_KEY: telnyx.API_KEY });
    expect(error.field).toBe('TELNYX_PHONE_NUMBER');
    expect(error.message).toContain('TELNYX_MESSAGING_PROFILE_ID');
    expect(error.message).not.toContain(telnyx.API_KEY);
  });

  it('refuses three configured vendors', () => {
    const error = refusal({ ...twilioEnv, ...telnyxEnv, VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's', VONAGE_PHONE_NUMBER: '+14155550123' });
    expect(error.message).toContain('TWILIO_* / TELNYX_* / VONAGE_*: configure 3 providers, but a service from the environment takes a primary and one fallback');
  });

  it('says no provider is configured, listing every problem under env', () => {
    const error = refusal({ SMS_RATE_LIMIT: '0' });
    expect(error.field).toBe('env');
    expect(error.message).toMatch(/^env: 2 problems: \(1\) TWILIO_ACCOUNT_SID \/ TELNYX_API_KEY.*no provider is configured.*\(2\) SMS_RATE_LIMIT is "0"/);
  });
});
