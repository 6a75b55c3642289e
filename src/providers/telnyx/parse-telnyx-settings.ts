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
import type { TelnyxClientLike } from './telnyx-client-like';

/** Settings of {@link createTelnyxProvider}. */
export interface TelnyxProviderSettings {
  /** API v2 key (Mission Control → API Keys). Kept private: never in errors, logs, `toJSON` or `String(provider)`. */
  apiKey: string;
  /** Default sender: E.164 number, alphanumeric sender id or short code. Required without `messagingProfileId`. */
  from?: string;
  /** Messaging profile id (UUID). Required without `from` (number pool, alphanumeric senders). */
  messagingProfileId?: string;
  /** Webhook base URL; each message gets it with `?message_id=<the library's message id>` added. */
  webhookUrl?: string;
  /**
   * A prebuilt telnyx-node client (`new Telnyx({ apiKey })`), used instead of one built on first send.
   * Its own credentials are used; the adapter still passes `maxRetries: 0`, its timeout and its
   * signal on every request.
   */
  client?: TelnyxClientLike;
  /** Deadline of one send attempt in milliseconds, connect to last byte. Default 10 000. */
  timeoutMs?: number;
}

/** Settings after validation, with defaults applied. */
export interface ResolvedTelnyxSettings {
  readonly apiKey: string;
  readonly from: string | undefined;
  readonly messagingProfileId: string | undefined;
  readonly webhookUrl: string | undefined;
  readonly client: TelnyxClientLike | undefined;
  readonly timeoutMs: number;
}

/** Default per-attempt deadline: long enough for a slow create, short enough to fail over in time. */
export const DEFAULT_TELNYX_TIMEOUT_MS = 10_000;
const settingsSchema = z.strictObject({
  apiKey: secretSettingSchema,
  from: senderSettingSchema.optional(),
  messagingProfileId: z.string({ error: 'must be a string' }).pipe(z.guid({ error: 'must be a messaging profile id (a UUID)' })).optional(),
  webhookUrl: z
    .string({ error: 'must be a string' })
    .refine(isHttpUrl, { error: 'must be an absolute http:// or https:// URL' })
    .optional(),
  client: z.custom<TelnyxClientLike>(isTelnyxClientLike, { error: 'must be a telnyx-node client (with messages.send)' }).optional(),
  timeoutMs: timeoutSettingSchema.optional(),
});

/**
 * Validates the settings when the provider is created, listing every problem in one
 * `ValidationError` (field `telnyx.<setting>` of the first one, reason `INVALID_PROVIDER_SETTINGS`).
 * Messages name settings, never their values, so the API key cannot leak.
 *
 * @example
 * parseTelnyxSettings({ apiKey: 'KEY…', from: '+14155550100' }).timeoutMs; // 10000
 */
export function parseTelnyxSettings(settings: unknown): ResolvedTelnyxSettings {
  const problems = findTelnyxSettingsProblems(settings);
  if (problems.length > 0) throw settingsError(problems, rules);
  const value = settingsSchema.parse(settings);
  return {
    apiKey: value.apiKey,
    from: value.from,
    messagingProfileId: value.messagingProfileId,
    webhookUrl: value.webhookUrl,
    client: value.client,
    timeoutMs: value.timeoutMs ?? DEFAULT_TELNYX_TIMEOUT_MS,
  };
}

function isTelnyxClientLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const messages = (value as { messages?: unknown }).messages;
  return (typeof messages === 'object' || typeof messages === 'function') && messages !== null && typeof (messages as { send?: unknown }).send === 'function';
}

const rules: ProviderSettingsRules = {
  provider: 'telnyx',
  displayName: 'Telnyx',
  alternativeSender: 'messagingProfileId',
  fix: 'createTelnyxProvider() (see docs/telnyx.md for each one and its environment variable)',
};

/** Every problem of the settings, without throwing (used by `SMSService.fromEnv` to list them all). */
export function findTelnyxSettingsProblems(settings: unknown): SettingsProblem[] {
  return findSettingsProblems(settingsSchema, settings, rules);
}
