import pRetry from 'p-retry';
import { systemClock, type Clock } from '../clock';
import { SmsError } from '../errors/sms-error';
import type { ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';
import { toSmsError } from '../providers/to-sms-error';
import { createFinalFailure } from './create-final-failure';
import { decideRetry } from './decide-retry';
import type { ReliableSendOptions } from './reliable-send-options';
import { readRetryOptions, type RetryOptions } from './retry-options';
import { sendReportingAttempt } from './send-reporting-attempt';
import { sleep } from '../timers/sleep';

/** An `SmsProvider` whose `send` takes the retry listener (`onRetry`) too. */
export interface RetryingProvider extends SmsProvider {
  send(request: ProviderSendRequest, options?: ReliableSendOptions): Promise<ProviderSendResult>;
}

export interface RetryingProviderOptions extends RetryOptions {
  /** The provider retried: an adapter, or a failover over several (then each retry is a new round). */
  provider: SmsProvider;
  clock?: Clock;
}

/**
 * Wraps a provider so transient "not sent" failures are retried on p-retry, with exponential backoff
 * and jitter, honouring Retry-After, bounded by `attempts`, `maxTotalMs` and the request's remaining
 * TTL (`validityPeriodSeconds`, docs/reliability.md#retries), see {@link decideRetry}. An unknown
 * outcome or a request fault is never retried. Each retry is announced through the send options'
 * `onRetry` before its wait; a retried request carries the validity period that is left. When several
 * attempts failed without sending, the send ends in `FINAL_FAILURE` listing every attempt's error.
 *
 * p-retry has no Retry-After (docs/reliability.md#retry-after-and-backoff): its own backoff is set to zero and the wait,
 * computed by `decideRetry`, happens in `shouldRetry`, on `setTimeout`, so fake timers drive it.
 *
 * @example
 * const twilio = createRetryingProvider({ provider: createTwilioProvider(settings), attempts: 4, maxDelayMs: 5_000 });
 */
export function createRetryingProvider(options: RetryingProviderOptions): RetryingProvider {
  const { provider } = options;
  const clock = options.clock ?? systemClock;
  const settings = readRetryOptions(
    Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'provider' && key !== 'clock')),
    'options',
  );
  return {
    specificationVersion: 'v1',
    id: provider.id,
    ...(provider.capabilities === undefined ? {} : { capabilities: provider.capabilities }),
    ready: async (): Promise<void> => {
      await provider.ready?.();
    },
    async send(request: ProviderSendRequest, sendOptions?: ReliableSendOptions): Promise<ProviderSendResult> {
      const startedAt = clock.now();
      const ttlMs = request.validityPeriodSeconds === undefined ? Infinity : request.validityPeriodSeconds * 1000;
      const budgetMs = Math.min(settings.maxTotalMs, ttlMs);
      const signal = sendOptions?.signal;
      const errors: SmsError[] = [];
      try {
        return await pRetry(
          (attemptNumber) => {
            if (attemptNumber > 1 && signal?.aborted === true) throw abortedBeforeRetry(provider.id);
            return sendReportingAttempt(provider, withRemainingValidity(request, ttlMs, clock.now() - startedAt), sendOptions, clock);
          },
          {
            retries: settings.attempts - 1,
            // The waits are decideRetry's, taken in shouldRetry: p-retry's own backoff is zero.
            factor: 1,
            minTimeout: 0,
            maxTimeout: 0,
            randomize: false,
            maxRetryTime: budgetMs,
            // Aborts are turned into typed errors here (before an attempt, during a wait) instead of
            // p-retry rethrowing the bare abort reason.
            signal: undefined,
            // A pending retry keeps the process alive: a send is never dropped by an exiting process.
            unref: false,
            onFailedAttempt: ({ error }) => {
              errors.push(toSmsError(error, provider.id));
            },
            shouldConsumeRetry: () => true,
            shouldRetry: async ({ attemptNumber }) => {
              const error = errors.at(-1) as SmsError;
              const decision = decideRetry({ error, retryNumber: attemptNumber, remainingMs: budgetMs - (clock.now() - startedAt), settings });
              if (!decision.retry) return false;
              try {
                await sendOptions?.onRetry?.({ attempt: attemptNumber + 1, delayMs: decision.delayMs, provider: decision.cause.provider ?? null, error: decision.cause });
              } catch {
                // A listener's failure never changes the send (the service reports its own).
              }
              return sleep(decision.delayMs, signal);
            },
          },
        );
      } catch (thrown) {
        const error = toSmsError(thrown, provider.id);
        if (error.outcomeUnknown || error.fault !== 'provider' || errors.length <= 1) throw error;
        throw createFinalFailure(errors, 'Every attempt failed without sending the message');
      }
    },
  };
}

/** A retried request may only be delivered within the validity that is left (docs/reliability.md#retries). */
function withRemainingValidity(request: ProviderSendRequest, ttlMs: number, elapsedMs: number): ProviderSendRequest {
  if (request.validityPeriodSeconds === undefined || elapsedMs <= 0) return request;
  return { ...request, validityPeriodSeconds: Math.max(1, Math.floor((ttlMs - elapsedMs) / 1000)) };
}

function abortedBeforeRetry(provider: string): SmsError {
  return new SmsError({
    code: 'TIMEOUT',
    reason: 'ABORTED',
    message: `The send was aborted while waiting to retry "${provider}"; the message was not sent.`,
    retryable: false,
    fault: 'request',
    outcomeUnknown: false,
    provider,
  });
}
