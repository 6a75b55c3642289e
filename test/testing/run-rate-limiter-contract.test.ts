import { describe, expect, it } from 'vitest';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { createInMemorySenderPacer } from '../../src/limits/in-memory-sender-pacer';
import type { QuotaLimiter } from '../../src/limits/quota-limiter';
import type { SenderPacer } from '../../src/limits/sender-pacer';
import { runRateLimiterContract } from '../../src/testing/run-rate-limiter-contract';
import { collectContract, failingTests } from '../support/collect-contract';

function contract(createLimiter: (clock: { now: () => number }) => QuotaLimiter, createPacer?: (clock: { now: () => number }) => SenderPacer) {
  let now = Date.UTC(2026, 0, 1);
  const clock = { now: () => now };
  return collectContract((api) =>
    runRateLimiterContract({
      ...api,
      name: 'under test',
      createLimiter: () => createLimiter(clock),
      ...(createPacer === undefined ? {} : { createPacer: () => createPacer(clock) }),
      advanceTime: async (milliseconds) => {
        now += milliseconds;
      },
    }),
  );
}

describe('runRateLimiterContract', () => {
  it('passes for the in-memory limiter and pacer; the pacer suite only with createPacer', async () => {
    const tests = contract((clock) => createInMemoryQuotaLimiter({ clock }), (clock) => createInMemorySenderPacer({ clock }));
    expect(tests).toHaveLength(13);
    expect(tests.filter((test) => test.name.startsWith('SenderPacer contract: under test > '))).toHaveLength(3);
    expect(await failingTests(tests)).toEqual([]);
    expect(contract((clock) => createInMemoryQuotaLimiter({ clock }))).toHaveLength(10);
  });

  it('catches a limiter that charges the counters one by one (not all-or-nothing)', async () => {
    const piecemeal = (clock: { now: () => number }): QuotaLimiter => {
      const inner = createInMemoryQuotaLimiter({ clock });
      return {
        peek: (counters) => inner.peek(counters),
        consume: async (counters) => {
          const decisions = [];
          for (const counter of counters) decisions.push(await inner.consume([counter]));
          const refused = decisions.find((decision) => !decision.allowed);
          return { ...(refused ?? decisions[0]!), counters: decisions.map((decision) => decision.counters[0]!) };
        },
      };
    };
    const failed = await failingTests(contract(piecemeal));
    expect(failed).toContain('QuotaLimiter contract: under test > spends nothing on any counter when one of them refuses');
    expect(failed).not.toContain('QuotaLimiter contract: under test > keeps keys independent: one at its limit does not affect another');
  });

  it('catches a pacer that never spaces a sender', async () => {
    const eager: SenderPacer = { reserve: () => Promise.resolve({ accepted: true, waitMs: 0, retryAfterMs: undefined, storeError: undefined }) };
    const failed = await failingTests(contract((clock) => createInMemoryQuotaLimiter({ clock }), () => eager));
    expect(failed).toEqual([
      'SenderPacer contract: under test > spaces one sender by the interval and never delays another sender',
      'SenderPacer contract: under test > refuses a slot beyond maxWaitMs without reserving it',
    ]);
  });
});
