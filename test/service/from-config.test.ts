import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { BUILT_IN_PROVIDERS, listBuiltInProviders } from '../../src/providers/built-in-providers';
import { SMSService } from '../../src/service/sms-service';
import { readSmsEnvironment } from '../../src/service/read-sms-environment';
import { nock } from '../support/intercept-http';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

const fullEnvironment = {
  TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN,
  TWILIO_PHONE_NUMBER: twilio.FROM,
  TELNYX_API_KEY: telnyx.API_KEY,
  TELNYX_PHONE_NUMBER: telnyx.FROM,
  SMS_RATE_LIMIT: '100',
  SMS_DAILY_LIMIT: '500',
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function thrown(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('SMSService.fromEnv', () => {
  it('builds Twilio first and Telnyx as its fallback, on the real adapters', async () => {
    // Twilio refuses the credentials (a provider fault, not sent): the message goes out through Telnyx.
    const twilioScope = nock(twilio.TWILIO_ORIGIN)
      .post(twilio.MESSAGES_PATH)
      .reply(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const sms = SMSService.fromEnv(fullEnvironment);
    const result = await sms.send({ to: '+14155552671', body: 'Hello' });
    expect(result.provider).toBe('telnyx');
    expect(result.attempts.map((attempt) => `${attempt.provider}:${attempt.outcome}:${attempt.errorCode}`)).toEqual([
      'twilio:not_sent:AUTH_ERROR',
      'telnyx:sent:null',
    ]);
    expect(twilioScope.isDone() && telnyxScope.isDone()).toBe(true);
  });

  it('uses Telnyx alone when only TELNYX_* is set, and treats empty values as unset', async () => {
    nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const sms = SMSService.fromEnv({ TELNYX_API_KEY: telnyx.API_KEY, TELNYX_PHONE_NUMBER: telnyx.FROM, TWILIO_ACCOUNT_SID: '' });
    expect(sms.provider.id).toBe('telnyx');
    await expect(sms.send({ to: '+14155552671', body: 'Hello' })).resolves.toMatchObject({ provider: 'telnyx' });
  });

  it('reads SMS_RATE_LIMIT and SMS_DAILY_LIMIT as whole numbers', () => {
    expect(readSmsEnvironment(fullEnvironment).limits).toEqual({ hourly: 100, daily: 500 });
    expect(readSmsEnvironment({ TELNYX_API_KEY: telnyx.API_KEY, TELNYX_PHONE_NUMBER: telnyx.FROM }).limits).toEqual({ hourly: undefined, daily: undefined });
  });

  it('lists every missing or malformed variable in one error, by name and never by value', () => {
    const error = thrown(() =>
      SMSService.fromEnv({
        TWILIO_ACCOUNT_SID: 'AC-not-a-sid',
        TWILIO_PHONE_NUMBER: 'not a number!',
        TELNYX_API_KEY: 'secret-key-value',
        SMS_RATE_LIMIT: 'lots',
        SMS_DAILY_LIMIT: '0',
      }),
    );
    expect(error).toMatchObject({ field: 'env', reason: 'INVALID_CONFIGURATION' });
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_PHONE_NUMBER', 'TELNYX_PHONE_NUMBER or TELNYX_MESSAGING_PROFILE_ID', 'SMS_RATE_LIMIT', 'SMS_DAILY_LIMIT']) {
      expect(error.message).toContain(name);
    }
    expect(error.message).toMatch(/^env: 6 problems: \(1\) /);
    // Each problem carries its own fix, naming its own variable.
    expect(error.message).toContain('(2) TWILIO_AUTH_TOKEN is required and must be a string: set TWILIO_AUTH_TOKEN as docs/twilio.md#credentials-and-settings describes');
    expect(error.message).toContain('SMS_DAILY_LIMIT is "0", not a whole number from 1 to 999999999: set SMS_DAILY_LIMIT to the messages each organisation may send per day');
    expect(error.message).not.toContain('secret-key-value');
    expect(error.message).not.toContain('AC-not-a-sid');
  });

  it('names the one wrong variable, its value’s problem and its own fix (not the provider variables)', () => {
    const error = thrown(() => SMSService.fromEnv({ ...fullEnvironment, SMS_RATE_LIMIT: 'lots' }));
    expect(error).toMatchObject({ field: 'SMS_RATE_LIMIT', reason: 'INVALID_CONFIGURATION' });
    expect(error.message).toBe(
      'SMS_RATE_LIMIT: is "lots", not a whole number from 1 to 999999999. Fix: set SMS_RATE_LIMIT to the messages each organisation may send per hour, e.g. SMS_RATE_LIMIT=1000, or unset it for no limit (docs/quotas.md#tenant-quotas).',
    );
    expect(error.message).not.toContain('TWILIO');
  });

  it('refuses a providers option: the environment names the providers', () => {
    const error = thrown(() => SMSService.fromEnv(fullEnvironment, { providers: [] } as never));
    expect(error).toMatchObject({ field: 'options.providers', reason: 'INVALID_OPTION' });
    expect(error.message).toContain('new SMSService({ providers })');
    expect(() => SMSService.fromConfig({ provider: 'telnyx', credentials: { apiKey: telnyx.API_KEY, from: telnyx.FROM }, providers: [] } as never)).toThrow(/options\.providers: .*fromConfig/);
  });

  it('says that no provider is configured when nothing is set', () => {
    const message = thrown(() => SMSService.fromEnv({})).message;
    expect(message).toMatch(
      /^TWILIO_ACCOUNT_SID \/ TELNYX_API_KEY( \/ [A-Z_]+)*: are (both|all) unset: no provider is configured\. Fix: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER \(or TWILIO_MESSAGING_SERVICE_SID\), and\/or TELNYX_API_KEY and TELNYX_PHONE_NUMBER \(or TELNYX_MESSAGING_PROFILE_ID\)/,
    );
    // Every built-in vendor is named with its docs page, whatever their number.
    for (const definition of BUILT_IN_PROVIDERS) expect(message).toContain(definition.docsPage);
  });

  it('passes other service options through', () => {
    const sms = SMSService.fromEnv(fullEnvironment, { maxSegments: 3 });
    expect(sms.provider.id).toBe('failover');
    expect(() => SMSService.fromEnv(fullEnvironment, { retries: 2 } as never)).toThrow(/options\.retries/);
  });
});

describe('SMSService.fromConfig', () => {
  const credentials = { accountSid: twilio.ACCOUNT_SID, authToken: twilio.AUTH_TOKEN, from: twilio.FROM };

  it('builds the named provider and its fallback', () => {
    const sms = SMSService.fromConfig({
      provider: 'twilio',
      credentials,
      fallbackProvider: 'telnyx',
      fallbackCredentials: { apiKey: telnyx.API_KEY, from: telnyx.FROM },
      maxSegments: 5,
    });
    expect(sms.provider.id).toBe('failover');
    expect(SMSService.fromConfig({ provider: 'twilio', credentials }).provider.id).toBe('twilio');
  });

  it('lists every problem with the config path of each setting', () => {
    const error = thrown(() =>
      SMSService.fromConfig({
        provider: 'twilio',
        credentials: { accountSid: 'nope', authToken: twilio.AUTH_TOKEN, from: twilio.FROM },
        fallbackProvider: 'telnyx',
        fallbackCredentials: { apiKey: '' } as never,
      }),
    );
    expect(error.field).toBe('config');
    expect(error.message).toContain('credentials.accountSid');
    expect(error.message).toContain('fallbackCredentials.apiKey');
    expect(error.message).toContain('fallbackCredentials.from');
  });

  it.each([
    [{ provider: 'nexmo', credentials: {} }, new RegExp(`^provider: must be ${listBuiltInProviders()}\\. Fix: name a built-in provider`)],
    [{ provider: 'twilio', credentials, fallbackProvider: 'twilio' }, /^fallbackProvider: must differ from provider\. Fix: /],
    [{ provider: 'twilio', credentials, fallbackCredentials: { apiKey: 'x' } }, /^fallbackCredentials: is given without fallbackProvider\. Fix: add fallbackProvider/],
  ])('refuses %j', (config, message) => {
    expect(() => SMSService.fromConfig(config as never)).toThrow(message);
  });
});
