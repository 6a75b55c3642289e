import { systemClock, type Clock } from '../clock';
import { SmsError } from '../errors/sms-error';
import type { ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';
import { toSmsError } from '../providers/to-sms-error';
import { readCircuitBreakerOptions, type CircuitBreakerOptions } from './circuit-breaker-options';
import { createCircuitBreaker } from './create-circuit-breaker';
import type { ProviderHealth } from './provider-health';
import type { ReliableSendOptions } from './reliable-send-options';

export interface CircuitBreakerProviderOptions extends CircuitBreakerOptions {
  provider: SmsProvider;
  clock?: Clock;
}

export interface CircuitBreakerProvider extends SmsProvider {
  /** The breaker's current state. */
  health(): ProviderHealth;
}

/**
 * Wraps a provider in its own circuit breaker ({@link createCircuitBreaker}) so a dead provider is
 * skipped without waiting for its timeouts. While the circuit is open, `send` rejects at once without
 * calling the provider: `PROVIDER_ERROR`, reason `CIRCUIT_OPEN`, provider fault, not sent (so failover
 * moves on), `retryAfterMs` until the probe. Only provider faults count, unknown outcomes included
 * (a provider that times out is unhealthy); request faults and aborts never trip it (opossum's
 * `errorFilter`, docs/reliability.md#circuit-breaker-model).
 *
 * @example
 * const twilio = createCircuitBreakerProvider({ provider: createTwilioProvider(settings), failureThreshold: 5, cooldownMs: 30_000 });
 * twilio.health().state; // 'closed'
 */
export function createCircuitBreakerProvider(options: CircuitBreakerProviderOptions): CircuitBreakerProvider {
  const { provider } = options;
  const clock = options.clock ?? systemClock;
  const settings = readCircuitBreakerOptions(
    Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'provider' && key !== 'clock')),
    'options',
  );
  const breaker = createCircuitBreaker(settings, clock);
  return {
    specificationVersion: 'v1',
    id: provider.id,
    ...(provider.capabilities === undefined ? {} : { capabilities: provider.capabilities }),
    ready: async (): Promise<void> => {
      await provider.ready?.();
    },
    async send(request: ProviderSendRequest, sendOptions?: ReliableSendOptions): Promise<ProviderSendResult> {
      const pass = breaker.acquire();
      if (pass === undefined) throw circuitOpen(provider.id, breaker.snapshot().probeAt, clock.now());
      try {
        const result = await provider.send(request, sendOptions);
        pass.succeeded();
        return result;
      } catch (thrown) {
        const error = toSmsError(thrown, provider.id);
        if (error.fault === 'provider') pass.failed();
        else pass.released();
        throw error;
      }
    },
    health() {
      const snapshot = breaker.snapshot();
      return {
        provider: provider.id,
        state: snapshot.state,
        consecutiveFailures: snapshot.consecutiveFailures,
        probeAt: snapshot.probeAt === undefined ? null : new Date(snapshot.probeAt).toISOString(),
      };
    },
  };
}

function circuitOpen(provider: string, probeAt: number | undefined, now: number): SmsError {
  // Half-open with its probe running has no probe time: the probe decides within one attempt.
  const retryAfterMs = probeAt === undefined ? undefined : Math.max(0, probeAt - now);
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'CIRCUIT_OPEN',
    message:
      retryAfterMs === undefined
        ? `"${provider}" is being probed after repeated failures; it was skipped and the message was not sent.`
        : `"${provider}" failed repeatedly and its circuit is open; it was skipped and the message was not sent. It is probed again in ${retryAfterMs} ms.`,
    retryable: true,
    fault: 'provider',
    outcomeUnknown: false,
    provider,
    retryAfterMs,
  });
}
