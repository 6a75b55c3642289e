import { systemClock, type Clock } from '../clock';
import type { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';
import type { ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';
import { createFinalFailure } from './create-final-failure';
import { toReadinessError } from './provider-readiness';
import { readFailoverOptions, type FailoverOptions, type FailoverStrategy } from './failover-options';
import type { ReliableSendOptions } from './reliable-send-options';
import { sendReportingAttempt } from './send-reporting-attempt';
import { toOutcomeUnknownError } from './to-outcome-unknown-error';

export interface FailoverProviderOptions extends FailoverOptions {
  /** Providers in the order they are tried, e.g. `[twilio, telnyx]`. */
  providers: readonly SmsProvider[];
  /** Id reported for the decorator itself. Default `failover`. */
  id?: string;
  clock?: Clock;
}

/**
 * An `SmsProvider` that tries several providers in order and never sends a message twice
 * (docs/reliability.md#three-outcomes-per-attempt, docs/reliability.md#classifying-provider-answers):
 * - it moves to the next provider only when an attempt was definitely **not sent** and the fault was
 *   the provider's (auth, outage, rate limit, sender or account rejection, open circuit);
 * - a request fault (invalid or opted-out recipient, blocked content) would fail everywhere: it is
 *   thrown at once, as is;
 * - an unknown outcome may have been delivered: the send ends as `TIMEOUT` with `outcomeUnknown: true`
 *   (unless `onUnknownOutcome: 'failover-accept-duplicate-risk'`);
 * - when every provider refused, one failure is thrown as is, several as a `FinalFailureError`
 *   listing each one's error.
 *
 * Every attempt is reported through `onAttempt`, including a provider skipped by its open circuit.
 *
 * @example
 * const provider = createFailoverProvider({ providers: [twilio, telnyx] });
 * const sms = new SMSService({ providers: [provider] });
 */
export function createFailoverProvider(options: FailoverProviderOptions): SmsProvider {
  const { providers } = options;
  const clock = options.clock ?? systemClock;
  if (!Array.isArray(providers) || providers.length === 0) {
    throw new ValidationError({
      field: 'providers',
      reason: 'NO_PROVIDERS',
      problem: 'is empty.',
      fix: 'pass at least one provider, e.g. [createTwilioProvider(...), createTelnyxProvider(...)].',
    });
  }
  const { strategy, onUnknownOutcome } = readFailoverOptions(
    Object.fromEntries(Object.entries(options).filter(([key]) => !['providers', 'id', 'clock'].includes(key))),
    'options',
  );
  const mediaLimits = providers.map((provider) => provider.capabilities?.maxMediaUrls ?? Infinity);
  const maxMediaUrls = Math.min(...mediaLimits);

  return {
    specificationVersion: 'v1',
    id: options.id ?? 'failover',
    capabilities: {
      ...(Number.isFinite(maxMediaUrls) ? { maxMediaUrls } : {}),
      scheduling: providers.every((provider) => provider.capabilities?.scheduling === true),
      validityPeriod: providers.some((provider) => provider.capabilities?.validityPeriod === true),
    },
    /** Ready when every provider is: one not-ready provider's error as is, several in one `FINAL_FAILURE`. */
    async ready(): Promise<void> {
      const settled = await Promise.allSettled(providers.map(async (provider) => provider.ready?.()));
      const errors = settled.flatMap((outcome, index) => (outcome.status === 'rejected' ? [toReadinessError(outcome.reason, (providers[index] as SmsProvider).id)] : []));
      if (errors.length === 1) throw errors[0] as SmsError;
      if (errors.length > 1) throw createFinalFailure(errors, 'Several providers are not ready');
    },
    async send(request: ProviderSendRequest, sendOptions?: ReliableSendOptions): Promise<ProviderSendResult> {
      const errors: SmsError[] = [];
      let unknown: SmsError | undefined;
      for (const provider of order(providers, strategy, request)) {
        try {
          return await sendReportingAttempt(provider, request, sendOptions, clock);
        } catch (thrown) {
          const error = thrown as SmsError;
          if (error.outcomeUnknown) {
            // An abort by the caller is a request fault: it would stop every provider alike.
            if (onUnknownOutcome === 'fail' || error.fault === 'request') throw toOutcomeUnknownError(error);
            unknown ??= error;
          } else if (error.fault !== 'provider') {
            throw error;
          }
          errors.push(error);
        }
      }
      // Opted-in duplicate risk, and no provider accepted: the first unknown attempt may still be out.
      if (unknown !== undefined) throw toOutcomeUnknownError(unknown);
      if (errors.length === 1) throw errors[0] as SmsError;
      throw createFinalFailure(errors, 'Every provider refused the message without sending it');
    },
  };
}

function order(providers: readonly SmsProvider[], strategy: FailoverStrategy | undefined, request: ProviderSendRequest): readonly SmsProvider[] {
  if (strategy === undefined) return providers;
  const providerIds = providers.map((provider) => provider.id);
  const chosen = strategy({ request, providerIds });
  const unknownId = Array.isArray(chosen) ? chosen.find((id) => !providerIds.includes(id)) : undefined;
  if (!Array.isArray(chosen) || chosen.length === 0 || unknownId !== undefined || new Set(chosen).size !== chosen.length) {
    throw new ValidationError({
      field: 'failover.strategy',
      reason: 'INVALID_OPTION',
      problem:
        unknownId === undefined
          ? 'returned no providers, or a provider twice.'
          : `returned "${String(unknownId)}", which is not a configured provider id.`,
      fix: `return a non-empty list of distinct ids among ${providerIds.join(', ')}.`,
    });
  }
  return chosen.map((id) => providers[providerIds.indexOf(id)] as SmsProvider);
}
