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
  /**
   * Present when the provider cannot send at all: its last `ready()` preflight failed, or a send could
   * not load its SDK (reason `SDK_NOT_INSTALLED`, a message naming `npm install telnyx`). Cleared once
   * a preflight or a send succeeds.
   */
  readonly unavailable?: { readonly reason: string; readonly message: string };
}

/** What `SMSService.health()` reports. */
export interface ServiceHealth {
  /**
   * `ok`: every provider can be used. `degraded`: some are skipped (circuit open) or `unavailable`.
   * `down`: none can be used (sends then fail fast).
   */
  readonly status: 'ok' | 'degraded' | 'down';
  readonly providers: readonly ProviderHealth[];
}
