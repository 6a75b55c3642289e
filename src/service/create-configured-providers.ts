import { ValidationError } from '../errors/validation-error';
import type { SmsProvider } from '../providers/provider';
import type { SettingsProblem } from '../providers/provider-settings';
import { createTelnyxProvider } from '../providers/telnyx/create-telnyx-provider';
import { findTelnyxSettingsProblems, type TelnyxProviderSettings } from '../providers/telnyx/parse-telnyx-settings';
import { createTwilioProvider } from '../providers/twilio/create-twilio-provider';
import { findTwilioSettingsProblems, type TwilioProviderSettings } from '../providers/twilio/parse-twilio-settings';
import type { BuiltInProvider, SMSServiceConfig } from './sms-service-config';

/** A problem found while reading a configuration, named by where it came from (a setting or a variable). */
export interface ConfigurationProblem {
  readonly source: string;
  readonly problem: string;
}

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
      problems.push({ source: role === 'credentials' ? 'provider' : 'fallbackProvider', problem: 'must be "twilio" or "telnyx"' });
      return;
    }
    for (const { setting, problem } of builtIn[provider].findProblems(settings)) {
      problems.push({ source: sourceOf(provider, setting, role), problem });
    }
  };
  check(config.provider, config.credentials, 'credentials');
  if (config.fallbackProvider !== undefined) {
    if (config.fallbackProvider === config.provider) {
      problems.push({ source: 'fallbackProvider', problem: 'must differ from provider' });
    } else {
      check(config.fallbackProvider, config.fallbackCredentials, 'fallbackCredentials');
    }
  } else if (config.fallbackCredentials !== undefined) {
    problems.push({ source: 'fallbackCredentials', problem: 'is given without fallbackProvider' });
  }
  return problems;
}

/** One `ValidationError` listing every problem; names sources only, never values (they may be secrets). */
export function configurationError(problems: readonly ConfigurationProblem[], field: string, fix: string): ValidationError {
  const listed = problems.map(({ source, problem }) => `${source} ${problem}`).join('; ');
  return new ValidationError({
    field,
    reason: 'INVALID_CONFIGURATION',
    problem: `${problems.length === 1 ? '1 problem' : `${problems.length} problems`}: ${listed}.`,
    fix,
  });
}

/** The providers of a valid configuration, primary first. */
export function createConfiguredProviders(config: SMSServiceConfig): SmsProvider[] {
  const problems = findConfigurationProblems(config, (_provider, setting, role) => `${role}.${setting}`);
  if (problems.length > 0) {
    throw configurationError(problems, 'config', 'correct the configuration passed to SMSService.fromConfig() (docs/twilio.md, docs/telnyx.md).');
  }
  const providers = [builtIn[config.provider].create(config.credentials as never)];
  if (config.fallbackProvider !== undefined) {
    providers.push(builtIn[config.fallbackProvider].create(config.fallbackCredentials as never));
  }
  return providers;
}

export type { TelnyxProviderSettings, TwilioProviderSettings };
