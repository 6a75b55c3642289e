import { z } from 'zod';
import { isSenderShape } from '../../senders/sender-patterns';
import { ValidationError } from '../../errors/validation-error';

/** One wrong setting of a provider adapter, named by setting, never by value (values may be secrets). */
export interface SettingsProblem {
  readonly setting: string;
  readonly problem: string;
}

export interface ProviderSettingsRules {
  /** Provider id used in field names: `twilio` → `twilio.accountSid`. */
  readonly provider: string;
  /** Display name used in messages: `Twilio`. */
  readonly displayName: string;
  /** The setting that may replace `from` as the sender (`messagingServiceSid`, `messagingProfileId`). */
  readonly alternativeSender: string;
  /** The factory named in the fix, with the doc page: `createTwilioProvider() (see docs/twilio.md …)`. */
  readonly fix: string;
}

/**
 * Every problem of a provider's settings, without throwing: the zod issues plus the one rule zod does not
 * express (a sender is required). `SMSService.fromEnv` collects these across providers into one error.
 */
export function findSettingsProblems(schema: z.ZodType, settings: unknown, rules: ProviderSettingsRules): SettingsProblem[] {
  const parsed = schema.safeParse(settings);
  const problems: SettingsProblem[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => toProblems(issue, rules.displayName));
  const record = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : undefined;
  if (record !== undefined && record.from === undefined && record[rules.alternativeSender] === undefined) {
    problems.push({ setting: 'from', problem: `or ${rules.alternativeSender} is required: ${rules.displayName} needs a sender` });
  }
  return problems;
}

/** One `ValidationError` listing every problem (field of the first one, reason `INVALID_PROVIDER_SETTINGS`). */
export function settingsError(problems: readonly SettingsProblem[], rules: ProviderSettingsRules): ValidationError {
  const first = problems[0] ?? { setting: 'settings', problem: 'must be an object' };
  const listed = problems.map(({ setting, problem }) => `${rules.provider}.${setting} ${problem}`).join('; ');
  const count = problems.length === 1 ? `1 invalid ${rules.displayName} setting` : `${problems.length} invalid ${rules.displayName} settings`;
  return new ValidationError({
    field: `${rules.provider}.${first.setting}`,
    reason: 'INVALID_PROVIDER_SETTINGS',
    problem: `${count}: ${listed}.`,
    fix: `correct the settings passed to ${rules.fix}.`,
  });
}

function toProblems(issue: z.core.$ZodIssue, displayName: string): SettingsProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ setting: key, problem: `is not a ${displayName} setting` }));
  }
  const setting = issue.path[0];
  if (setting === undefined) return [{ setting: 'settings', problem: 'must be an object' }];
  return [{ setting: String(setting), problem: issue.message }];
}

/** True for an absolute http:// or https:// URL. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

/** Upper bound of a send deadline: beyond any useful one, and below `setTimeout`'s 2^31-1 ms overflow. */
const MAX_TIMEOUT_MS = 600_000;

/** The default sender setting: an E.164 number, an alphanumeric sender id or a short code. */
export const senderSettingSchema = z.string({ error: 'must be a string' }).refine(isSenderShape, {
  error: 'must be an E.164 number (+14155550100), an alphanumeric sender id (1–11 letters, digits or spaces, at least one letter) or a short code (3–8 digits)',
});

/** A credential: required, a non-empty string without spaces; never echoed in messages. */
export const secretSettingSchema = z
  .string({ error: 'is required and must be a string' })
  .regex(/^\S+$/, { error: 'must be a non-empty string without spaces' });

/** Deadline of one send attempt in milliseconds. */
export const timeoutSettingSchema = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number of milliseconds' })
  .min(1, { error: 'must be at least 1 ms' })
  .max(MAX_TIMEOUT_MS, { error: `must be at most ${MAX_TIMEOUT_MS} ms` });
