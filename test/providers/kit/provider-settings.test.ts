import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  findSettingsProblems,
  isHttpUrl,
  secretSettingSchema,
  senderSettingSchema,
  settingsError,
  timeoutSettingSchema,
  type ProviderSettingsRules,
} from '../../../src/providers/kit/provider-settings';

const rules: ProviderSettingsRules = {
  provider: 'acme',
  displayName: 'Acme',
  alternativeSender: 'profileId',
  fix: 'createAcmeProvider()',
};

const schema = z.strictObject({
  apiKey: secretSettingSchema,
  from: senderSettingSchema.optional(),
  profileId: z.string().optional(),
  timeoutMs: timeoutSettingSchema.optional(),
});

describe('findSettingsProblems', () => {
  it('finds nothing in valid settings with a sender or its alternative', () => {
    expect(findSettingsProblems(schema, { apiKey: 'k', from: '+14155550100' }, rules)).toEqual([]);
    expect(findSettingsProblems(schema, { apiKey: 'k', profileId: 'p' }, rules)).toEqual([]);
  });

  it('names each wrong setting without its value, unknown keys included, and requires a sender', () => {
    const problems = findSettingsProblems(schema, { apiKey: 'has space', timeoutMs: 0, fromm: '+1' }, rules);
    expect(problems).toEqual(
      expect.arrayContaining([
        { setting: 'fromm', problem: 'is not a Acme setting' },
        { setting: 'apiKey', problem: 'must be a non-empty string without spaces' },
        { setting: 'timeoutMs', problem: 'must be at least 1 ms' },
        { setting: 'from', problem: 'or profileId is required: Acme needs a sender' },
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(JSON.stringify(problems)).not.toContain('has space');
  });

  it('reports a non-object as settings that must be an object', () => {
    expect(findSettingsProblems(schema, 'key', rules)).toEqual([{ setting: 'settings', problem: 'must be an object' }]);
  });
});

describe('settingsError', () => {
  it('lists every problem in one ValidationError named after the first', () => {
    const error = settingsError(
      [
        { setting: 'apiKey', problem: 'is required and must be a string' },
        { setting: 'timeoutMs', problem: 'must be a number' },
      ],
      rules,
    );
    expect(error.field).toBe('acme.apiKey');
    expect(error.reason).toBe('INVALID_PROVIDER_SETTINGS');
    expect(error.message).toBe(
      'acme.apiKey: 2 invalid Acme settings: acme.apiKey is required and must be a string; acme.timeoutMs must be a number. Fix: correct the settings passed to createAcmeProvider().',
    );
  });

  it('uses the singular for one problem and a stand-in for none', () => {
    expect(settingsError([{ setting: 'from', problem: 'x' }], rules).message).toContain('acme.from: 1 invalid Acme setting: acme.from x.');
    expect(settingsError([], rules).field).toBe('acme.settings');
  });
});

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs only', () => {
    expect(isHttpUrl('https://example.com/callback')).toBe(true);
    expect(isHttpUrl('http://localhost:3000')).toBe(true);
    expect(isHttpUrl('ftp://example.com')).toBe(false);
    expect(isHttpUrl('/relative')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('setting schemas', () => {
  it('checks senders by shape', () => {
    expect(senderSettingSchema.safeParse('Ocelot').success).toBe(true);
    expect(senderSettingSchema.safeParse('12345').success).toBe(true);
    const wrong = senderSettingSchema.safeParse('not a sender!');
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toMatch(/^must be an E\.164 number \(\+14155550100\)/);
    expect(senderSettingSchema.safeParse(5).error?.issues[0]?.message).toBe('must be a string');
  });

  it('requires secrets to be non-empty strings without spaces', () => {
    expect(secretSettingSchema.safeParse('abc123').success).toBe(true);
    expect(secretSettingSchema.safeParse('').error?.issues[0]?.message).toBe('must be a non-empty string without spaces');
    expect(secretSettingSchema.safeParse('a b').success).toBe(false);
    expect(secretSettingSchema.safeParse(undefined).error?.issues[0]?.message).toBe('is required and must be a string');
  });

  it('bounds timeouts to whole milliseconds from 1 to 600000', () => {
    expect(timeoutSettingSchema.safeParse(1).success).toBe(true);
    expect(timeoutSettingSchema.safeParse(600_000).success).toBe(true);
    expect(timeoutSettingSchema.safeParse(600_001).error?.issues[0]?.message).toBe('must be at most 600000 ms');
    expect(timeoutSettingSchema.safeParse(1.5).error?.issues[0]?.message).toBe('must be a whole number of milliseconds');
    expect(timeoutSettingSchema.safeParse('10').error?.issues[0]?.message).toBe('must be a number');
  });
});
