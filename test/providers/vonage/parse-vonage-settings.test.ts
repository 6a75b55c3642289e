import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { findVonageSettingsProblems, parseVonageSettings } from '../../../src/providers/vonage/parse-vonage-settings';
import { API_KEY, API_SECRET, APPLICATION_ID, FROM, PRIVATE_KEY, SIGNATURE_SECRET, basicSettings, jwtSettings } from './support/vonage-fixtures';

function settingsError(settings: unknown): ValidationError {
  try {
    parseVonageSettings(settings);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
}

describe('parseVonageSettings: accepted settings', () => {
  it('JWT credentials, with the defaults', () => {
    expect(parseVonageSettings(jwtSettings())).toEqual({
      credentials: { kind: 'jwt', applicationId: APPLICATION_ID, privateKey: PRIVATE_KEY },
      signatureSecret: undefined,
      from: FROM,
      baseUrl: 'https://api.nexmo.com',
      timeoutMs: 10_000,
    });
  });

  it('Basic credentials, a signature secret, a regional origin and a short code', () => {
    expect(parseVonageSettings(basicSettings({ signatureSecret: SIGNATURE_SECRET, baseUrl: 'https://api-us.vonage.com', from: '45678', timeoutMs: 5_000 }))).toEqual({
      credentials: { kind: 'basic', apiKey: API_KEY, apiSecret: API_SECRET },
      signatureSecret: SIGNATURE_SECRET,
      from: '45678',
      baseUrl: 'https://api-us.vonage.com',
      timeoutMs: 5_000,
    });
  });

  it('both pairs: JWT is used', () => {
    expect(parseVonageSettings({ ...basicSettings(), applicationId: APPLICATION_ID, privateKey: PRIVATE_KEY }).credentials.kind).toBe('jwt');
  });
});

describe('parseVonageSettings: refused settings', () => {
  it.each([
    { settings: jwtSettings({ applicationId: 'app-1' }), field: 'vonage.applicationId', problem: 'application id (a UUID)' },
    { settings: jwtSettings({ privateKey: './private.key' }), field: 'vonage.privateKey', problem: 'not a file path' },
    { settings: jwtSettings({ privateKey: '-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----' }), field: 'vonage.privateKey', problem: 'PEM' },
    { settings: basicSettings({ apiKey: 'key with spaces' }), field: 'vonage.apiKey', problem: 'API key' },
    { settings: basicSettings({ apiSecret: '' }), field: 'vonage.apiSecret', problem: 'without spaces' },
    { settings: jwtSettings({ from: '+1 415 555 0199' }), field: 'vonage.from', problem: 'E.164 number' },
    { settings: jwtSettings({ baseUrl: 'http://api.nexmo.com' }), field: 'vonage.baseUrl', problem: 'https:// origin' },
    { settings: jwtSettings({ baseUrl: 'https://api.nexmo.com/v1' }), field: 'vonage.baseUrl', problem: 'without a path' },
    { settings: jwtSettings({ timeoutMs: 0 }), field: 'vonage.timeoutMs', problem: 'at least 1 ms' },
    { settings: { ...jwtSettings(), accountSid: 'AC1' }, field: 'vonage.accountSid', problem: 'is not a Vonage setting' },
  ])('$field: $problem', ({ settings, field, problem }) => {
    const error = settingsError(settings);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'INVALID_PROVIDER_SETTINGS', field });
    expect(error.message).toContain(problem);
    expect(error.message).toContain('docs/vonage.md#credentials-and-settings');
  });

  it('names the missing half of a credential pair, and a missing sender', () => {
    expect(findVonageSettingsProblems({ applicationId: APPLICATION_ID, apiSecret: API_SECRET })).toEqual([
      { setting: 'from', problem: 'is required: Vonage needs a sender (a Vonage number, or an alphanumeric sender id where the country allows it)' },
      { setting: 'privateKey', problem: 'is required with applicationId (JWT auth needs both)' },
      { setting: 'apiKey', problem: 'is required with apiSecret (Basic auth needs both)' },
    ]);
  });

  it('asks for credentials when none are given', () => {
    expect(findVonageSettingsProblems({ from: FROM })).toEqual([
      { setting: 'applicationId', problem: 'and privateKey (JWT), or apiKey and apiSecret (Basic), are required: Vonage needs credentials' },
    ]);
  });

  it('never echoes a secret value in the error', () => {
    const error = settingsError({ apiKey: API_KEY, apiSecret: 'has a space secret', privateKey: 'garbage-key-material', from: FROM });
    expect(error.message).not.toContain('has a space secret');
    expect(error.message).not.toContain('garbage-key-material');
  });

  it('refuses a non-object', () => {
    expect(settingsError('vonage').field).toBe('vonage.settings');
  });
});
