import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import {
  findSettingsProblems,
  secretSettingSchema,
  senderSettingSchema,
  settingsError,
  timeoutSettingSchema,
  type ProviderSettingsRules,
  type SettingsProblem,
} from '../kit/provider-settings';

/** Settings of {@link createVonageProvider}. Either `applicationId` + `privateKey` (JWT) or `apiKey` + `apiSecret` (Basic). */
export interface VonageProviderSettings {
  /** Account API key (Dashboard → API settings). Used for Basic auth when no application is configured. */
  apiKey?: string;
  /** Account API secret. Kept private: never in errors, logs, `toJSON` or `String(provider)`. */
  apiSecret?: string;
  /** Vonage application id (a UUID) with the Messages capability: JWT auth, preferred by the Messages API. */
  applicationId?: string;
  /** The application's private key, PEM (`-----BEGIN PRIVATE KEY-----…`); `\n` escapes (one-line env vars) are accepted. */
  privateKey?: string;
  /** Signature secret of signed webhooks (Dashboard → API settings). Read by the webhook handler, never sent. */
  signatureSecret?: string;
  /** Default sender (required): E.164 number, alphanumeric sender id or short code. */
  from?: string;
  /** Messages API origin, e.g. `https://api-eu.vonage.com` or the sandbox `https://messages-sandbox.nexmo.com`. Default `https://api.nexmo.com`. */
  baseUrl?: string;
  /** Deadline of one send attempt in milliseconds, connect to last byte. Default 10 000. */
  timeoutMs?: number;
}

/** How requests are authenticated (docs/vonage.md#credentials-and-settings). */
export type VonageCredentials =
  | { readonly kind: 'jwt'; readonly applicationId: string; readonly privateKey: string }
  | { readonly kind: 'basic'; readonly apiKey: string; readonly apiSecret: string };

/** Settings after validation, with defaults applied. */
export interface ResolvedVonageSettings {
  readonly credentials: VonageCredentials;
  readonly signatureSecret: string | undefined;
  readonly from: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** Default per-attempt deadline: long enough for a slow create, short enough to fail over in time. */
export const DEFAULT_VONAGE_TIMEOUT_MS = 10_000;
/** The Messages API host (`@vonage/server-client` `Client` default `apiHost`). */
export const DEFAULT_VONAGE_BASE_URL = 'https://api.nexmo.com';

const settingsSchema = z.strictObject({
  apiKey: z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9]{1,32}$/, { error: 'must be the account API key (letters and digits)' }).optional(),
  apiSecret: secretSettingSchema.optional(),
  applicationId: z.string({ error: 'must be a string' }).pipe(z.guid({ error: 'must be a Vonage application id (a UUID)' })).optional(),
  privateKey: z
    .string({ error: 'must be a string' })
    .refine(isPrivateKey, { error: 'must be the application private key in PEM ("-----BEGIN PRIVATE KEY-----…"), not a file path' })
    .optional(),
  signatureSecret: secretSettingSchema.optional(),
  from: senderSettingSchema.optional(),
  baseUrl: z.string({ error: 'must be a string' }).refine(isHttpsOrigin, { error: 'must be an https:// origin without a path, e.g. https://api-eu.vonage.com' }).optional(),
  timeoutMs: timeoutSettingSchema.optional(),
});

/**
 * Validates the settings when the provider is created, listing every problem in one
 * `ValidationError` (field `vonage.<setting>` of the first one, reason `INVALID_PROVIDER_SETTINGS`).
 * Messages name settings, never their values, so no secret can leak.
 *
 * @example
 * parseVonageSettings({ applicationId: '…', privateKey: '-----BEGIN PRIVATE KEY-----…', from: '+14155550100' }).credentials.kind; // 'jwt'
 */
export function parseVonageSettings(settings: unknown): ResolvedVonageSettings {
  const problems = findVonageSettingsProblems(settings);
  if (problems.length > 0) throw settingsError(problems, rules);
  const value = settingsSchema.parse(settings);
  // JWT wins when both pairs are given: the Messages API prefers it (docs/vonage.md#credentials-and-settings).
  const credentials: VonageCredentials =
    value.applicationId !== undefined && value.privateKey !== undefined
      ? { kind: 'jwt', applicationId: value.applicationId, privateKey: normalisePem(value.privateKey) }
      : { kind: 'basic', apiKey: value.apiKey as string, apiSecret: value.apiSecret as string };
  return {
    credentials,
    signatureSecret: value.signatureSecret,
    from: value.from as string,
    baseUrl: value.baseUrl ?? DEFAULT_VONAGE_BASE_URL,
    timeoutMs: value.timeoutMs ?? DEFAULT_VONAGE_TIMEOUT_MS,
  };
}

const rules: ProviderSettingsRules = {
  provider: 'vonage',
  displayName: 'Vonage',
  // Vonage has no sender alternative (no number pool setting): `from` itself is the only one.
  alternativeSender: 'from',
  fix: 'createVonageProvider() (see docs/vonage.md#credentials-and-settings for each one and its environment variable)',
};

/** Every problem of the settings, without throwing (used by `SMSService.fromEnv` to list them all). */
export function findVonageSettingsProblems(settings: unknown): SettingsProblem[] {
  const problems = findSettingsProblems(settingsSchema, settings, rules).map((problem) =>
    problem.setting === 'from' && problem.problem.startsWith('or from ')
      ? { setting: 'from', problem: 'is required: Vonage needs a sender (a Vonage number, or an alphanumeric sender id where the country allows it)' }
      : problem,
  );
  if (typeof settings !== 'object' || settings === null) return problems;
  return [...problems, ...credentialProblems(settings as Record<string, unknown>)];
}

/** A pair given by half is named by its missing half; no pair at all names both options. */
function credentialProblems(record: Record<string, unknown>): SettingsProblem[] {
  const has = (key: string) => record[key] !== undefined;
  const problems: SettingsProblem[] = [];
  if (has('applicationId') !== has('privateKey')) {
    const missing = has('applicationId') ? 'privateKey' : 'applicationId';
    problems.push({ setting: missing, problem: `is required with ${missing === 'privateKey' ? 'applicationId' : 'privateKey'} (JWT auth needs both)` });
  }
  if (has('apiKey') !== has('apiSecret')) {
    const missing = has('apiKey') ? 'apiSecret' : 'apiKey';
    problems.push({ setting: missing, problem: `is required with ${missing === 'apiSecret' ? 'apiKey' : 'apiSecret'} (Basic auth needs both)` });
  }
  if (!has('applicationId') && !has('privateKey') && !has('apiKey') && !has('apiSecret')) {
    problems.push({ setting: 'applicationId', problem: 'and privateKey (JWT), or apiKey and apiSecret (Basic), are required: Vonage needs credentials' });
  }
  return problems;
}

/** One-line environment variables carry the PEM's newlines as `\n`. */
function normalisePem(value: string): string {
  return value.includes('\\n') ? value.replaceAll('\\n', '\n') : value;
}

function isPrivateKey(value: string): boolean {
  const pem = normalisePem(value).trim();
  if (!pem.startsWith('-----BEGIN ')) return false;
  // Tried twice: Node 20 can report an error left in OpenSSL's error queue by an earlier, unrelated
  // operation ("asn1 encoding routines::too long") on the first parse of a valid key.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      return createPrivateKey(pem).asymmetricKeyType === 'rsa';
    } catch {
      // try once more
    }
  }
  return false;
}

function isHttpsOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '' && !value.endsWith('/');
}
