import { BUILT_IN_PROVIDERS, type BuiltInProvider, type BuiltInProviderDefinition } from '../providers/built-in-providers';
import type { SMSServiceConfig } from './sms-service-config';
import { configurationError, findConfigurationProblems, type ConfigurationProblem } from './create-configured-providers';

/**
 * Environment variables per provider setting, from each vendor's definition
 * (docs/twilio.md#credentials-and-settings, docs/telnyx.md#credentials-and-settings).
 */
export const PROVIDER_ENVIRONMENT_VARIABLES: Readonly<Record<BuiltInProvider, Readonly<Record<string, string>>>> = Object.freeze(
  Object.fromEntries(BUILT_IN_PROVIDERS.map((definition) => [definition.id, definition.environment])) as Record<BuiltInProvider, Readonly<Record<string, string>>>,
);

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
 * Reads the providers and limits from environment variables. A vendor is configured when any of its
 * variables is set; the first configured one in `BUILT_IN_PROVIDERS` order (Twilio, Telnyx, …) is the
 * primary and the next its fallback (the default order Twilio → Telnyx); more than two is refused, as a
 * service from the environment has one fallback. Empty values count as unset. Throws one
 * `ValidationError` listing every missing or malformed variable, by name, never by value.
 *
 * @example
 * const { config, limits } = readSmsEnvironment(process.env);
 */
export function readSmsEnvironment(env: Environment): SmsEnvironment {
  const configured = BUILT_IN_PROVIDERS.flatMap((definition) => {
    const settings = settingsFrom(env, definition.id);
    return settings === undefined ? [] : [{ id: definition.id, settings }];
  });
  const problems: ConfigurationProblem[] = [];
  const limits = {
    hourly: positiveWholeNumber(env, 'SMS_RATE_LIMIT', 'the messages each organisation may send per hour', problems),
    daily: positiveWholeNumber(env, 'SMS_DAILY_LIMIT', 'the messages each organisation may send per day', problems),
  };

  let config: SmsEnvironment['config'] | undefined;
  const [primary, fallback, ...beyond] = configured;
  if (primary === undefined) {
    problems.unshift({
      source: BUILT_IN_PROVIDERS.map((definition) => Object.values(definition.environment)[0]).join(' / '),
      problem: `are ${(BUILT_IN_PROVIDERS.length as number) === 2 ? 'both' : 'all'} unset: no provider is configured`,
      fix: `set ${BUILT_IN_PROVIDERS.map(describeVariables).join(', and/or ')}; see ${joinList(BUILT_IN_PROVIDERS.map((definition) => definition.docsPage))}`,
    });
  } else if (beyond.length > 0) {
    problems.unshift({
      source: configured.map(({ id }) => `${id.toUpperCase()}_*`).join(' / '),
      problem: `configure ${configured.length} providers, but a service from the environment takes a primary and one fallback`,
      fix: `unset the variables of all but two of ${configured.map(({ id }) => id).join(', ')}, or build the service with SMSService.fromConfig or new SMSService({ providers })`,
    });
  } else {
    config = { provider: primary.id, credentials: primary.settings, ...(fallback === undefined ? {} : { fallbackProvider: fallback.id, fallbackCredentials: fallback.settings }) };
  }
  if (config !== undefined) {
    const providerProblems = findConfigurationProblems(config, (provider, setting) => variableOf(provider, setting));
    problems.unshift(...providerProblems.map(({ source, problem, fix }) => ({ source, fix, problem: namingVariables(problem, source) })));
  }
  if (problems.length > 0 || config === undefined) {
    throw configurationError(problems, 'env');
  }
  return { config, limits };
}

/**
 * `TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER (or TWILIO_MESSAGING_SERVICE_SID)`: the
 * variables a vendor needs. Settings the adapter names as an alternative sender are shown in brackets.
 */
function describeVariables(definition: BuiltInProviderDefinition): string {
  const required = definition.findSettingsProblems({}).map(({ setting, problem }) => {
    const variable = variableOf(definition.id, setting);
    const alternative = /^or (\w+) is required/.exec(problem)?.[1];
    return alternative === undefined ? variable : `${variable} (or ${variableOf(definition.id, alternative)})`;
  });
  return joinList(required);
}

/** `a`, `a and b`, `a, b and c`. */
function joinList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Adapter messages name an alternative setting ("or messagingServiceSid is required"): name its variable
 * instead, for the vendor whose variable the problem is about.
 */
function namingVariables(problem: string, source: string): string {
  const definition = BUILT_IN_PROVIDERS.find((candidate) => Object.values(candidate.environment).includes(source));
  const alternative = /^or (\w+) is required/.exec(problem)?.[1];
  if (definition === undefined || alternative === undefined) return problem;
  return problem.replace(alternative, variableOf(definition.id, alternative));
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
