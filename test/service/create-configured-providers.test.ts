import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { configurationError, createConfiguredProviders, findConfigurationProblems } from '../../src/service/create-configured-providers';
import type { SMSServiceConfig } from '../../src/service/sms-service-config';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

const twilioCredentials = { accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM };
const telnyxCredentials = { apiKey: telnyx.API_KEY, from: telnyx.FROM };
const byPath = (_provider: string, setting: string, role: string) => `${role}.${setting}`;

describe('findConfigurationProblems', () => {
  it('finds none in a valid configuration with a fallback', () => {
    expect(findConfigurationProblems({ provider: 'twilio', credentials: twilioCredentials, fallbackProvider: 'telnyx', fallbackCredentials: telnyxCredentials }, byPath)).toEqual([]);
  });

  it('names an unknown provider, a fallback equal to the provider, and fallback credentials without a fallback', () => {
    expect(findConfigurationProblems({ provider: 'sinch', credentials: {} } as unknown as SMSServiceConfig, byPath)).toEqual([
      { source: 'provider', problem: expect.stringMatching(/^must be /) as unknown, fix: 'name a built-in provider, or pass your own with new SMSService({ providers })' },
    ]);
    expect(findConfigurationProblems({ provider: 'twilio', credentials: twilioCredentials, fallbackProvider: 'twilio' }, byPath)).toEqual([
      { source: 'fallbackProvider', problem: 'must differ from provider', fix: 'name the other built-in provider, or remove fallbackProvider' },
    ]);
    expect(findConfigurationProblems({ provider: 'twilio', credentials: twilioCredentials, fallbackCredentials: telnyxCredentials }, byPath)).toEqual([
      { source: 'fallbackCredentials', problem: 'is given without fallbackProvider', fix: 'add fallbackProvider, or remove fallbackCredentials' },
    ]);
  });

  it('names each bad setting by the source function, with the vendor docs page in the fix', () => {
    const problems = findConfigurationProblems({ provider: 'twilio', credentials: { accountSid: twilio.ACCOUNT_SID, from: twilio.FROM } as never }, (provider, setting) => `${provider}:${setting}`);
    expect(problems).toEqual([{ source: 'twilio:authToken', problem: 'is required and must be a string', fix: 'set twilio:authToken as docs/twilio.md#credentials-and-settings describes' }]);
  });
});

describe('configurationError', () => {
  it('names the one source as the field', () => {
    const error = configurationError([{ source: 'SMS_RATE_LIMIT', problem: 'is "x"', fix: 'set it' }], 'env');
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'SMS_RATE_LIMIT', reason: 'INVALID_CONFIGURATION', message: 'SMS_RATE_LIMIT: is "x". Fix: set it.' });
  });

  it('lists several problems, numbered, under the whole', () => {
    const error = configurationError([{ source: 'a', problem: 'is bad', fix: 'fix a' }, { source: 'b', problem: 'is worse', fix: 'fix b' }], 'config');
    expect(error.field).toBe('config');
    expect(error.message).toBe('config: 2 problems: (1) a is bad: fix a; (2) b is worse: fix b. Fix: correct each one as listed.');
  });
});

describe('createConfiguredProviders', () => {
  it('creates the primary then the fallback', () => {
    const providers = createConfiguredProviders({ provider: 'twilio', credentials: twilioCredentials, fallbackProvider: 'telnyx', fallbackCredentials: telnyxCredentials });
    expect(providers.map((provider) => provider.id)).toEqual(['twilio', 'telnyx']);
    expect(createConfiguredProviders({ provider: 'telnyx', credentials: telnyxCredentials }).map((provider) => provider.id)).toEqual(['telnyx']);
  });

  it('throws one error naming the config paths, never the secrets', () => {
    const error = (() => {
      try {
        createConfiguredProviders({ provider: 'twilio', credentials: { accountSid: 'nope', authToken: twilio.AUTH_TOKEN, from: twilio.FROM }, fallbackProvider: 'telnyx', fallbackCredentials: {} as never });
      } catch (caught) {
        return caught as ValidationError;
      }
      throw new Error('expected an error');
    })();
    expect(error.field).toBe('config');
    expect(error.message).toContain('credentials.accountSid');
    expect(error.message).toContain('fallbackCredentials.apiKey');
    expect(error.message).not.toContain(twilio.AUTH_TOKEN);
  });
});
