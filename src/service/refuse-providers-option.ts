import { optionError } from '../options/option-error';

/**
 * `fromConfig` and `fromEnv` build the providers themselves: a `providers` option passed to them would be
 * silently replaced, so it is refused, naming the constructor that takes one.
 */
export function refuseProvidersOption(options: object, method: 'fromConfig' | 'fromEnv'): void {
  if (!Object.hasOwn(options, 'providers')) return;
  throw optionError(
    'options.providers',
    `is not an option of SMSService.${method}(): it builds the providers from ${method === 'fromEnv' ? 'the environment' : 'provider and fallbackProvider'}.`,
    'remove it, or build the providers yourself and pass them to new SMSService({ providers }).',
  );
}
