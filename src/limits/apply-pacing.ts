import { optionError } from '../options/option-error';
import { checkOptionsObject } from '../options/check-options-object';
import type { Clock } from '../clock';
import type { SmsProvider } from '../providers/provider';
import { createPacedProvider } from './create-paced-provider';
import { createInMemorySenderPacer } from './in-memory-sender-pacer';
import type { PacingOptions } from './quota-options';
import { readPaceRule, readPaceRules } from './read-pace-rule';
import type { SenderPacer } from './sender-pacer';

const pacingKeys = ['pacer', 'default', 'providers', 'senders'];

/**
 * Internal: checks `options.pacing` and wraps each provider that has a rule with `createPacedProvider`,
 * one shared pacer for all, so pacing sits right before the provider call, after the quota stage.
 */
export function applyPacing(
  providers: readonly SmsProvider[],
  pacing: PacingOptions | undefined,
  context: { readonly clock: Clock; readonly onStoreDecision: (storeError: Error | undefined) => void },
): readonly SmsProvider[] {
  if (pacing === undefined) return providers;
  checkOptionsObject('options.pacing', pacing, pacingKeys, { required: true, example: '{ providers: { twilio: { messagesPerSecond: 1 } } }' });
  const pacer = pacing.pacer as unknown;
  if (pacer !== undefined && (typeof pacer !== 'object' || pacer === null || typeof (pacer as SenderPacer).reserve !== 'function')) {
    throw optionError('options.pacing.pacer', 'is not a SenderPacer (it needs a reserve function).', 'pass createInMemorySenderPacer() or a RedisRateLimiter, or leave it out.');
  }
  if (pacing.default !== undefined) readPaceRule('options.pacing.default', pacing.default);
  const providerRules = readPaceRules('options.pacing.providers', pacing.providers);
  const senderRules = readPaceRules('options.pacing.senders', pacing.senders);
  for (const id of providerRules.keys()) {
    if (!providers.some((provider) => provider.id === id)) {
      throw optionError(`options.pacing.providers[${JSON.stringify(id)}]`, 'names no configured provider.', `use one of the provider ids: ${providers.map((provider) => provider.id).join(', ')}.`);
    }
  }
  if (pacing.default === undefined && providerRules.size === 0 && senderRules.size === 0) {
    throw optionError('options.pacing', 'sets no rule.', 'set default, providers or senders, e.g. { providers: { twilio: { messagesPerSecond: 1 } } }, or leave pacing out.');
  }
  const sharedPacer = (pacer as SenderPacer | undefined) ?? createInMemorySenderPacer({ clock: context.clock });
  return providers.map((provider) => {
    const rule = (pacing.providers !== undefined && Object.hasOwn(pacing.providers, provider.id) ? pacing.providers[provider.id] : undefined) ?? pacing.default;
    if (rule === undefined && senderRules.size === 0) return provider;
    return createPacedProvider({
      provider,
      ...(rule === undefined ? {} : { rule }),
      ...(pacing.senders === undefined ? {} : { senders: pacing.senders }),
      pacer: sharedPacer,
      onStoreDecision: context.onStoreDecision,
    });
  });
}
