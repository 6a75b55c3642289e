import { readTracer } from '../observability/read-tracer';
import { optionError } from '../options/option-error';
import type { SmsProvider } from '../providers/provider';
import { readWholeNumber } from '../options/read-whole-number';
import type { SMSServiceOptions } from './sms-service-options';

const knownOptions = new Set([
  'providers',
  'events',
  'store',
  'pricing',
  'clock',
  'phone',
  'segments',
  'maxSegments',
  'maxMediaUrls',
  'generateId',
  'onBackgroundError',
  'logger',
  'tracer',
  'quotas',
  'guards',
  'pacing',
  'failover',
  'retry',
  'circuitBreaker',
  'idempotency',
  'optOuts',
]);

/** Refuses unknown or malformed service options at construction, naming the option and the fix. */
export function checkServiceOptions(options: SMSServiceOptions): readonly SmsProvider[] {
  if (typeof options !== 'object' || options === null) {
    throw optionError('options', 'is not an object.', 'pass { providers: [createFakeProvider()] } or real providers.');
  }
  for (const key of Object.keys(options)) {
    if (!knownOptions.has(key)) {
      throw optionError(`options.${key}`, 'is not an SMSService option.', `remove it; the options are ${[...knownOptions].join(', ')}.`);
    }
  }
  const providers: readonly SmsProvider[] = Array.isArray(options.providers)
    ? options.providers
    : options.providers === undefined
      ? []
      : [options.providers as SmsProvider];
  if (providers.length === 0) {
    throw optionError('options.providers', 'is empty.', 'pass at least one provider, e.g. createFakeProvider() from "@ocelot-platform/tools-core/testing".');
  }
  const ids = new Set<string>();
  providers.forEach((provider, index) => {
    if (typeof provider?.send !== 'function' || typeof provider.id !== 'string' || provider.id === '') {
      throw optionError(`options.providers[${index}]`, 'is not an SmsProvider (it needs an id and a send function).', 'pass an adapter such as createTwilioProvider(...) or one implementing SmsProvider.');
    }
    if (ids.has(provider.id)) {
      throw optionError(`options.providers[${index}]`, `repeats the provider id "${provider.id}".`, 'give each provider a distinct id.');
    }
    ids.add(provider.id);
  });
  readTracer('options.tracer', options.tracer);
  readWholeNumber('options.maxSegments', options.maxSegments, undefined, { minimum: 1, maximum: 255 });
  readWholeNumber('options.maxMediaUrls', options.maxMediaUrls, undefined, { minimum: 0, maximum: 100 });
  return providers;
}

