import { describe, expect, it } from 'vitest';
import type { QuotaEvent } from '../../src/events/quota-event';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import { QuotaGate } from '../../src/limits/quota-gate';
import type { QuotaCounter, QuotaLimiter } from '../../src/limits/quota-limiter';
import { QuotaNotifier } from '../../src/limits/quota-notifier';
import type { GuardOptions, QuotaOptions } from '../../src/limits/quota-options';
import { readLimitOptions } from '../../src/limits/read-quota-options';
import type { ValidatedSendRequest } from '../../src/messages/send-request';

const start = Date.UTC(2026, 0, 1, 9);
const request = (overrides: Partial<ValidatedSendRequest> = {}): ValidatedSendRequest => ({
  to: '+14155550100',
  country: undefined,
  from: undefined,
  body: 'Hi',
  mediaUrls: [],
  tenantId: undefined,
  idempotencyKey: undefined,
  correlationId: undefined,
  validityPeriodSeconds: undefined,
  sendAt: undefined,
  metadata: {},
  ...overrides,
});

function gate(quotas: QuotaOptions | undefined, guards?: GuardOptions) {
  let now = start;
  const clock = { now: () => now };
  const events: QuotaEvent[] = [];
  const policy = readLimitOptions({ limiter: createInMemoryQuotaLimiter({ clock }), ...quotas, onEvent: (event) => void events.push(event) }, guards, clock);
  if (policy === undefined) throw new Error('no policy');
  const notifier = new QuotaNotifier({ onEvent: policy.onEvent, clock, generateId: () => 'id', logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  return { gate: new QuotaGate(policy, notifier), events, advance: (ms: number) => (now += ms) };
}

describe('QuotaGate', () => {
  it('admits up to the hourly limit, then refuses with the tenant window and a retry time', async () => {
    const { gate: quota, advance } = gate({ hourly: 2 });
    await quota.admit(request({ tenantId: 'org-1' }), 1);
    await quota.admit(request({ tenantId: 'org-1' }), 1);
    advance(60_000);
    const error = await quota.admit(request({ tenantId: 'org-1' }), 1).catch((caught: unknown) => caught);
    expect(QuotaExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ window: 'hourly', limit: 2, tenantId: 'org-1', retryAfterMs: 3_540_000, reason: 'TENANT_QUOTA_EXCEEDED' });
    expect((error as Error).message).toBe('Tenant "org-1" reached its hourly limit of 2 messages; retry in 59 min.');
    await quota.admit(request({ tenantId: 'org-2' }), 1);
  });

  it('charges segments with cost: segment and counts the default tenant without an id', async () => {
    const { gate: quota } = gate({ daily: 5, cost: 'segment' });
    await quota.admit(request(), 3);
    await expect(quota.admit(request(), 3)).rejects.toMatchObject({ window: 'daily', tenantId: 'default', message: expect.stringContaining('5 segments') as unknown });
    expect(await quota.read(undefined)).toMatchObject({ tenantId: 'default', hourly: null, daily: { limit: 5, used: 3, remaining: 2 }, degraded: false });
  });

  it('uses perTenant limits over the defaults, null lifting a window', async () => {
    const { gate: quota } = gate({ hourly: 1, perTenant: { big: { hourly: null, daily: 3 } } });
    await quota.admit(request({ tenantId: 'big' }), 1);
    await quota.admit(request({ tenantId: 'big' }), 1);
    await expect(quota.admit(request({ tenantId: 'big' }), 1).then(() => quota.admit(request({ tenantId: 'big' }), 1))).rejects.toMatchObject({ window: 'daily', limit: 3 });
    const reading = await quota.read('big');
    expect(reading.hourly).toBeNull();
    expect(reading.daily).toMatchObject({ used: 3, remaining: 0, resetAt: new Date(start + 86_400_000).toISOString() });
  });

  it('checks what a perTenant function answers, and reports its failure as not sent', async () => {
    const bad = gate({ perTenant: () => ({ hourly: 0 }) });
    await expect(bad.gate.admit(request({ tenantId: 'a' }), 1)).rejects.toThrow('options.quotas.perTenant("a").hourly');
    const failing = gate({ perTenant: () => Promise.reject(new Error('db down')) });
    await expect(failing.gate.admit(request({ tenantId: 'a' }), 1)).rejects.toMatchObject({ reason: 'LIMIT_LOOKUP_FAILED', outcomeUnknown: false });
  });

  it('guards one destination per tenant and names it masked', async () => {
    const { gate: quota } = gate(undefined, { perDestination: { limit: 1 }, perPrefix: false });
    await quota.admit(request({ tenantId: 'a' }), 1);
    await quota.admit(request({ tenantId: 'b' }), 1);
    const error = await quota.admit(request({ tenantId: 'a' }), 1).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ window: 'destination', reason: 'DESTINATION_LIMIT_EXCEEDED', limit: 1 });
    expect((error as Error).message).toBe('Destination +1415•••0100 for tenant "a" reached its per-destination limit of 1 messages; retry in 1 h.');
  });

  it('guards a number block globally by the number without its last four digits', async () => {
    const { gate: quota } = gate(undefined, { perDestination: false, perPrefix: { limit: 2 } });
    await quota.admit(request({ to: '+14155550100', tenantId: 'a' }), 1);
    await quota.admit(request({ to: '+14155550199', tenantId: 'b' }), 1);
    await quota.admit(request({ to: '+14155560100', tenantId: 'a' }), 1);
    await expect(quota.admit(request({ to: '+14155550142', tenantId: 'c' }), 1)).rejects.toMatchObject({ window: 'prefix', reason: 'PREFIX_LIMIT_EXCEEDED' });
  });

  it('warns once when a charge crosses the threshold', async () => {
    const { gate: quota, events } = gate({ hourly: 10, warningThreshold: 0.5 });
    for (let sent = 0; sent < 7; sent += 1) await quota.admit(request({ tenantId: 'org-1' }), 1);
    const warnings = events.filter((event) => event.type === 'sms.quota_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ tenant_id: 'org-1', data: { window: 'hourly', limit: 10, used: 5, remaining: 5, threshold: 0.5 } });
  });

  it('turns a failing limiter into LIMIT_STORE_FAILED and a degraded answer into a notice', async () => {
    const clock = { now: () => start };
    const events: QuotaEvent[] = [];
    const broken: QuotaLimiter = { consume: () => Promise.reject(new Error('ECONNREFUSED')), peek: () => Promise.reject(new Error('ECONNREFUSED')) };
    const policy = readLimitOptions({ limiter: broken, hourly: 1 }, undefined, clock);
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const failing = new QuotaGate(policy!, new QuotaNotifier({ onEvent: undefined, clock, generateId: () => 'id', logger }));
    await expect(failing.admit(request(), 1)).rejects.toMatchObject({ reason: 'LIMIT_STORE_FAILED', retryable: true });

    const insured: QuotaLimiter = {
      consume: (counters: readonly QuotaCounter[]) =>
        Promise.resolve({ allowed: true, counters: counters.map((c) => ({ name: c.name, key: c.key, limit: c.limit, used: 1, remaining: 0, resetAt: null })), refusedBy: undefined, retryAfterMs: undefined, storeError: new Error('redis down') }),
      peek: () => Promise.resolve({ counters: [], storeError: undefined }),
    };
    const degraded = new QuotaGate(readLimitOptions({ limiter: insured, hourly: 1 }, undefined, clock)!, new QuotaNotifier({ onEvent: (event) => void events.push(event), clock, generateId: () => 'id', logger }));
    await degraded.admit(request(), 1);
    expect(events.map((event) => event.type)).toEqual(['sms.quota_degraded']);
  });
});
