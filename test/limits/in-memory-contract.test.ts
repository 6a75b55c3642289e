import { describe, it } from 'vitest';
import { InMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { InMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';
import { runRateLimiterContract } from '../../src/testing';

let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };

runRateLimiterContract({
  describe,
  it,
  name: 'memory',
  createLimiter: () => new InMemoryQuotaLimiter({ clock }),
  createPacer: () => new InMemorySenderPacer({ clock }),
  advanceTime: async (milliseconds) => {
    now += milliseconds;
  },
});
