import { checkOptionsObject } from '../options/check-options-object';
import { readWholeNumber } from '../options/read-whole-number';

/** A breaker per provider (docs/reliability.md#circuit-breakers): consecutive failures open it, a single probe closes it. */
export interface CircuitBreakerOptions {
  /** Consecutive provider-fault failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long an open circuit skips the provider before letting one probe through, in ms. Default 30 000. */
  cooldownMs?: number;
}

export type ResolvedCircuitBreakerOptions = Required<CircuitBreakerOptions>;

/**
 * Validates circuit breaker options and applies the defaults; `field` names them in errors
 * (`options.circuitBreaker`).
 *
 * @example
 * readCircuitBreakerOptions({ failureThreshold: 3 }, 'options.circuitBreaker').cooldownMs; // 30000
 */
export function readCircuitBreakerOptions(value: unknown, field: string): ResolvedCircuitBreakerOptions {
  const options = checkOptionsObject(field, value, ['failureThreshold', 'cooldownMs']);
  return {
    failureThreshold: readWholeNumber(`${field}.failureThreshold`, options.failureThreshold, 5, { minimum: 1, maximum: 1_000 }),
    cooldownMs: readWholeNumber(`${field}.cooldownMs`, options.cooldownMs, 30_000, { minimum: 1, maximum: 86_400_000 }),
  };
}
