import { maskPhoneNumber } from '../phone/mask-phone-number';
import type { ValidatedSendRequest } from '../messages/send-request';
import { lookupFailure, storeFailure } from './limit-failure';
import { QuotaExceededError, type QuotaWindowName } from './quota-exceeded-error';
import { digest, tenantKeyOf } from './quota-keys';
import type { QuotaCounter, QuotaCounterState, QuotaDecision } from './quota-limiter';
import type { QuotaNotifier } from './quota-notifier';
import type { TenantLimits } from './quota-options';
import { checkTenantLimits, type LimitPolicy } from './read-quota-options';
import type { QuotaWindowState, TenantQuota } from './tenant-quota';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface ResolvedLimits {
  readonly hourly: number | undefined;
  readonly daily: number | undefined;
}

/**
 * Internal: the quota stage of `SMSService.send()`. It builds one charge per send (the tenant's hourly
 * and daily windows plus the abuse guards) and spends it in a single atomic `consume`, so a send passes
 * only when every counter has room and a refused send costs nothing anywhere (docs/quotas.md#how-exactness-is-guaranteed, docs/quotas.md#abuse-guards).
 * It runs after validation: an invalid request never reaches it, so it never eats quota.
 */
export class QuotaGate {
  constructor(
    private readonly policy: LimitPolicy,
    private readonly notifier: QuotaNotifier,
  ) {}

  /** Charges the send or throws `QuotaExceededError`; a store failure is answered by the insurance limiter. */
  async admit(request: ValidatedSendRequest, segments: number): Promise<void> {
    const { policy } = this;
    const tenantId = request.tenantId ?? policy.defaultTenantId;
    const answer = this.limitsOf(tenantId);
    const limits = answer instanceof Promise ? await answer.catch(lookupFailure) : answer;
    const cost = policy.costPerSegment ? segments : 1;
    const tenantKey = tenantKeyOf(tenantId);
    const counters = this.windowCounters(tenantKey, limits, cost);
    if (policy.perDestination !== undefined) {
      const rule = policy.perDestination;
      const key = `destination:${digest(request.to)}`;
      counters.push({ name: 'destination', key: rule.scope === 'tenant' ? `${tenantKey}:${key}` : key, limit: rule.limit, durationMs: rule.durationMs, cost: 1 });
    }
    if (policy.perPrefix !== undefined) {
      const rule = policy.perPrefix;
      // Fraud tooling's velocity check: "the number without its last four digits" (docs/quotas.md#abuse-guards).
      const key = `prefix:${digest(request.to.slice(0, -4))}`;
      counters.push({ name: 'prefix', key: rule.scope === 'tenant' ? `${tenantKey}:${key}` : key, limit: rule.limit, durationMs: rule.durationMs, cost: 1 });
    }
    if (counters.length === 0) return;

    const decision = await policy.limiter.consume(counters).catch(storeFailure);
    this.notifier.observeStore('quotas', decision.storeError);
    if (!decision.allowed) throw this.refusal(decision, request, tenantId);
    // Insured counters are one process's share, not the tenant's usage: no warning from them.
    if (policy.warningThreshold !== undefined && decision.storeError === undefined) this.warnOnCrossing(decision, tenantId, cost, policy.warningThreshold);
  }

  /** The tenant's hourly and daily allowance, read without charging; no id reads the default tenant. */
  async read(requestedTenantId: string | undefined): Promise<TenantQuota> {
    const tenantId = requestedTenantId ?? this.policy.defaultTenantId;
    const limits = await this.limitsOf(tenantId);
    const counters = this.windowCounters(tenantKeyOf(tenantId), limits, 1);
    const reading = counters.length === 0 ? { counters: [], storeError: undefined } : await this.policy.limiter.peek(counters);
    this.notifier.observeStore('quotas', reading.storeError);
    const stateOf = (name: string): QuotaWindowState | null => {
      const state = reading.counters.find((counter) => counter.name === name);
      return state === undefined
        ? null
        : { limit: state.limit, used: state.used, remaining: state.remaining, resetAt: state.resetAt === null ? null : new Date(state.resetAt).toISOString() };
    };
    return { tenantId, hourly: stateOf('hourly'), daily: stateOf('daily'), degraded: reading.storeError !== undefined };
  }

