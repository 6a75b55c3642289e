import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { findPlivoSettingsProblems, parsePlivoSettings } from '../../../src/providers/plivo/parse-plivo-settings';
import { AUTH_ID, AUTH_TOKEN, FROM, POWERPACK_UUID } from './support/plivo-fixtures';

function settingsError(settings: unknown): ValidationError {
  try {
    parsePlivoSettings(settings);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parsePlivoSettings', () => {
  it('applies the default deadline and keeps the settings', () => {
    expect(parsePlivoSettings({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM })).toEqual({
      authId: AUTH_ID,
      authToken: AUTH_TOKEN,
      from: FROM,
      powerpackUuid: undefined,
      statusCallbackUrl: undefined,
      timeoutMs: 10_000,
    });
    expect(parsePlivoSettings({ authId: 'SAZJMTA3NDAXNDE2ZJY0', authToken: AUTH_TOKEN, powerpackUuid: POWERPACK_UUID }).powerpackUuid).toBe(POWERPACK_UUID);
  });

  it('lists every problem in one error, naming settings, never values', () => {
    const error = settingsError({ authId: 'AC123', authToken: 'never shown', statusCallbackUrl: 'ftp://x', timeoutMs: 0, region: 'eu' });
    expect(error.field).toBe('plivo.authId');
    expect(error.reason).toBe('INVALID_PROVIDER_SETTINGS');
    expect(error.message).toContain('plivo.authId must be "MA" or "SA" followed by 18 letters or digits');
    expect(error.message).toContain('plivo.authToken must be a non-empty string without spaces');
    expect(error.message).toContain('plivo.statusCallbackUrl must be an absolute http:// or https:// URL');
    expect(error.message).toContain('plivo.timeoutMs must be at least 1 ms');
    expect(error.message).toContain('plivo.region is not a Plivo setting');
    expect(error.message).toContain('plivo.from or powerpackUuid is required: Plivo needs a sender');
    expect(error.message).not.toContain('never shown');
  });

  it('refuses from together with powerpackUuid, and a malformed Powerpack', () => {
    expect(findPlivoSettingsProblems({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM, powerpackUuid: POWERPACK_UUID })).toEqual([
      { setting: 'powerpackUuid', problem: 'must not be set together with from: Plivo sends from one src or one Powerpack' },
    ]);
    expect(findPlivoSettingsProblems({ authId: AUTH_ID, authToken: AUTH_TOKEN, powerpackUuid: 'pp-1' })).toEqual([
      { setting: 'powerpackUuid', problem: 'must be a UUID (8-4-4-4-12 hexadecimal characters)' },
    ]);
  });

  it('refuses a sender that is no sender shape and a non-object', () => {
    expect(findPlivoSettingsProblems({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: '+1 415 555' })[0]?.setting).toBe('from');
    expect(settingsError(null).field).toBe('plivo.settings');
  });
});
