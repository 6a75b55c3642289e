/** The state of a provider's circuit breaker; `disabled` when the service runs without breakers. */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface ProviderHealth {
  readonly provider: string;
  /**
   * `closed`: sends go through. `open`: the provider is skipped (not sent, `CIRCUIT_OPEN`) until
   * `probeAt`. `half-open`: the next send is a single probe that closes or re-opens the circuit.
   */
  readonly state: CircuitState | 'disabled';
  /** Provider-fault failures in a row since the last success. */
  readonly consecutiveFailures: number;
  /** ISO 8601 time the open circuit lets a probe through; null unless `open`. */
  readonly probeAt: string | null;
}

/** What `SMSService.health()` reports. */
export interface ServiceHealth {
  /** `ok`: no circuit open. `degraded`: some providers are skipped. `down`: every circuit is open. */
  readonly status: 'ok' | 'degraded' | 'down';
  readonly providers: readonly ProviderHealth[];
}