  private windowCounters(tenantKey: string, limits: ResolvedLimits, cost: number): QuotaCounter[] {
    const counters: QuotaCounter[] = [];
    if (limits.hourly !== undefined) counters.push({ name: 'hourly', key: `${tenantKey}:hourly`, limit: limits.hourly, durationMs: HOUR_MS, cost });
    if (limits.daily !== undefined) counters.push({ name: 'daily', key: `${tenantKey}:daily`, limit: limits.daily, durationMs: DAY_MS, cost });
    return counters;
  }

  /** The tenant's own limits over the defaults; synchronous unless a `perTenant` function answers a promise. */
  private limitsOf(tenantId: string): ResolvedLimits | Promise<ResolvedLimits> {
    const { perTenant, hourly, daily } = this.policy;
    if (perTenant === undefined) return { hourly, daily };
    if (typeof perTenant !== 'function') return merge(Object.hasOwn(perTenant, tenantId) ? perTenant[tenantId] : undefined, hourly, daily);
    const field = `options.quotas.perTenant(${JSON.stringify(tenantId)})`;
    let answer: ReturnType<typeof perTenant>;
    try {
      answer = perTenant(tenantId);
    } catch (error) {
      return lookupFailure(error);
    }
    if (answer instanceof Promise) {
      return answer.then((limits) => {
        checkTenantLimits(field, limits);
        return merge(limits, hourly, daily);
      });
    }
    checkTenantLimits(field, answer);
    return merge(answer, hourly, daily);
  }

  private refusal(decision: QuotaDecision, request: ValidatedSendRequest, tenantId: string): QuotaExceededError {
    // A limiter that refuses without naming a counter still gets a typed refusal.
    const refused = (decision.refusedBy ?? decision.counters[0]) as QuotaCounterState;
    const window = refused.name as QuotaWindowName;
    const tenantWindow = window === 'hourly' || window === 'daily';
    const scope = (window === 'destination' ? this.policy.perDestination : this.policy.perPrefix)?.scope;
    const forTenant = scope === 'tenant' ? ` for tenant ${JSON.stringify(tenantId)}` : '';
    const subject = tenantWindow
      ? `tenant ${JSON.stringify(tenantId)}`
      : window === 'destination'
        ? `destination ${maskPhoneNumber(request.to)}${forTenant}`
        : `the number block of ${maskPhoneNumber(request.to)}${forTenant}`;
    return new QuotaExceededError({
      window,
      limit: refused.limit,
      unit: tenantWindow && this.policy.costPerSegment ? 'segments' : 'messages',
      retryAfterMs: decision.retryAfterMs,
      resetAt: refused.resetAt,
      subject,
      tenantId,
    });
  }

  /** One warning per window: only the charge that moves `used` across the threshold reports it. */
  private warnOnCrossing(decision: QuotaDecision, tenantId: string, cost: number, threshold: number): void {
    for (const state of decision.counters) {
      if (state.name !== 'hourly' && state.name !== 'daily') continue;
      const mark = Math.ceil(state.limit * threshold);
      if (state.used - cost >= mark || state.used < mark) continue;
      this.notifier.warn(tenantId, {
        window: state.name,
        limit: state.limit,
        used: state.used,
        remaining: state.remaining,
        threshold,
        reset_at: state.resetAt === null ? null : new Date(state.resetAt).toISOString(),
      });
    }
  }
}

function merge(limits: TenantLimits | undefined, hourly: number | undefined, daily: number | undefined): ResolvedLimits {
  if (limits === undefined) return { hourly, daily };
  return {
    hourly: limits.hourly === undefined ? hourly : (limits.hourly ?? undefined),
    daily: limits.daily === undefined ? daily : (limits.daily ?? undefined),
  };
}
