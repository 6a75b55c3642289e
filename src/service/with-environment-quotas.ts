import type { EnvironmentLimits } from './read-sms-environment';
import type { QuotaOptions } from '../limits/quota-options';

/**
 * Makes SMS_RATE_LIMIT (per hour) and SMS_DAILY_LIMIT the default tenant quotas of `SMSService.fromEnv`;
 * a limit given in code wins over the environment. Returns `{}` when neither sets a limit.
 *
 * @example
 * withEnvironmentQuotas(undefined, { hourly: 100, daily: 500 }); // { quotas: { hourly: 100, daily: 500 } }
 */
export function withEnvironmentQuotas(quotas: QuotaOptions | undefined, limits: EnvironmentLimits): { quotas?: QuotaOptions } {
  if (limits.hourly === undefined && limits.daily === undefined) return quotas === undefined ? {} : { quotas };
  const merged: QuotaOptions = { ...quotas };
  const hourly = quotas?.hourly ?? limits.hourly;
  const daily = quotas?.daily ?? limits.daily;
  if (hourly !== undefined) merged.hourly = hourly;
  if (daily !== undefined) merged.daily = daily;
  return { quotas: merged };
}
