import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { createTwilioProvider } from '../../../src/providers/twilio';
import { parseTwilioSettings } from '../../../src/providers/twilio/parse-twilio-settings';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, MESSAGING_SERVICE_SID } from './support/twilio-fixtures';

function settingsError(settings: unknown): ValidationError {
  try {
    parseTwilioSettings(settings);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('parseTwilioSettings: accepted settings', () => {
  it.each([
    { name: 'E.164 sender', extra: { from: FROM } },
    { name: 'alphanumeric sender', extra: { from: 'Ocelot 24' } },
    { name: 'short code', extra: { from: '89235' } },
    { name: 'Messaging Service only', extra: { messagingServiceSid: MESSAGING_SERVICE_SID } },
    { name: 'http callback', extra: { from: FROM, statusCallbackUrl: 'http://localhost:3000/twilio?x=1' } },
  ])('accepts a $name', ({ extra }) => {
    expect(() => parseTwilioSettings({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ...extra })).not.toThrow();
  });

  it('defaults timeoutMs to 10 000 ms', () => {
    expect(parseTwilioSettings({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }).timeoutMs).toBe(10_000);
  });
});

describe('parseTwilioSettings: refused settings', () => {
  it.each([
    { setting: 'accountSid', value: 'AC123', problem: '"AC" followed by 32 hexadecimal characters' },
    { setting: 'accountSid', value: `SK${'a'.repeat(32)}`, problem: '"AC" followed by 32 hexadecimal characters' },
    { setting: 'authToken', value: '', problem: 'non-empty string without spaces' },
    { setting: 'authToken', value: 'has space', problem: 'non-empty string without spaces' },
    { setting: 'from', value: '4155550199 ', problem: 'E.164 number' },
    { setting: 'from', value: '12', problem: 'E.164 number' },
    { setting: 'from', value: 'TwelveCharsX', problem: 'E.164 number' },
    { setting: 'from', value: '+0123456', problem: 'E.164 number' },
    { setting: 'messagingServiceSid', value: `MG${'z'.repeat(32)}`, problem: '"MG" followed by 32 hexadecimal characters' },
    { setting: 'statusCallbackUrl', value: 'ftp://example.com/status', problem: 'absolute http:// or https:// URL' },
    { setting: 'statusCallbackUrl', value: '/relative/status', problem: 'absolute http:// or https:// URL' },
    { setting: 'statusCallbackUrl', value: 'https://my_host.example.com/status', problem: 'underscore' },
    { setting: 'timeoutMs', value: 0, problem: 'at least 1 ms' },
    { setting: 'timeoutMs', value: 1.5, problem: 'whole number' },
    { setting: 'timeoutMs', value: 3_600_000, problem: 'at most 600000 ms' },
    { setting: 'client', value: { messages: {} }, problem: 'twilio-node client' },
  ])('refuses $setting = $value', ({ setting, value, problem }) => {
    const error = settingsError({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, [setting]: value });
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_PROVIDER_SETTINGS', field: `twilio.${setting}`, fault: 'request' });
    expect(error.message).toContain(`twilio.${setting} `);
    expect(error.message).toContain(problem);
  });

  it('requires a sender: from or messagingServiceSid', () => {
    const error = settingsError({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    expect(error.field).toBe('twilio.from');
    expect(error.message).toContain('twilio.from or messagingServiceSid is required');
  });

  it('lists every problem in one error, in settings order, naming the first as field', () => {
    const error = settingsError({
      accountSid: 'nope',
      authToken: 42,
      from: '!!',
      messagingServiceSid: 'MG1',
      statusCallbackUrl: 'not a url',
      timeoutMs: -1,
      statusCallback: 'https://typo.example.com',
    });
    expect(error.field).toBe('twilio.accountSid');
    const listed = ['twilio.accountSid', 'twilio.authToken', 'twilio.from', 'twilio.messagingServiceSid', 'twilio.statusCallbackUrl', 'twilio.timeoutMs', 'twilio.statusCallback'];
    for (const setting of listed) expect(error.message).toContain(`${setting} `);
    expect(error.message).toContain('7 invalid Twilio settings');
    expect(error.message).toContain('twilio.statusCallback is not a Twilio setting');
  });

  it('refuses a settings value that is not an object', () => {
    expect(settingsError(null)).toMatchObject({ field: 'twilio.settings', reason: 'INVALID_PROVIDER_SETTINGS' });
  });

  it('never echoes the values, so a misplaced secret cannot leak', () => {
    const secretLooking = 'secret-token with spaces 7c2e9f41';
    const error = settingsError({ accountSid: secretLooking, authToken: secretLooking, from: secretLooking });
    const shown = `${error.message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(secretLooking);
    expect(shown).not.toContain('7c2e9f41');
  });

  it('createTwilioProvider validates when created, before any send', () => {
    expect(() => createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: 'not valid!' })).toThrow(ValidationError);
  });
});
