import { describe, it } from 'vitest';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';
import { runRateLimiterContract } from '../../src/testing';

let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };

runRateLimiterContract({
  describe,
  it,
  name: 'memory',
  createLimiter: () => createInMemoryQuotaLimiter({ clock }),
  createPacer: () => createInMemorySenderPacer({ clock }),
  advanceTime: async (milliseconds) => {
    now += milliseconds;
  },
});
