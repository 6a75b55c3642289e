import { optionError } from '../options/option-error';
import { checkOptionsObject } from '../options/check-options-object';
import { readWholeNumber } from '../options/read-whole-number';
import { readFunction } from '../options/read-function';
import { describeValue } from '../options/describe-value';
import { isPlainObject } from '../options/is-plain-object';
import { createInMemoryQuotaLimiter } from './in-memory-quota-limiter';
import type { Clock } from '../clock';
import type { QuotaEvent } from '../events/quota-event';
import type { QuotaLimiter } from './quota-limiter';
import type { GuardOptions, GuardRule, QuotaOptions, TenantLimits, TenantLimitsSource } from './quota-options';

/** The checked, defaulted form of `quotas` and `guards`, read once at construction. */
export interface LimitPolicy {
  readonly limiter: QuotaLimiter;
  readonly hourly: number | undefined;
  readonly daily: number | undefined;
  readonly perTenant: TenantLimitsSource | undefined;
  readonly costPerSegment: boolean;
  readonly warningThreshold: number | undefined;
  readonly defaultTenantId: string;
  readonly onEvent: ((event: QuotaEvent) => void | Promise<void>) | undefined;
  readonly perDestination: Required<GuardRule> | undefined;
  readonly perPrefix: Required<GuardRule> | undefined;
}

/** Largest limit accepted: a billion messages per window is already no limit. */
export const MAXIMUM_LIMIT = 1_000_000_000;
const HOUR_MS = 3_600_000;
const quotaKeys = ['limiter', 'hourly', 'daily', 'perTenant', 'cost', 'warningThreshold', 'defaultTenantId', 'onEvent'];
const guardKeys = ['perDestination', 'perPrefix'];
const ruleKeys = ['limit', 'durationMs', 'scope'];
const tenantKeys = ['hourly', 'daily'];
const defaultDestination: Required<GuardRule> = Object.freeze({ limit: 10, durationMs: HOUR_MS, scope: 'tenant' });
const defaultPrefix: Required<GuardRule> = Object.freeze({ limit: 100, durationMs: HOUR_MS, scope: 'global' });

/**
 * Checks `options.quotas` and `options.guards`; returns undefined when neither is set, so a service
 * without limits pays nothing for them.
 */
export function readLimitOptions(quotas: QuotaOptions | undefined, guards: GuardOptions | undefined, clock: Clock): LimitPolicy | undefined {
  if (quotas === undefined && guards === undefined) return undefined;
  if (quotas !== undefined) checkQuotas(quotas);
  if (guards !== undefined) checkOptionsObject('options.guards', guards, guardKeys, { required: true, example: '{ perDestination: { limit: 5 }, perPrefix: { limit: 20 } }' });
  // Guards are off without `guards`; `guards: {}` turns both on with their defaults.
  const perDestination = guards === undefined ? undefined : readRule('options.guards.perDestination', guards.perDestination, defaultDestination);
  const perPrefix = guards === undefined ? undefined : readRule('options.guards.perPrefix', guards.perPrefix, defaultPrefix);
  if (quotas !== undefined && quotas.hourly === undefined && quotas.daily === undefined && quotas.perTenant === undefined && guards === undefined) {
    throw optionError('options.quotas', 'sets no limit.', 'set hourly, daily or perTenant, e.g. { hourly: 100, daily: 500 }, or leave quotas out.');
  }
  return {
    limiter: quotas?.limiter ?? createInMemoryQuotaLimiter({ clock }),
    hourly: quotas?.hourly,
    daily: quotas?.daily,
    perTenant: quotas?.perTenant,
    costPerSegment: quotas?.cost === 'segment',
    warningThreshold: quotas?.warningThreshold,
    defaultTenantId: quotas?.defaultTenantId ?? 'default',
    onEvent: quotas?.onEvent,
    perDestination,
    perPrefix,
  };
}

