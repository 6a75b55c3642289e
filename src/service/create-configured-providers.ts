import { ValidationError } from '../errors/validation-error';
import type { SmsProvider } from '../providers/provider';
import { findBuiltInProvider, listBuiltInProviders, type BuiltInProvider } from '../providers/built-in-providers';
import type { SMSServiceConfig } from './sms-service-config';

/** A problem found while reading a configuration, named by where it came from (a setting or a variable). */
export interface ConfigurationProblem {
  readonly source: string;
  /** What is wrong with the value, never the value when it may be a secret. */
  readonly problem: string;
  /** How to fix this one problem. */
  readonly fix: string;
}

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
    const definition = findBuiltInProvider(provider);
    if (definition === undefined) {
      problems.push({ source: role === 'credentials' ? 'provider' : 'fallbackProvider', problem: `must be ${listBuiltInProviders()}`, fix: 'name a built-in provider, or pass your own with new SMSService({ providers })' });
      return;
    }
    for (const { setting, problem } of definition.findSettingsProblems(settings)) {
      const source = sourceOf(definition.id, setting, role);
      problems.push({ source, problem, fix: `set ${source} as ${definition.docsPage}#credentials-and-settings describes` });
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
  const create = (id: BuiltInProvider, settings: unknown): SmsProvider => (findBuiltInProvider(id)?.createProvider as (settings: unknown) => SmsProvider)(settings);
  const providers = [create(config.provider, config.credentials)];
  if (config.fallbackProvider !== undefined) providers.push(create(config.fallbackProvider, config.fallbackCredentials));
  return providers;
}
