import { ValidationError } from '../errors/validation-error';
import type { SmsProvider } from '../providers/provider';
import type { SettingsProblem } from '../providers/kit/provider-settings';
import { createTelnyxProvider } from '../providers/telnyx/create-telnyx-provider';
import { findTelnyxSettingsProblems, type TelnyxProviderSettings } from '../providers/telnyx/parse-telnyx-settings';
import { createTwilioProvider } from '../providers/twilio/create-twilio-provider';
import { findTwilioSettingsProblems, type TwilioProviderSettings } from '../providers/twilio/parse-twilio-settings';
import type { BuiltInProvider, SMSServiceConfig } from './sms-service-config';

/** A problem found while reading a configuration, named by where it came from (a setting or a variable). */
export interface ConfigurationProblem {
  readonly source: string;
  /** What is wrong with the value, never the value when it may be a secret. */
  readonly problem: string;
  /** How to fix this one problem. */
  readonly fix: string;
}

const settingsPage: Record<BuiltInProvider, string> = {
  twilio: 'docs/twilio.md#credentials-and-settings',
  telnyx: 'docs/telnyx.md#credentials-and-settings',
};

const builtIn: Record<BuiltInProvider, { create: (settings: never) => SmsProvider; findProblems: (settings: unknown) => SettingsProblem[] }> = {
  twilio: { create: createTwilioProvider as (settings: never) => SmsProvider, findProblems: findTwilioSettingsProblems },
  telnyx: { create: createTelnyxProvider as (settings: never) => SmsProvider, findProblems: findTelnyxSettingsProblems },
};

/**
 * Every problem of a configuration, without throwing. `sourceOf` names where a provider setting came
 * from (the config path by default, an environment variable for `fromEnv`).
 */
export function findConfigurationProblems(
  config: Pick<SMSServiceConfig, 'provider' | 'credentials' | 'fallbackProvider' | 'fallbackCredentials'>,
  sourceOf: (provider: BuiltInProvider, setting: string, role: 'credentials' | 'fallbackCredentials') => string,
): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  const check = (provider: unknown, settings: unknown, role: 'credentials' | 'fallbackCredentials') => {
    if (provider !== 'twilio' && provider !== 'telnyx') {
      problems.push({ source: role === 'credentials' ? 'provider' : 'fallbackProvider', problem: 'must be "twilio" or "telnyx"', fix: 'name a built-in provider, or pass your own with new SMSService({ providers })' });
      return;
    }
    for (const { setting, problem } of builtIn[provider].findProblems(settings)) {
      const source = sourceOf(provider, setting, role);
      problems.push({ source, problem, fix: `set ${source} as ${settingsPage[provider]} describes` });
    }
  };
  check(config.provider, config.credentials, 'credentials');
  if (config.fallbackProvider !== undefined) {
    if (config.fallbackProvider === config.provider) {
      problems.push({ source: 'fallbackProvider', problem: 'must differ from provider', fix: 'name the other built-in provider, or remove fallbackProvider' });
    } else {
      check(config.fallbackProvider, config.fallbackCredentials, 'fallbackCredentials');
    }
  } else if (config.fallbackCredentials !== undefined) {
    problems.push({ source: 'fallbackCredentials', problem: 'is given without fallbackProvider', fix: 'add fallbackProvider, or remove fallbackCredentials' });
  }
  return problems;
}

/**
 * One `ValidationError` listing every problem, each with its own fix. One problem names its source as the
 * error's field (`SMS_RATE_LIMIT: …`); several are listed under `whole` (`env`, `config`). Names sources
 * only, never secret values.
 */
export function configurationError(problems: readonly ConfigurationProblem[], whole: string): ValidationError {
  const [first] = problems;
  if (problems.length === 1 && first !== undefined) {
    return new ValidationError({ field: first.source, reason: 'INVALID_CONFIGURATION', problem: `${first.problem}.`, fix: `${first.fix}.` });
  }
  const listed = problems.map(({ source, problem, fix }, index) => `(${index + 1}) ${source} ${problem}: ${fix}`).join('; ');
  return new ValidationError({
    field: whole,
    reason: 'INVALID_CONFIGURATION',
    problem: `${problems.length} problems: ${listed}.`,
    fix: 'correct each one as listed.',
  });
}

/** The providers of a valid configuration, primary first. */
export function createConfiguredProviders(config: SMSServiceConfig): SmsProvider[] {
  const problems = findConfigurationProblems(config, (_provider, setting, role) => `${role}.${setting}`);
  if (problems.length > 0) {
    throw configurationError(problems, 'config');
  }
  const providers = [builtIn[config.provider].create(config.credentials as never)];
  if (config.fallbackProvider !== undefined) {
    providers.push(builtIn[config.fallbackProvider].create(config.fallbackCredentials as never));
  }
  return providers;
}

export type { TelnyxProviderSettings, TwilioProviderSettings };
