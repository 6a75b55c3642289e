/**
 * The sender pacing port: hands out send slots per sender so one number never goes faster than its
 * provider allows (Twilio long codes about 1 message/s, toll-free and short codes more). A send waits
 * for its slot instead of being refused, up to a bound. `InMemorySenderPacer` paces within one process;
 * `RedisRateLimiter` paces across every process that shares the Redis server.
 */
export interface PaceRequest {
  /** The sender's key, e.g. `twilio:+14155550100`. */
  readonly key: string;
  /** Milliseconds between two sends of this sender: a whole number of 1 or more. */
  readonly intervalMs: number;
  /** Longest wait accepted; a slot further away is refused and nothing is reserved. */
  readonly maxWaitMs: number;
}

export interface PaceDecision {
  /** True when a slot was reserved. */
  readonly accepted: boolean;
  /** When accepted: milliseconds to wait before sending (0: send now). */
  readonly waitMs: number;
  /** When refused: milliseconds until a slot within `maxWaitMs` would be free. */
  readonly retryAfterMs: number | undefined;
  /** Set when the store failed and the insurance pacer answered instead. */
  readonly storeError: Error | undefined;
}

export interface SenderPacer {
  /** Reserves the sender's next slot, or refuses when it is more than `maxWaitMs` away. */
  reserve(request: PaceRequest): Promise<PaceDecision>;
}
