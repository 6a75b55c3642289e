import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { createTelnyxProvider } from '../../../src/providers/telnyx';
import { parseTelnyxSettings } from '../../../src/providers/telnyx/parse-telnyx-settings';
import { API_KEY, FROM, MESSAGING_PROFILE_ID } from './support/telnyx-fixtures';

function settingsError(settings: unknown): ValidationError {
  try {
    parseTelnyxSettings(settings);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('parseTelnyxSettings: accepted settings', () => {
  it.each([
    { name: 'E.164 sender', extra: { from: FROM } },
    { name: 'alphanumeric sender with a profile', extra: { from: 'Ocelot', messagingProfileId: MESSAGING_PROFILE_ID } },
    { name: 'short code', extra: { from: '123456' } },
    { name: 'number pool (profile only)', extra: { messagingProfileId: MESSAGING_PROFILE_ID } },
    { name: 'webhook URL', extra: { from: FROM, webhookUrl: 'https://hooks.example.com/telnyx?env=prod' } },
  ])('accepts a $name', ({ extra }) => {
    expect(() => parseTelnyxSettings({ apiKey: API_KEY, ...extra })).not.toThrow();
  });

  it('defaults timeoutMs to 10 000 ms', () => {
    expect(parseTelnyxSettings({ apiKey: API_KEY, from: FROM }).timeoutMs).toBe(10_000);
  });
});

describe('parseTelnyxSettings: refused settings', () => {
  it.each([
    { setting: 'apiKey', value: '', problem: 'non-empty string without spaces' },
    { setting: 'apiKey', value: 'KEY with space', problem: 'non-empty string without spaces' },
    { setting: 'from', value: '+1 415 555 0199', problem: 'E.164 number' },
    { setting: 'from', value: '_sender', problem: 'E.164 number' },
    { setting: 'messagingProfileId', value: 'profile-1', problem: 'messaging profile id (a UUID)' },
    { setting: 'webhookUrl', value: 'mailto:ops@example.com', problem: 'absolute http:// or https:// URL' },
    { setting: 'webhookUrl', value: 'example.com/hook', problem: 'absolute http:// or https:// URL' },
    { setting: 'timeoutMs', value: 0, problem: 'at least 1 ms' },
    { setting: 'timeoutMs', value: 99.9, problem: 'whole number' },
    { setting: 'client', value: { messages: { create() {} } }, problem: 'telnyx-node client' },
  ])('refuses $setting = $value', ({ setting, value, problem }) => {
    const error = settingsError({ apiKey: API_KEY, from: FROM, [setting]: value });
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_PROVIDER_SETTINGS', field: `telnyx.${setting}`, fault: 'request' });
    expect(error.message).toContain(`telnyx.${setting} `);
    expect(error.message).toContain(problem);
  });

  it('requires a sender: from or messagingProfileId', () => {
    const error = settingsError({ apiKey: API_KEY });
    expect(error.field).toBe('telnyx.from');
    expect(error.message).toContain('telnyx.from or messagingProfileId is required');
  });

  it('lists every problem in one error, naming the first as field', () => {
    const error = settingsError({ apiKey: 7, from: '??', messagingProfileId: 'x', webhookUrl: 'nope', timeoutMs: '5', webhook_url: 'https://typo.example.com' });
    expect(error.field).toBe('telnyx.apiKey');
    for (const setting of ['telnyx.apiKey', 'telnyx.from', 'telnyx.messagingProfileId', 'telnyx.webhookUrl', 'telnyx.timeoutMs', 'telnyx.webhook_url']) {
      expect(error.message).toContain(`${setting} `);
    }
    expect(error.message).toContain('6 invalid Telnyx settings');
  });

  it('never echoes the values, so the API key cannot leak', () => {
    const error = settingsError({ apiKey: `${API_KEY} `, from: API_KEY });
    const shown = `${error.message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(API_KEY);
  });

  it('createTelnyxProvider validates when created, before any send', () => {
    expect(() => createTelnyxProvider({ apiKey: API_KEY })).toThrow(ValidationError);
  });
});