function checkQuotas(quotas: QuotaOptions): void {
  checkOptionsObject('options.quotas', quotas, quotaKeys, { required: true, example: '{ hourly: 100, daily: 500 }' });
  const limiter = quotas.limiter as unknown;
  if (limiter !== undefined && (typeof limiter !== 'object' || limiter === null || typeof (limiter as QuotaLimiter).consume !== 'function' || typeof (limiter as QuotaLimiter).peek !== 'function')) {
    throw optionError('options.quotas.limiter', 'is not a QuotaLimiter (it needs consume and peek functions).', 'pass createInMemoryQuotaLimiter() or a RedisRateLimiter, or leave it out.');
  }
  readWholeNumber('options.quotas.hourly', quotas.hourly, undefined, { minimum: 1, maximum: MAXIMUM_LIMIT });
  readWholeNumber('options.quotas.daily', quotas.daily, undefined, { minimum: 1, maximum: MAXIMUM_LIMIT });
  const perTenant = quotas.perTenant as unknown;
  if (perTenant !== undefined && typeof perTenant !== 'function') {
    if (!isPlainObject(perTenant)) throw optionError('options.quotas.perTenant', `must be a function or an object, got ${describeValue(perTenant)}.`, "pass { 'org-1': { hourly: 1000 } } or (tenantId) => limits.");
    for (const [tenantId, limits] of Object.entries(perTenant)) checkTenantLimits(`options.quotas.perTenant[${JSON.stringify(tenantId)}]`, limits);
  }
  if (quotas.cost !== undefined && quotas.cost !== 'message' && quotas.cost !== 'segment') {
    throw optionError('options.quotas.cost', `${describeValue(quotas.cost)} is not a cost.`, "use 'message' (1 point per send) or 'segment' (1 point per billed segment).");
  }
  const threshold = quotas.warningThreshold as unknown;
  if (threshold !== undefined && (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1))) {
    throw optionError('options.quotas.warningThreshold', `${describeValue(threshold)} is not a share between 0 and 1.`, 'pass a number above 0 and below 1, e.g. 0.8 for a warning at 80 %.');
  }
  const tenant = quotas.defaultTenantId as unknown;
  if (tenant !== undefined && (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 128)) {
    throw optionError('options.quotas.defaultTenantId', 'is not a string of 1 to 128 characters.', "pass a tenant id such as 'default'.");
  }
  readFunction('options.quotas.onEvent', quotas.onEvent);
}

/**
 * Checks one tenant's limits; used at construction for a map and on every send for what a function
 * returns (a bad answer then names the function and the tenant).
 */
export function checkTenantLimits(field: string, limits: unknown): asserts limits is TenantLimits | undefined {
  if (limits === undefined) return;
  checkOptionsObject(field, limits, tenantKeys, { required: true, example: '{ hourly: 1000, daily: 5000 }' });
  for (const key of tenantKeys) {
    const value = (limits as Record<string, unknown>)[key];
    if (value !== null) readWholeNumber(`${field}.${key}`, value, undefined, { minimum: 1, maximum: MAXIMUM_LIMIT });
  }
}

function readRule(field: string, rule: GuardRule | false | undefined, defaults: Required<GuardRule>): Required<GuardRule> | undefined {
  if (rule === false) return undefined;
  if (rule === undefined) return defaults;
  checkOptionsObject(field, rule, ruleKeys, { required: true, example: '{ limit: 5, durationMs: 3_600_000 }' });
  if (rule.limit === undefined) throw optionError(`${field}.limit`, 'is missing.', 'pass the most messages allowed per window, e.g. 5.');
  readWholeNumber(`${field}.limit`, rule.limit, undefined, { minimum: 1, maximum: MAXIMUM_LIMIT });
  readWholeNumber(`${field}.durationMs`, rule.durationMs, undefined, { minimum: 1000, maximum: 366 * 24 * HOUR_MS });
  if (rule.scope !== undefined && rule.scope !== 'tenant' && rule.scope !== 'global') {
    throw optionError(`${field}.scope`, `${describeValue(rule.scope)} is not a scope.`, "use 'tenant' (count per tenant) or 'global' (across tenants).");
  }
  return { limit: rule.limit, durationMs: rule.durationMs ?? defaults.durationMs, scope: rule.scope ?? defaults.scope };
}
