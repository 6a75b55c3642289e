/**
 * Where time comes from. Injected everywhere time matters (timestamps, windows, backoff) so tests never
 * sleep on real timers.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
