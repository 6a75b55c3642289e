/** One tenant window as `SMSService.quota()` reports it. */
export interface QuotaWindowState {
  /** Points allowed per window (messages, or segments with `cost: 'segment'`). */
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
  /** ISO 8601 end of the current window, or null when no window is open (nothing spent yet). */
  readonly resetAt: string | null;
}

/** What `SMSService.quota(tenantId)` returns: each window, or null when the tenant has no such limit. */
export interface TenantQuota {
  readonly tenantId: string;
  readonly hourly: QuotaWindowState | null;
  readonly daily: QuotaWindowState | null;
  /** True when the limit store failed and this reading comes from the per-process insurance limiter. */
  readonly degraded: boolean;
}
