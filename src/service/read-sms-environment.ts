import type { BuiltInProvider, SMSServiceConfig } from './sms-service-config';
import { configurationError, findConfigurationProblems, type ConfigurationProblem } from './create-configured-providers';

/** Environment variables per provider setting (docs/twilio.md#credentials-and-settings, docs/telnyx.md#credentials-and-settings). */
export const PROVIDER_ENVIRONMENT_VARIABLES = {
  twilio: {
    accountSid: 'TWILIO_ACCOUNT_SID',
    authToken: 'TWILIO_AUTH_TOKEN',
    from: 'TWILIO_PHONE_NUMBER',
    messagingServiceSid: 'TWILIO_MESSAGING_SERVICE_SID',
    statusCallbackUrl: 'TWILIO_STATUS_CALLBACK_URL',
  },
  telnyx: {
    apiKey: 'TELNYX_API_KEY',
    from: 'TELNYX_PHONE_NUMBER',
    messagingProfileId: 'TELNYX_MESSAGING_PROFILE_ID',
  },
} as const satisfies Record<BuiltInProvider, Record<string, string>>;

/** Per-organisation quotas from the environment: SMS_RATE_LIMIT (per hour) and SMS_DAILY_LIMIT. */
export interface EnvironmentLimits {
  readonly hourly: number | undefined;
  readonly daily: number | undefined;
}

export interface SmsEnvironment {
  readonly config: Pick<SMSServiceConfig, 'provider' | 'credentials' | 'fallbackProvider' | 'fallbackCredentials'>;
  readonly limits: EnvironmentLimits;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the providers and limits from environment variables. Twilio is the primary provider when any
 * TWILIO_* variable is set and Telnyx its fallback when any TELNYX_* variable is set (the default order
 * Twilio → Telnyx); with only TELNYX_* variables Telnyx is the one provider. Empty values count as unset.
 * Throws one `ValidationError` listing every missing or malformed variable, by name, never by value.
 *
 * @example
 * const { config, limits } = readSmsEnvironment(process.env);
 */
export function readSmsEnvironment(env: Environment): SmsEnvironment {
  const twilio = settingsFrom(env, 'twilio');
  const telnyx = settingsFrom(env, 'telnyx');
  const problems: ConfigurationProblem[] = [];
  const limits = {
    hourly: positiveWholeNumber(env, 'SMS_RATE_LIMIT', 'the messages each organisation may send per hour', problems),
    daily: positiveWholeNumber(env, 'SMS_DAILY_LIMIT', 'the messages each organisation may send per day', problems),
  };

  let config: SmsEnvironment['config'] | undefined;
  if (twilio !== undefined) {
    config = { provider: 'twilio', credentials: twilio, ...(telnyx === undefined ? {} : { fallbackProvider: 'telnyx', fallbackCredentials: telnyx }) };
  } else if (telnyx !== undefined) {
    config = { provider: 'telnyx', credentials: telnyx };
  } else {
    problems.unshift({
      source: 'TWILIO_ACCOUNT_SID / TELNYX_API_KEY',
      problem: 'are both unset: no provider is configured',
      fix: 'set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER (or TWILIO_MESSAGING_SERVICE_SID), and/or TELNYX_API_KEY and TELNYX_PHONE_NUMBER (or TELNYX_MESSAGING_PROFILE_ID); see docs/twilio.md and docs/telnyx.md',
    });
  }
  if (config !== undefined) {
    const providerProblems = findConfigurationProblems(config, (provider, setting) => variableOf(provider, setting));
    // Adapter messages name the alternative sender setting ("or messagingServiceSid is required"): name its variable.
    problems.unshift(
      ...providerProblems.map(({ source, problem, fix }) => ({
        source,
        fix,
        problem: problem
          .replace('messagingServiceSid', PROVIDER_ENVIRONMENT_VARIABLES.twilio.messagingServiceSid)
          .replace('messagingProfileId', PROVIDER_ENVIRONMENT_VARIABLES.telnyx.messagingProfileId),
      })),
    );
  }
  if (problems.length > 0 || config === undefined) {
    throw configurationError(problems, 'env');
  }
  return { config, limits };
}

/** The provider's settings as the variables give them; checked by the adapter's own rules right after. */
function settingsFrom(env: Environment, provider: BuiltInProvider): SMSServiceConfig['credentials'] | undefined {
  const settings: Record<string, string> = {};
  for (const [setting, variable] of Object.entries(PROVIDER_ENVIRONMENT_VARIABLES[provider])) {
    const value = env[variable];
    if (value !== undefined && value !== '') settings[setting] = value;
  }
  return Object.keys(settings).length === 0 ? undefined : (settings as unknown as SMSServiceConfig['credentials']);
}

function variableOf(provider: BuiltInProvider, setting: string): string {
  const variables: Record<string, string> = PROVIDER_ENVIRONMENT_VARIABLES[provider];
  return variables[setting] ?? `${provider}.${setting}`;
}

/** A limit is not a secret: its problem quotes the value (shortened) so the typo is plain to see. */
function positiveWholeNumber(env: Environment, name: string, meaning: string, problems: ConfigurationProblem[]): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value.trim())) {
    const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
    problems.push({
      source: name,
      problem: `is ${JSON.stringify(shown)}, not a whole number from 1 to 999999999`,
      fix: `set ${name} to ${meaning}, e.g. ${name}=1000, or unset it for no limit (docs/quotas.md#tenant-quotas)`,
    });
    return undefined;
  }
  return Number(value.trim());
}
