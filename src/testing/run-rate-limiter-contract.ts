import assert from 'node:assert/strict';
import { SmsError } from '../errors/sms-error';
import type { QuotaCounter, QuotaLimiter } from '../limits/quota-limiter';
import type { SenderPacer } from '../limits/sender-pacer';
import type { ContractTestApi } from './contract-test-api';

export interface RateLimiterContractOptions extends ContractTestApi {
  /** Name shown in the suite title, e.g. `memory` or `redis`. */
  name: string;
  /** Makes a limiter over an empty key space for each test. */
  createLimiter: () => QuotaLimiter | Promise<QuotaLimiter>;
  /** Makes a pacer over an empty key space; leave out when the implementation does not pace senders. */
  createPacer?: () => SenderPacer | Promise<SenderPacer>;
  /** Moves time on: a fake clock's advance for an in-memory limiter, a real wait for a server. */
  advanceTime: (milliseconds: number) => Promise<void>;
  /** Window length used by the tests. Default 1000; with real time use a short one such as 400. */
  windowMs?: number;
  /** Slack on waits measured with a real clock (time passes between calls). Default 0: exact. */
  toleranceMs?: number;
}

/**
 * The behaviour every `QuotaLimiter` (and `SenderPacer`) must have; run it against your own adapter.
 * The core promises: a charge is all-or-nothing across its counters, a refused charge spends nothing,
 * and concurrent charges never admit more than a limit (docs/quotas.md#how-exactness-is-guaranteed).
 *
 * @example
 * import { describe, it } from 'vitest';
 * let now = 0;
 * const clock = { now: () => now };
 * runRateLimiterContract({
 *   describe, it, name: 'memory',
 *   createLimiter: () => createInMemoryQuotaLimiter({ clock }),
 *   createPacer: () => createInMemorySenderPacer({ clock }),
 *   advanceTime: async (milliseconds) => { now += milliseconds; },
 * });
 */
