// Cross-module scenario: SMSService quotas and guards per tenant (src/service/sms-service.ts with src/limits/).
import { describe, expect, it, vi } from 'vitest';
import type { QuotaEvent } from '../../src/events/quota-event';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import type { SmsEvent } from '../../src/events/sms-event';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { QuotaExceededError } from '../../src/limits/quota-exceeded-error';
import type { QuotaLimiter } from '../../src/limits/quota-limiter';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 0, 1, 9);

function setup(options: Partial<SMSServiceOptions> = {}) {
  let now = start;
  const clock = { now: () => now };
  const provider = createFakeProvider({ id: 'twilio' });
  const events = createInMemoryEventPublisher();
  const published: SmsEvent[] = [];
  events.subscribe('*', (event) => void published.push(event));
  const notices: QuotaEvent[] = [];
  const sms = new SMSService({ providers: [provider], clock, events, ...options });
  return {
    sms,
    provider,
    published,
    notices,
    advance: (milliseconds: number) => {
      now += milliseconds;
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<QuotaExceededError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!QuotaExceededError.isInstance(error)) throw new Error(`expected a QuotaExceededError, got ${String(error)}`);
  return error;
}

const send = (sms: SMSService, tenantId?: string, to = '+14155552671', body = 'Your code is 123456') => sms.send({ to, body, ...(tenantId === undefined ? {} : { tenantId }) });

describe('SMSService quotas: hourly and daily windows per tenant', () => {
  it('admits up to the hourly limit, then refuses with RATE_LIMITED, retryAfterMs and the window, without calling the provider', async () => {
    const { sms, provider, advance } = setup({ quotas: { hourly: 3, daily: 10 } });
    for (let index = 0; index < 3; index += 1) await send(sms, 'org-1');
    advance(20 * 60_000);
    const error = await refusal(send(sms, 'org-1'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'TENANT_QUOTA_EXCEEDED', window: 'hourly', limit: 3, retryAfterMs: 40 * 60_000, retryable: true, tenantId: 'org-1' });
    expect(error.resetAt).toBe(new Date(start + HOUR).toISOString());
    expect(error.message).toBe('Tenant "org-1" reached its hourly limit of 3 messages; retry in 40 min.');
    expect(provider.calls).toHaveLength(3);
  });

  it('enforces the daily window too, and a send refused by one window is charged to neither', async () => {
    const { sms, advance } = setup({ quotas: { hourly: 3, daily: 5 } });
    for (let index = 0; index < 3; index += 1) await send(sms, 'org-1');
    expect((await refusal(send(sms, 'org-1'))).window).toBe('hourly');
    // The refused send did not touch the daily window.
    expect(await sms.quota('org-1')).toMatchObject({ hourly: { used: 3, remaining: 0 }, daily: { used: 3, remaining: 2 } });
    advance(HOUR);
    await send(sms, 'org-1');
    await send(sms, 'org-1');
    const daily = await refusal(send(sms, 'org-1'));
    expect(daily).toMatchObject({ window: 'daily', limit: 5, retryAfterMs: 23 * HOUR });
    expect(await sms.quota('org-1')).toMatchObject({ hourly: { used: 2, remaining: 1 }, daily: { used: 5, remaining: 0 } });
  });

  it('starts a new window once the old one ends (injected clock)', async () => {
    const { sms, advance } = setup({ quotas: { hourly: 2 } });
    await send(sms, 'org-1');
    await send(sms, 'org-1');
    await refusal(send(sms, 'org-1'));
    advance(HOUR - 1);
    await refusal(send(sms, 'org-1'));
    advance(1);
    await expect(send(sms, 'org-1')).resolves.toMatchObject({ status: 'queued' });
    expect(await sms.quota('org-1')).toEqual({
      tenantId: 'org-1',
      hourly: { limit: 2, used: 1, remaining: 1, resetAt: new Date(start + 2 * HOUR).toISOString() },
      daily: null,
      degraded: false,
    });
  });

  it('keeps tenants apart: one at its limit does not affect another', async () => {
    const { sms } = setup({ quotas: { hourly: 1 } });
    await send(sms, 'org-a');
    await refusal(send(sms, 'org-a'));
    await expect(send(sms, 'org-b')).resolves.toMatchObject({ tenantId: 'org-b' });
  });

  it('never charges an invalid request: bad numbers, blocked countries and premium-rate numbers eat no quota', async () => {
    const { sms, provider } = setup({ quotas: { hourly: 1 }, phone: { allowedCountries: ['US'] } });
    await expect(send(sms, 'org-1', '+1415')).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(send(sms, 'org-1', '+447400123456')).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'COUNTRY_NOT_ALLOWED' });
    await expect(send(sms, 'org-1', '+19005550100')).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'BLOCKED_NUMBER_TYPE' });
    await expect(sms.send({ to: '+14155552671', body: 'x'.repeat(2000), tenantId: 'org-1' })).rejects.toMatchObject({ reason: 'BODY_TOO_LONG' });
    expect((await sms.quota('org-1')).hourly).toMatchObject({ used: 0 });
    await send(sms, 'org-1');
    expect(provider.calls).toHaveLength(1);
  });

  it('counts per segment with cost: "segment", and refuses a message longer than the whole limit for good', async () => {
    const { sms } = setup({ quotas: { hourly: 4, cost: 'segment' } });
    await sms.send({ to: '+14155552671', body: 'a'.repeat(306), tenantId: 'org-1' }); // 2 GSM-7 segments
    expect((await sms.quota('org-1')).hourly).toMatchObject({ used: 2, remaining: 2 });
    const tooBig = await refusal(sms.send({ to: '+14155552671', body: 'a'.repeat(459), tenantId: 'org-1' })); // 3 segments
    expect(tooBig).toMatchObject({ reason: 'TENANT_QUOTA_EXCEEDED', window: 'hourly' });
    expect(tooBig.message).toContain('limit of 4 segments');
    const never = await refusal(sms.send({ to: '+14155552671', body: 'a'.repeat(800), tenantId: 'org-2' })); // 6 segments
    expect(never).toMatchObject({ reason: 'COST_ABOVE_LIMIT', retryable: false, retryAfterMs: undefined });
    expect((await sms.quota('org-2')).hourly).toMatchObject({ used: 0 });
  });

  it('charges one point per message by default, whatever the segment count', async () => {
    const { sms } = setup({ quotas: { hourly: 4 } });
    await sms.send({ to: '+14155552671', body: 'a'.repeat(459), tenantId: 'org-1' });
    expect((await sms.quota('org-1')).hourly).toMatchObject({ used: 1 });
  });

  it('takes per-tenant limits from a map over the defaults; null lifts a window', async () => {
    const { sms } = setup({ quotas: { hourly: 1, daily: 100, perTenant: { vip: { hourly: 3 }, unlimited: { hourly: null, daily: null }, constructor: { hourly: 2 } } } });
    for (let index = 0; index < 3; index += 1) await send(sms, 'vip');
    await refusal(send(sms, 'vip'));
    expect(await sms.quota('vip')).toMatchObject({ hourly: { limit: 3 }, daily: { limit: 100 } });
    for (let index = 0; index < 5; index += 1) await send(sms, 'unlimited');
    expect(await sms.quota('unlimited')).toMatchObject({ hourly: null, daily: null });
    // Only the map's own keys count: "toString" is an ordinary tenant with the defaults.
    await send(sms, 'toString');
    await refusal(send(sms, 'toString'));
  });

  it('asks a per-tenant function, sync or async, on each send, and checks its answer', async () => {
    const asked: string[] = [];
    const { sms } = setup({
      quotas: {
        hourly: 1,
        perTenant: async (tenantId) => {
          asked.push(tenantId);
          return tenantId === 'big' ? { hourly: 2 } : undefined;
        },
      },
    });
    await send(sms, 'big');
    await send(sms, 'big');
    await refusal(send(sms, 'big'));
    await send(sms, 'small');
    await refusal(send(sms, 'small'));
    expect(asked).toEqual(['big', 'big', 'big', 'small', 'small']);

    const broken = setup({ quotas: { perTenant: () => ({ hourly: 1.5 }) } });
    await expect(send(broken.sms, 'org-1')).rejects.toThrow('options.quotas.perTenant("org-1").hourly: 1.5 is not a whole number from 1 to 1000000000.');
  });

  it('charges sends without tenantId to the default tenant, which quota() reads without an id', async () => {
    const { sms } = setup({ quotas: { hourly: 2 } });
    await send(sms);
    expect(await sms.quota()).toMatchObject({ tenantId: 'default', hourly: { used: 1 } });
    const named = setup({ quotas: { hourly: 2, defaultTenantId: 'platform' } });
    await send(named.sms);
    expect(await named.sms.quota('platform')).toMatchObject({ hourly: { used: 1 } });
  });

  it('publishes sms.failed with RATE_LIMITED for a refused send', async () => {
    const { sms, published } = setup({ quotas: { hourly: 1 } });
    await send(sms, 'org-1');
    await refusal(send(sms, 'org-1'));
    expect(published.at(-1)).toMatchObject({ type: 'sms.failed', tenant_id: 'org-1', data: { error: { code: 'RATE_LIMITED', reason: 'TENANT_QUOTA_EXCEEDED', retryable: true } } });
  });

  it('sends sms.quota_warning once, with the send that crosses the threshold', async () => {
    const notices: QuotaEvent[] = [];
    const { sms } = setup({ quotas: { hourly: 10, daily: 100, warningThreshold: 0.8, onEvent: (event) => void notices.push(event) }, generateId: () => 'event-1' });
    for (let index = 0; index < 7; index += 1) await send(sms, 'org-1');
    expect(notices).toEqual([]);
    await send(sms, 'org-1');
    await send(sms, 'org-1');
    expect(notices).toEqual([
      {
        type: 'sms.quota_warning',
        schema_version: 1,
        event_id: 'event-1',
        tenant_id: 'org-1',
        timestamp: new Date(start).toISOString(),
        data: { window: 'hourly', limit: 10, used: 8, remaining: 2, threshold: 0.8, reset_at: new Date(start + HOUR).toISOString() },
      },
    ]);
  });

  it('publishes quota notices on the service bus when no onEvent is given', async () => {
    const { sms, published } = setup({ quotas: { hourly: 10, warningThreshold: 0.8 } });
    for (let index = 0; index < 8; index += 1) await send(sms, 'org-1');
    const warnings = published.filter((event) => event.type === 'sms.quota_warning');
    expect(warnings).toEqual([expect.objectContaining({ tenant_id: 'org-1', data: expect.objectContaining({ window: 'hourly', used: 8, remaining: 2 }) })]);
    // The eighth send's own sms.sent follows the warning it triggered.
    expect(published.at(-1)?.type).toBe('sms.sent');
  });

  it('reports a crossing made by a multi-segment charge that jumps over the mark', async () => {
    const notices: QuotaEvent[] = [];
    const { sms } = setup({ quotas: { hourly: 10, cost: 'segment', warningThreshold: 0.5, onEvent: (event) => void notices.push(event) } });
    await sms.send({ to: '+14155552671', body: 'a'.repeat(459), tenantId: 'org-1' }); // 3
    await sms.send({ to: '+14155552671', body: 'a'.repeat(459), tenantId: 'org-1' }); // 6, crosses 5
    await sms.send({ to: '+14155552671', body: 'a'.repeat(459), tenantId: 'org-1' }); // 9
    expect(notices.map((event) => event.type === 'sms.quota_warning' && event.data.used)).toEqual([6]);
  });

  it('reports a limiter without insurance that fails as a not-sent error, never as RATE_LIMITED', async () => {
    const failing: QuotaLimiter = {
      consume: () => Promise.reject(new Error('connection refused')),
      peek: () => Promise.reject(new Error('connection refused')),
    };
    const { sms, provider } = setup({ quotas: { limiter: failing, hourly: 5 } });
    await expect(send(sms, 'org-1')).rejects.toMatchObject({ code: 'PROVIDER_ERROR', reason: 'LIMIT_STORE_FAILED', outcomeUnknown: false, retryable: true });
    expect(provider.calls).toHaveLength(0);
  });

  it('reports a perTenant function that throws or rejects as a not-sent error, never as RATE_LIMITED', async () => {
    const sync = setup({ quotas: { perTenant: () => { throw new Error('database is down'); } } });
    await expect(send(sync.sms, 'org-1')).rejects.toMatchObject({ code: 'PROVIDER_ERROR', reason: 'LIMIT_LOOKUP_FAILED', outcomeUnknown: false });
    const async = setup({ quotas: { perTenant: () => Promise.reject(new Error('database is down')) } });
    await expect(send(async.sms, 'org-1')).rejects.toThrow('options.quotas.perTenant failed (database is down); nothing was sent.');
    expect(sync.provider.calls.length + async.provider.calls.length).toBe(0);
  });

  it('sends no quota warning from insured decisions, whose counters are one process’s share', async () => {
    const notices: QuotaEvent[] = [];
    const memory = createInMemoryQuotaLimiter();
    const insured: QuotaLimiter = {
      consume: async (counters) => ({ ...(await memory.consume(counters)), storeError: new Error('Redis is not ready (connection end)') }),
      peek: (counters) => memory.peek(counters),
    };
    const { sms } = setup({ quotas: { limiter: insured, hourly: 2, warningThreshold: 0.5, onEvent: (event) => void notices.push(event) } });
    await send(sms, 'org-1');
    await send(sms, 'org-1');
    expect(notices.map((event) => event.type)).toEqual(['sms.quota_degraded']);
  });

  it('reports an insured decision once as sms.quota_degraded and its end as sms.quota_recovered', async () => {
    const notices: QuotaEvent[] = [];
    const memory = createInMemoryQuotaLimiter();
    let failing = true;
    const insured: QuotaLimiter = {
      consume: async (counters) => ({ ...(await memory.consume(counters)), storeError: failing ? new Error('Redis is not ready (connection reconnecting)') : undefined }),
      peek: (counters) => memory.peek(counters),
    };
    const { sms, advance } = setup({ quotas: { limiter: insured, hourly: 5, onEvent: (event) => void notices.push(event) } });
    await send(sms, 'org-1');
    await send(sms, 'org-1');
    advance(1500);
    failing = false;
    await send(sms, 'org-1');
    expect(notices.map((event) => [event.type, event.data])).toEqual([
      ['sms.quota_degraded', { component: 'quotas', error: 'Redis is not ready (connection reconnecting)' }],
      ['sms.quota_recovered', { component: 'quotas', degraded_ms: 1500 }],
    ]);
  });

  it('without onEvent, reports an outage and its end through process.emitWarning; a failing handler never fails a send', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const memory = createInMemoryQuotaLimiter();
      let failing = true;
      const insured: QuotaLimiter = {
        consume: async (counters) => ({ ...(await memory.consume(counters)), storeError: failing ? new Error('Connection is closed.') : undefined }),
        peek: (counters) => memory.peek(counters),
      };
      const silent = setup({ quotas: { limiter: insured, hourly: 5 } });
      await send(silent.sms, 'org-1');
      await send(silent.sms, 'org-1');
      failing = false;
      await send(silent.sms, 'org-1');
      expect(warn.mock.calls.map(([message, options]) => [String(message), (options as { code: string }).code])).toEqual([
        ['tools-core quotas limit store failed (Connection is closed.); the per-process insurance limiter decides until it answers again.', 'TOOLS_CORE_QUOTA_DEGRADED'],
        ['tools-core quotas limit store answers again after 0 ms.', 'TOOLS_CORE_QUOTA_RECOVERED'],
      ]);
      warn.mockClear();
      failing = true;
      const throwing = setup({ quotas: { limiter: insured, hourly: 5, warningThreshold: 0.5, onEvent: () => { throw new Error('handler broke'); } } });
      await expect(send(throwing.sms, 'org-2')).resolves.toMatchObject({ status: 'queued' });
      const rejecting = setup({ quotas: { limiter: insured, hourly: 5, onEvent: () => Promise.reject(new Error('handler rejected')) } });
      await expect(send(rejecting.sms, 'org-3')).resolves.toMatchObject({ status: 'queued' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual(['A sms.quota_degraded handler failed: handler broke', 'A sms.quota_degraded handler failed: handler rejected']);
    } finally {
      warn.mockRestore();
    }
  });

  it('returns no windows from quota() when no quota is configured', async () => {
    const { sms } = setup();
    expect(await sms.quota('org-1')).toEqual({ tenantId: 'org-1', hourly: null, daily: null, degraded: false });
  });
});

