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
import type { TwilioClientLike } from './twilio-client-like';

/** Settings of {@link createTwilioProvider}. */
export interface TwilioProviderSettings {
  /** Account SID, `AC` followed by 32 hex characters (Twilio Console → Account info). */
  accountSid: string;
  /** Auth Token of that account. Kept private: never in errors, logs, `toJSON` or `String(provider)`. */
  authToken: string;
  /** Default sender: E.164 number, alphanumeric sender id or short code. Required without `messagingServiceSid`. */
  from?: string;
  /** Messaging Service SID, `MG` followed by 32 hex characters. Required without `from`, and for scheduling. */
  messagingServiceSid?: string;
  /** Status callback base URL; each message gets it with `?message_id=<the library's message id>` added. */
  statusCallbackUrl?: string;
  /**
   * A prebuilt twilio-node client (`twilio(accountSid, authToken, options)`), used instead of one built
   * on first send. It must not have `autoRetry` on. Its own credentials are used for the requests.
   */
  client?: TwilioClientLike;
  /** Deadline of one send attempt in milliseconds, connect to last byte. Default 10 000. */
  timeoutMs?: number;
}

/** Settings after validation, with defaults applied. */
export interface ResolvedTwilioSettings {
  readonly accountSid: string;
  readonly authToken: string;
  readonly from: string | undefined;
  readonly messagingServiceSid: string | undefined;
  readonly statusCallbackUrl: string | undefined;
  readonly client: TwilioClientLike | undefined;
  readonly timeoutMs: number;
}

/** Default per-attempt deadline: long enough for a slow create, short enough to fail over in time. */
export const DEFAULT_TWILIO_TIMEOUT_MS = 10_000;
/**
 * twilio-node documents for `StatusCallback`: "URL must contain a valid hostname and underscores are
 * not allowed" (`src/rest/api/v2010/account/message.ts`).
 */
const callbackUrlSchema = z
  .string({ error: 'must be a string' })
  .refine((value) => isHttpUrl(value), { error: 'must be an absolute http:// or https:// URL' })
  .refine((value) => !isHttpUrl(value) || !new URL(value).hostname.includes('_'), {
    error: 'must not have an underscore in its host name (Twilio refuses it)',
  });

const settingsSchema = z.strictObject({
  accountSid: z
    .string({ error: 'is required and must be a string' })
    .regex(/^AC[0-9a-fA-F]{32}$/, { error: 'must be "AC" followed by 32 hexadecimal characters' }),
  authToken: secretSettingSchema,
  from: senderSettingSchema.optional(),
  messagingServiceSid: z
    .string({ error: 'must be a string' })
    .regex(/^MG[0-9a-fA-F]{32}$/, { error: 'must be "MG" followed by 32 hexadecimal characters' })
    .optional(),
  statusCallbackUrl: callbackUrlSchema.optional(),
  client: z
    .custom<TwilioClientLike>(isTwilioClientLike, { error: 'must be a twilio-node client (with messages.create)' })
    .refine((client) => !hasHiddenRetries(client), {
      // twilio-node's autoRetry re-POSTs on 429 (RequestClient.js), which could send an SMS twice.
      error: 'must be created with autoRetry off: its retries could send a message twice',
    })
    .optional(),
  timeoutMs: timeoutSettingSchema.optional(),
});

/**
 * Validates the settings when the provider is created, listing every problem in one
 * `ValidationError` (field `twilio.<setting>` of the first one, reason `INVALID_PROVIDER_SETTINGS`).
 * Messages name settings, never their values, so the Auth Token cannot leak.
 *
 * @example
 * parseTwilioSettings({ accountSid: 'AC…', authToken: '…', from: '+14155550100' }).timeoutMs; // 10000
 */
export function parseTwilioSettings(settings: unknown): ResolvedTwilioSettings {
  const problems = findTwilioSettingsProblems(settings);
  if (problems.length > 0) throw settingsError(problems, rules);
  const value = settingsSchema.parse(settings);
  return {
    accountSid: value.accountSid,
    authToken: value.authToken,
    from: value.from,
    messagingServiceSid: value.messagingServiceSid,
    statusCallbackUrl: value.statusCallbackUrl,
    client: value.client,
    timeoutMs: value.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS,
  };
}

/** `autoRetry` on the client (`Twilio#autoRetry`) or on its `RequestClient` (`httpClient.autoRetry`). */
function hasHiddenRetries(client: TwilioClientLike): boolean {
  try {
    const record = client as { autoRetry?: unknown; httpClient?: { autoRetry?: unknown } };
    return record.autoRetry === true || record.httpClient?.autoRetry === true;
  } catch {
    return false;
  }
}

function isTwilioClientLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // twilio-node's `messages` is a callable list instance (`client.messages(sid)`), so a function.
  const messages = (value as { messages?: unknown }).messages;
  return (typeof messages === 'object' || typeof messages === 'function') && messages !== null && typeof (messages as { create?: unknown }).create === 'function';
}

const rules: ProviderSettingsRules = {
  provider: 'twilio',
  displayName: 'Twilio',
  alternativeSender: 'messagingServiceSid',
  fix: 'createTwilioProvider() (see docs/twilio.md for each one and its environment variable)',
};

/** Every problem of the settings, without throwing (used by `SMSService.fromEnv` to list them all). */
export function findTwilioSettingsProblems(settings: unknown): SettingsProblem[] {
  return findSettingsProblems(settingsSchema, settings, rules);
}
