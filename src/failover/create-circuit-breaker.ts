import type { Clock } from '../clock';
import type { ResolvedCircuitBreakerOptions } from './circuit-breaker-options';
import type { CircuitState } from './provider-health';

/** Permission for one call through a breaker; tell it how the call ended, exactly once. */
export interface CircuitPass {
  /** The provider answered with success. */
  succeeded(): void;
  /** A provider fault: counts towards opening the circuit, re-opens it after a failed probe. */
  failed(): void;
  /** Says nothing about the provider's health (a request fault, an abort): no count, the probe slot is freed. */
  released(): void;
}

export interface CircuitSnapshot {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** Epoch ms the open circuit lets a probe through; undefined unless open. */
  readonly probeAt: number | undefined;
}

export interface CircuitBreaker {
  /** A pass, or undefined when the circuit is open (or half-open with its probe already running). */
  acquire(): CircuitPass | undefined;
  snapshot(): CircuitSnapshot;
}

/**
 * A consecutive-failure circuit breaker on an injectable clock (modelled on cockatiel's
 * `ConsecutiveBreaker` and its half-open test, docs/reliability.md#circuit-breaker-model): `failureThreshold` failures in a
 * row open it; after `cooldownMs` it is half-open and lets exactly one probe through; the probe's
 * success closes it, its failure re-opens it for another cooldown. Results of calls that started
 * before the circuit opened are ignored once it is open.
 *
 * @example
 * const breaker = createCircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 }, systemClock);
 * const pass = breaker.acquire();
 * if (pass === undefined) skipProvider();
 */
export function createCircuitBreaker(options: ResolvedCircuitBreakerOptions, clock: Clock): CircuitBreaker {
  let consecutiveFailures = 0;
  let openedAt: number | undefined;
  let probeRunning = false;

  const state = (): CircuitState => {
    if (openedAt === undefined) return 'closed';
    return clock.now() >= openedAt + options.cooldownMs ? 'half-open' : 'open';
  };
  const open = (): void => {
    openedAt = clock.now();
    probeRunning = false;
  };

  return {
    acquire() {
      const current = state();
      if (current === 'open' || (current === 'half-open' && probeRunning)) return undefined;
      const probe = current === 'half-open';
      if (probe) probeRunning = true;
      let settled = false;
      const settle = (outcome: 'succeeded' | 'failed' | 'released'): void => {
        if (settled) return;
        settled = true;
        if (probe) {
          probeRunning = false;
          if (outcome === 'succeeded') {
            openedAt = undefined;
            consecutiveFailures = 0;
          } else if (outcome === 'failed') {
            consecutiveFailures += 1;
            open();
          }
          return;
        }
        if (openedAt !== undefined) return;
        if (outcome === 'succeeded') consecutiveFailures = 0;
        if (outcome === 'failed') {
          consecutiveFailures += 1;
          if (consecutiveFailures >= options.failureThreshold) open();
        }
      };
      return {
        succeeded: () => settle('succeeded'),
        failed: () => settle('failed'),
        released: () => settle('released'),
      };
    },
    snapshot() {
      const current = state();
      return {
        state: current,
        consecutiveFailures,
        probeAt: current === 'open' && openedAt !== undefined ? openedAt + options.cooldownMs : undefined,
      };
    },
  };
}
