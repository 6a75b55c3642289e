import { systemClock, type Clock } from '../clock';
import type { SmsProvider } from '../providers/provider';
import { readCircuitBreakerOptions, type CircuitBreakerOptions } from './circuit-breaker-options';
import { createCircuitBreakerProvider, type CircuitBreakerProvider } from './create-circuit-breaker-provider';
import { createFailoverProvider } from './create-failover-provider';
import { createRetryingProvider, type RetryingProvider } from './create-retrying-provider';
import { readFailoverOptions, type FailoverOptions } from './failover-options';
import type { ProviderHealth } from './provider-health';
import { trackReadiness, type ProviderReadiness } from './provider-readiness';
import { readRetryOptions, type RetryOptions } from './retry-options';

export interface ReliableProviderOptions {
  /** Providers in their default order, e.g. `[twilio, telnyx]`. */
  providers: readonly SmsProvider[];
  clock?: Clock;
  failover?: FailoverOptions;
  /** `false` turns retries off. */
  retry?: RetryOptions | false;
  /** `false` turns circuit breakers off. */
  circuitBreaker?: CircuitBreakerOptions | false;
}

export interface ReliableProvider extends RetryingProvider {
  /** Each provider's circuit state, in the configured order. */
  health(): readonly ProviderHealth[];
  /**
   * Runs every provider's `ready()` preflight (all at once) and reports each, in the configured order;
   * never throws. A provider found not ready is reported `unavailable` by `health()` until it is ready.
   */
  readiness(): Promise<readonly ProviderReadiness[]>;
  /** Longest time retries may take (`retry.maxTotalMs`), 0 without retries. */
  readonly retryBudgetMs: number;
}

/**
 * The provider stack `SMSService` sends through, one decorator per behaviour:
 *
 * retries (p-retry, the whole failover round) → failover (order, strategy, unknown-outcome policy)
 * → one circuit breaker per provider → the adapters.
 *
 * A healthy next provider is tried at once rather than after the first one's backoff; retries start
 * only when every provider of the round failed without sending (docs/reliability.md#how-a-send-goes-through-the-providers:
 * stop on sent, request fault, unknown outcome). Options are checked here and named `options.failover…`,
 * `options.retry…`, `options.circuitBreaker…`.
 *
 * @example
 * const provider = createReliableProvider({ providers: [twilio, telnyx], retry: { attempts: 4 }, circuitBreaker: { failureThreshold: 3 } });
 * provider.health(); // [{ provider: 'twilio', state: 'closed', … }, { provider: 'telnyx', … }]
 */
export function createReliableProvider(options: ReliableProviderOptions): ReliableProvider {
  const clock = options.clock ?? systemClock;
  const failover = readFailoverOptions(options.failover, 'options.failover');
  const retry = options.retry === false ? false : readRetryOptions(options.retry, 'options.retry');
  const breaker = options.circuitBreaker === false ? false : readCircuitBreakerOptions(options.circuitBreaker, 'options.circuitBreaker');

  const tracked = options.providers.map(trackReadiness);
  const guarded: readonly (SmsProvider | CircuitBreakerProvider)[] =
    breaker === false ? tracked : tracked.map((provider) => createCircuitBreakerProvider({ provider, clock, ...breaker }));
  const single = options.providers.length === 1 ? options.providers[0] : undefined;
  const chain = createFailoverProvider({ providers: guarded, clock, id: single?.id ?? 'failover', ...failover });
  const outer = retry === false ? chain : createRetryingProvider({ provider: chain, clock, ...retry });

  return {
    specificationVersion: 'v1',
    id: outer.id,
    ...(outer.capabilities === undefined ? {} : { capabilities: outer.capabilities }),
    send: (request, sendOptions) => outer.send(request, sendOptions),
    ready: () => outer.ready?.() ?? Promise.resolve(),
    retryBudgetMs: retry === false ? 0 : retry.maxTotalMs,
    health: () =>
      guarded.map((provider, index) => {
        const health: ProviderHealth = 'health' in provider ? provider.health() : { provider: provider.id, state: 'disabled', consecutiveFailures: 0, probeAt: null };
        const unavailable = tracked[index]?.unavailable();
        return unavailable === undefined ? health : { ...health, unavailable: { reason: unavailable.reason, message: unavailable.message } };
      }),
    readiness: () =>
      Promise.all(
        tracked.map(async (provider, index): Promise<ProviderReadiness> => {
          const role = index === 0 ? 'primary' : 'fallback';
          try {
            await provider.ready();
            return { provider: provider.id, role, ready: true, error: null };
          } catch {
            return { provider: provider.id, role, ready: false, error: provider.unavailable() ?? null };
          }
        }),
      ),
  };
}
