import { z } from 'zod';
import {
  findSettingsProblems,
  isHttpUrl,
  secretSettingSchema,
  senderSettingSchema,
  settingsError,
  timeoutSettingSchema,
  type ProviderSettingsRules,
  type SettingsProblem,
} from '../kit/provider-settings';

/** Settings of {@link createPlivoProvider}. */
export interface PlivoProviderSettings {
  /** Auth ID: `MA` (account) or `SA` (subaccount) and 18 letters or digits (Plivo console → Overview). */
  authId: string;
  /** Auth Token of that account. Kept private: never in errors, logs, `toJSON` or `String(provider)`. */
  authToken: string;
  /** Default sender (`src`): E.164 number, alphanumeric sender id or short code. Required without `powerpackUuid`. */
  from?: string;
  /** A Powerpack (number pool) UUID as the sender (`powerpack_uuid`). Required without `from`; not with it. */
  powerpackUuid?: string;
  /** Status callback base URL; each message gets it with `?message_id=<the library's message id>` added. */
  statusCallbackUrl?: string;
  /** Deadline of one send attempt in milliseconds, connect to last byte. Default 10 000. */
  timeoutMs?: number;
}

/** Settings after validation, with defaults applied. */
export interface ResolvedPlivoSettings {
  readonly authId: string;
  readonly authToken: string;
  readonly from: string | undefined;
  readonly powerpackUuid: string | undefined;
  readonly statusCallbackUrl: string | undefined;
  readonly timeoutMs: number;
}

/** Default per-attempt deadline: long enough for a slow create, short enough to fail over in time. */
export const DEFAULT_PLIVO_TIMEOUT_MS = 10_000;

const settingsSchema = z
  .strictObject({
    authId: z
      .string({ error: 'is required and must be a string' })
      .regex(/^(MA|SA)[A-Za-z0-9]{18}$/, { error: 'must be "MA" or "SA" followed by 18 letters or digits' }),
    authToken: secretSettingSchema,
    from: senderSettingSchema.optional(),
    powerpackUuid: z
      .string({ error: 'must be a string' })
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'must be a UUID (8-4-4-4-12 hexadecimal characters)' })
      .optional(),
    statusCallbackUrl: z
      .string({ error: 'must be a string' })
      .refine((value) => isHttpUrl(value), { error: 'must be an absolute http:// or https:// URL' })
      .optional(),
    timeoutMs: timeoutSettingSchema.optional(),
  })
  .refine((settings) => settings.from === undefined || settings.powerpackUuid === undefined, {
    // plivo-node refuses both ("Either of src or powerpack uuid, both of them are present", dist/resources/messages.js).
    error: 'must not be set together with from: Plivo sends from one src or one Powerpack',
    path: ['powerpackUuid'],
  });

const rules: ProviderSettingsRules = {
  provider: 'plivo',
  displayName: 'Plivo',
  alternativeSender: 'powerpackUuid',
  fix: 'createPlivoProvider() (see docs/plivo.md#credentials-and-settings for each one and its environment variable)',
};

/**
 * Validates the settings when the provider is created, listing every problem in one `ValidationError`
 * (field `plivo.<setting>` of the first one, reason `INVALID_PROVIDER_SETTINGS`). Messages name
 * settings, never their values, so the Auth Token cannot leak.
 *
 * @example
 * parsePlivoSettings({ authId: 'MA…', authToken: '…', from: '+14155550100' }).timeoutMs; // 10000
 */
export function parsePlivoSettings(settings: unknown): ResolvedPlivoSettings {
  const problems = findPlivoSettingsProblems(settings);
  if (problems.length > 0) throw settingsError(problems, rules);
  const value = settingsSchema.parse(settings);
  return {
    authId: value.authId,
    authToken: value.authToken,
    from: value.from,
    powerpackUuid: value.powerpackUuid,
    statusCallbackUrl: value.statusCallbackUrl,
    timeoutMs: value.timeoutMs ?? DEFAULT_PLIVO_TIMEOUT_MS,
  };
}

/** Every problem of the settings, without throwing (used by `SMSService.fromEnv` to list them all). */
export function findPlivoSettingsProblems(settings: unknown): SettingsProblem[] {
  return findSettingsProblems(settingsSchema, settings, rules);
}
