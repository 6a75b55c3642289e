import { describe, expect, it } from 'vitest';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import type { GuardOptions, QuotaOptions } from '../../src/limits/quota-options';
import { checkTenantLimits, MAXIMUM_LIMIT, readLimitOptions } from '../../src/limits/read-quota-options';

const clock = { now: () => 0 };
const HOUR_MS = 3_600_000;

describe('readLimitOptions', () => {
  it('is undefined without quotas and guards', () => {
    expect(readLimitOptions(undefined, undefined, clock)).toBeUndefined();
  });

  it('defaults the policy, guards off without guards', () => {
    const policy = readLimitOptions({ hourly: 100 }, undefined, clock);
    expect(policy).toMatchObject({ hourly: 100, daily: undefined, perTenant: undefined, costPerSegment: false, warningThreshold: undefined, defaultTenantId: 'default', perDestination: undefined, perPrefix: undefined });
    expect(typeof policy?.limiter.consume).toBe('function');
  });

  it('turns both guards on with their defaults for guards: {}, and keeps a given limiter', () => {
    const limiter = createInMemoryQuotaLimiter({ clock });
    const policy = readLimitOptions({ limiter, cost: 'segment', defaultTenantId: 'main' }, {}, clock);
    expect(policy?.limiter).toBe(limiter);
    expect(policy).toMatchObject({ costPerSegment: true, defaultTenantId: 'main' });
    expect(policy?.perDestination).toEqual({ limit: 10, durationMs: HOUR_MS, scope: 'tenant' });
    expect(policy?.perPrefix).toEqual({ limit: 100, durationMs: HOUR_MS, scope: 'global' });
  });

  it('reads a guard rule over the defaults and turns one off with false', () => {
    const policy = readLimitOptions(undefined, { perDestination: { limit: 5 }, perPrefix: false }, clock);
    expect(policy?.perDestination).toEqual({ limit: 5, durationMs: HOUR_MS, scope: 'tenant' });
    expect(policy?.perPrefix).toBeUndefined();
    expect(readLimitOptions(undefined, { perPrefix: { limit: 3, durationMs: 60_000, scope: 'tenant' } }, clock)?.perPrefix).toEqual({ limit: 3, durationMs: 60_000, scope: 'tenant' });
  });

  it.each([
    [{}, 'options.quotas: sets no limit.'],
    [{ hourly: 0 }, 'options.quotas.hourly'],
    [{ daily: MAXIMUM_LIMIT + 1 }, 'options.quotas.daily'],
    [{ hourly: 1, limiter: { consume: () => undefined } }, 'options.quotas.limiter: is not a QuotaLimiter (it needs consume and peek functions).'],
    [{ perTenant: 'x' }, 'options.quotas.perTenant: must be a function or an object'],
    [{ perTenant: { 'org-1': { hourly: -1 } } }, 'options.quotas.perTenant["org-1"].hourly'],
    [{ hourly: 1, cost: 'byte' }, 'options.quotas.cost: "byte" is not a cost.'],
    [{ hourly: 1, warningThreshold: 1 }, 'options.quotas.warningThreshold: 1 is not a share between 0 and 1.'],
    [{ hourly: 1, defaultTenantId: '' }, 'options.quotas.defaultTenantId: is not a string of 1 to 128 characters.'],
    [{ hourly: 1, onEvent: 'x' }, 'options.quotas.onEvent'],
    [{ hourly: 1, monthly: 1 }, 'options.quotas.monthly: is not a known option.'],
  ])('refuses quotas %o', (quotas, message) => {
    expect(() => readLimitOptions(quotas as unknown as QuotaOptions, undefined, clock)).toThrow(message);
  });

  it.each([
    [{ perDestination: {} }, 'options.guards.perDestination.limit: is missing.'],
    [{ perDestination: { limit: 1, durationMs: 999 } }, 'options.guards.perDestination.durationMs'],
    [{ perPrefix: { limit: 1, scope: 'world' } }, 'options.guards.perPrefix.scope: "world" is not a scope.'],
    [{ perNumber: {} }, 'options.guards.perNumber: is not a known option.'],
  ])('refuses guards %o', (guards, message) => {
    expect(() => readLimitOptions(undefined, guards as unknown as GuardOptions, clock)).toThrow(message);
  });
});

describe('checkTenantLimits', () => {
  it('accepts undefined, null windows and whole limits; refuses others naming the field', () => {
    expect(() => checkTenantLimits('f', undefined)).not.toThrow();
    expect(() => checkTenantLimits('f', { hourly: null, daily: 5 })).not.toThrow();
    expect(() => checkTenantLimits('options.quotas.perTenant("a")', { daily: 1.5 })).toThrow('options.quotas.perTenant("a").daily');
    expect(() => checkTenantLimits('f', { weekly: 1 })).toThrow('f.weekly: is not a known option.');
  });
});