export function runRateLimiterContract(options: RateLimiterContractOptions): void {
  const { describe, it, createLimiter, advanceTime } = options;
  const windowMs = options.windowMs ?? 1000;
  const tolerance = options.toleranceMs ?? 0;
  const counter = (key: string, limit: number, cost = 1, durationMs = windowMs, name = 'hourly'): QuotaCounter => ({ name, key, limit, durationMs, cost });

  describe(`QuotaLimiter contract: ${options.name}`, () => {
    it('admits up to the limit, then refuses naming the counter, with retryAfterMs and resetAt', async () => {
      const limiter = await createLimiter();
      for (const remaining of [2, 1, 0]) {
        const decision = await limiter.consume([counter('tenant:a:hourly', 3)]);
        assert.equal(decision.allowed, true);
        assert.equal(decision.counters[0]?.remaining, remaining);
        assert.equal(decision.storeError, undefined);
      }
      const refused = await limiter.consume([counter('tenant:a:hourly', 3)]);
      assert.equal(refused.allowed, false);
      assert.equal(refused.refusedBy?.name, 'hourly');
      assert.equal(refused.refusedBy?.used, 3);
      assert.ok(refused.retryAfterMs !== undefined && refused.retryAfterMs > 0 && refused.retryAfterMs <= windowMs, `retryAfterMs ${refused.retryAfterMs}`);
      assert.ok(refused.refusedBy?.resetAt !== null && refused.refusedBy?.resetAt !== undefined);
    });

    it('spends nothing on any counter when one of them refuses', async () => {
      const limiter = await createLimiter();
      const charge = [counter('tenant:b:hourly', 5), counter('tenant:b:daily', 2, 1, windowMs * 10, 'daily')];
      assert.equal((await limiter.consume(charge)).allowed, true);
      assert.equal((await limiter.consume(charge)).allowed, true);
      const refused = await limiter.consume(charge);
      assert.equal(refused.allowed, false);
      assert.equal(refused.refusedBy?.name, 'daily');
      const reading = await limiter.peek(charge);
      assert.deepEqual(
        reading.counters.map((state) => [state.name, state.used, state.remaining]),
        [
          ['hourly', 2, 3],
          ['daily', 2, 0],
        ],
      );
    });

    it('names the counter that holds the send back longest when several are full', async () => {
      const limiter = await createLimiter();
      const charge = [counter('tenant:c:hourly', 1), counter('tenant:c:daily', 1, 1, windowMs * 10, 'daily')];
      assert.equal((await limiter.consume(charge)).allowed, true);
      const refused = await limiter.consume(charge);
      assert.equal(refused.refusedBy?.name, 'daily');
      assert.ok((refused.retryAfterMs ?? 0) > windowMs, `retryAfterMs ${refused.retryAfterMs}`);
    });

    it('charges the cost in points and refuses a cost above what remains', async () => {
      const limiter = await createLimiter();
      assert.equal((await limiter.consume([counter('tenant:d:hourly', 5, 3)])).allowed, true);
      const refused = await limiter.consume([counter('tenant:d:hourly', 5, 3)]);
      assert.equal(refused.allowed, false);
      assert.equal(refused.refusedBy?.used, 3);
      const fits = await limiter.consume([counter('tenant:d:hourly', 5, 2)]);
      assert.equal(fits.allowed, true);
      assert.equal(fits.counters[0]?.used, 5);
      assert.equal(fits.counters[0]?.remaining, 0);
    });

    it('reports a cost above the whole limit as never fitting, without retryAfterMs', async () => {
      const limiter = await createLimiter();
      const refused = await limiter.consume([counter('tenant:e:hourly', 10), counter('tenant:e:daily', 2, 3, windowMs, 'daily')]);
      assert.equal(refused.allowed, false);
      assert.equal(refused.refusedBy?.name, 'daily');
      assert.equal(refused.retryAfterMs, undefined);
      assert.equal((await limiter.peek([counter('tenant:e:hourly', 10)])).counters[0]?.used, 0);
    });

    it('keeps keys independent: one at its limit does not affect another', async () => {
      const limiter = await createLimiter();
      assert.equal((await limiter.consume([counter('tenant:f1:hourly', 1)])).allowed, true);
      assert.equal((await limiter.consume([counter('tenant:f1:hourly', 1)])).allowed, false);
      const other = await limiter.consume([counter('tenant:f2:hourly', 1)]);
      assert.equal(other.allowed, true);
      assert.equal(other.counters[0]?.used, 1);
    });

    it('admits exactly the limit under concurrent charges over two windows', async () => {
      const limiter = await createLimiter();
      const charge = [counter('tenant:g:hourly', 25), counter('tenant:g:daily', 40, 1, windowMs * 10, 'daily')];
      const decisions = await Promise.all(Array.from({ length: 60 }, () => limiter.consume(charge)));
      assert.equal(decisions.filter((decision) => decision.allowed).length, 25);
      const reading = await limiter.peek(charge);
      assert.deepEqual(
        reading.counters.map((state) => state.used),
        [25, 25],
      );
    });

    it('reads without charging; a counter never charged reads 0 with no window', async () => {
      const limiter = await createLimiter();
      const fresh = await limiter.peek([counter('tenant:h:hourly', 4)]);
      assert.deepEqual(fresh.counters[0], { name: 'hourly', key: 'tenant:h:hourly', limit: 4, used: 0, remaining: 4, resetAt: null });
      await limiter.consume([counter('tenant:h:hourly', 4, 3)]);
      await limiter.peek([counter('tenant:h:hourly', 4)]);
      const reading = await limiter.peek([counter('tenant:h:hourly', 4)]);
      assert.equal(reading.counters[0]?.used, 3);
      assert.equal(reading.counters[0]?.remaining, 1);
      assert.ok((reading.counters[0]?.resetAt ?? 0) > 0);
    });

    it('opens the window at the first charge and starts again from zero once it ends', async () => {
      const limiter = await createLimiter();
      const first = await limiter.consume([counter('tenant:i:hourly', 2)]);
      await advanceTime(windowMs / 2);
      const second = await limiter.consume([counter('tenant:i:hourly', 2)]);
      assert.ok(Math.abs((second.counters[0]?.resetAt ?? 0) - (first.counters[0]?.resetAt ?? 0)) <= tolerance, 'the second charge is in the same window');
      assert.equal((await limiter.consume([counter('tenant:i:hourly', 2)])).allowed, false);
      await advanceTime(windowMs / 2 + tolerance + 1);
      const next = await limiter.consume([counter('tenant:i:hourly', 2)]);
      assert.equal(next.allowed, true);
      assert.equal(next.counters[0]?.used, 1);
    });

    it('refuses a malformed charge with a ValidationError, before charging anything', async () => {
      const limiter = await createLimiter();
      await assert.rejects(limiter.consume([counter('tenant:j:hourly', 5, 1.5)]), (error: unknown) => SmsError.isInstance(error) && error.code === 'VALIDATION_ERROR');
      await assert.rejects(limiter.consume([counter('tenant:j:hourly', 5), counter('tenant:j:hourly', 5)]), (error: unknown) => SmsError.isInstance(error) && error.code === 'VALIDATION_ERROR');
      assert.equal((await limiter.peek([counter('tenant:j:hourly', 5)])).counters[0]?.used, 0);
    });
  });

  const { createPacer } = options;
  if (createPacer === undefined) return;
  describe(`SenderPacer contract: ${options.name}`, () => {
    const interval = Math.max(Math.round(windowMs / 4), 10);
    const near = (actual: number, expected: number) => assert.ok(actual <= expected && actual >= expected - tolerance, `waited ${actual}, expected ${expected}`);

    it('spaces one sender by the interval and never delays another sender', async () => {
      const pacer = await createPacer();
      const request = { key: 'twilio:+14155550100', intervalMs: interval, maxWaitMs: interval * 10 };
      near((await pacer.reserve(request)).waitMs, 0);
      near((await pacer.reserve(request)).waitMs, interval);
      near((await pacer.reserve(request)).waitMs, interval * 2);
      const other = await pacer.reserve({ ...request, key: 'twilio:+14155550101' });
      assert.equal(other.accepted, true);
      assert.equal(other.waitMs, 0);
    });

    it('refuses a slot beyond maxWaitMs without reserving it', async () => {
      const pacer = await createPacer();
      const request = { key: 'telnyx:+14155550102', intervalMs: interval, maxWaitMs: Math.round(interval * 1.5) };
      await pacer.reserve(request);
      await pacer.reserve(request);
      const refused = await pacer.reserve(request);
      assert.equal(refused.accepted, false);
      assert.ok(refused.retryAfterMs !== undefined && refused.retryAfterMs > 0 && refused.retryAfterMs <= interval / 2, `retryAfterMs ${refused.retryAfterMs}`);
      assert.equal((await pacer.reserve(request)).accepted, false, 'the refusal reserved nothing');
      await advanceTime(interval);
      const accepted = await pacer.reserve(request);
      assert.equal(accepted.accepted, true);
      near(accepted.waitMs, interval);
    });

    it('lets a sender go at once after its slots have passed', async () => {
      const pacer = await createPacer();
      const request = { key: 'twilio:12345', intervalMs: interval, maxWaitMs: interval * 10 };
      await pacer.reserve(request);
      await pacer.reserve(request);
      await advanceTime(interval * 2 + tolerance);
      assert.equal((await pacer.reserve(request)).waitMs, 0);
    });
  });
}