describe('SMSService guards: per destination and per number block (SMS pumping)', () => {
  it('trips the prefix guard after N sends to one number block, across tenants, and leaves other blocks alone', async () => {
    const { sms, provider } = setup({ guards: { perDestination: false, perPrefix: { limit: 3 } } });
    await send(sms, 'org-1', '+14155551001');
    await send(sms, 'org-2', '+14155551002');
    await send(sms, 'org-3', '+14155551003');
    const error = await refusal(send(sms, 'org-4', '+14155551004'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', reason: 'PREFIX_LIMIT_EXCEEDED', window: 'prefix', limit: 3, retryAfterMs: HOUR });
    expect(error.message).toBe('The number block of +1415•••1004 reached its per-prefix limit of 3 messages; retry in 1 h.');
    expect(JSON.stringify(error)).not.toContain('14155551004');
    await expect(send(sms, 'org-4', '+14155562001')).resolves.toMatchObject({ status: 'queued' });
    expect(provider.calls).toHaveLength(4);
  });

  it('limits sends to one destination per tenant by default, and `guards: {}` turns both guards on with defaults', async () => {
    const { sms } = setup({ guards: {} });
    for (let index = 0; index < 10; index += 1) await send(sms, 'org-1');
    const error = await refusal(send(sms, 'org-1'));
    expect(error).toMatchObject({ reason: 'DESTINATION_LIMIT_EXCEEDED', window: 'destination', limit: 10 });
    expect(error.message).toContain('for tenant "org-1"');
    await expect(send(sms, 'org-2')).resolves.toMatchObject({ status: 'queued' });
  });

  it('charges guards and quota in one step: a send refused by the quota leaves the guard counters untouched', async () => {
    const { sms } = setup({ quotas: { hourly: 1 }, guards: { perDestination: { limit: 1 }, perPrefix: false } });
    await send(sms, 'org-1', '+14155551001');
    await refusal(send(sms, 'org-1', '+14155551002')); // refused by hourly: destination ...002 not charged
    const other = setup({ quotas: { hourly: 1 }, guards: { perDestination: { limit: 1, scope: 'global' }, perPrefix: false } });
    await other.sms.send({ to: '+14155551002', body: 'x', tenantId: 'org-2' });
    await expect(refusal(other.sms.send({ to: '+14155551002', body: 'x', tenantId: 'org-3' }))).resolves.toMatchObject({ window: 'destination' });
  });

  it('shares the guard counters of a global scope between tenants, and keeps tenant scope apart', async () => {
    const tenantScoped = setup({ guards: { perDestination: { limit: 1 }, perPrefix: false } });
    await send(tenantScoped.sms, 'org-1');
    await send(tenantScoped.sms, 'org-2');
    await refusal(send(tenantScoped.sms, 'org-1'));
    const global = setup({ guards: { perDestination: { limit: 1, scope: 'global' }, perPrefix: false } });
    await send(global.sms, 'org-1');
    await refusal(send(global.sms, 'org-2'));
  });
});

describe('SMSService.fromEnv: SMS_RATE_LIMIT and SMS_DAILY_LIMIT become the default tenant quotas', () => {
  const environment = { TELNYX_API_KEY: 'KEY0123456789', TELNYX_PHONE_NUMBER: '+14155550100', SMS_RATE_LIMIT: '100', SMS_DAILY_LIMIT: '500' };

  it('enforces both limits from the environment', async () => {
    const sms = SMSService.fromEnv(environment);
    expect(await sms.quota('org-1')).toMatchObject({ hourly: { limit: 100, remaining: 100 }, daily: { limit: 500, remaining: 500 } });
  });

  it('lets limits given in code win over the environment, and keeps the other options', async () => {
    const sms = SMSService.fromEnv(environment, { quotas: { hourly: 7, warningThreshold: 0.9 } });
    expect(await sms.quota('org-1')).toMatchObject({ hourly: { limit: 7 }, daily: { limit: 500 } });
    const one = SMSService.fromEnv({ ...environment, SMS_DAILY_LIMIT: '' });
    expect(await one.quota('org-1')).toMatchObject({ hourly: { limit: 100 }, daily: null });
    const none = SMSService.fromEnv({ ...environment, SMS_RATE_LIMIT: undefined, SMS_DAILY_LIMIT: undefined });
    expect(await none.quota('org-1')).toMatchObject({ hourly: null, daily: null });
  });
});
