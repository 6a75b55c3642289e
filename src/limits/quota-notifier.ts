import type { Clock } from '../clock';
import type { QuotaEvent } from '../events/quota-event';
import { SMS_EVENT_SCHEMA_VERSION } from '../events/sms-event';
import type { Logger } from '../logging/logger';

type Component = 'quotas' | 'pacing';

/**
 * Internal: delivers quota notices to `quotas.onEvent`. It reports a store outage once when it starts
 * and once when it ends, not on every send, so a Redis outage is one clear `sms.quota_degraded`
 * (docs/quotas.md#when-redis-fails: a store `Error` is reported, never silent). Without a handler, outages go to
 * the service's `logger` (by default `process.emitWarning`), so they are never silent.
 */
export class QuotaNotifier {
  private readonly degradedSince = new Map<Component, number>();

  constructor(
    private readonly options: {
      readonly onEvent: ((event: QuotaEvent) => void | Promise<void>) | undefined;
      readonly clock: Clock;
      readonly generateId: () => string;
      /** Where store outages, recoveries and failing handlers are reported. */
      readonly logger: Logger;
    },
  ) {}

  /** Called with every decision's `storeError`: reports the transitions into and out of insurance. */
  observeStore(component: Component, storeError: Error | undefined): void {
    const since = this.degradedSince.get(component);
    if (storeError !== undefined && since === undefined) {
      const now = this.options.clock.now();
      this.degradedSince.set(component, now);
      this.deliver({ ...this.envelope(null, now), type: 'sms.quota_degraded', data: { component, error: storeError.message } });
    } else if (storeError === undefined && since !== undefined) {
      const now = this.options.clock.now();
      this.degradedSince.delete(component);
      this.deliver({ ...this.envelope(null, now), type: 'sms.quota_recovered', data: { component, degraded_ms: now - since } });
    }
  }

  warn(tenantId: string, data: Extract<QuotaEvent, { type: 'sms.quota_warning' }>['data']): void {
    if (this.options.onEvent === undefined) return;
    this.deliver({ ...this.envelope(tenantId, this.options.clock.now()), type: 'sms.quota_warning', data });
  }

  private envelope(tenantId: string | null, now: number): Omit<QuotaEvent, 'type' | 'data'> {
    return { schema_version: SMS_EVENT_SCHEMA_VERSION, event_id: this.options.generateId(), tenant_id: tenantId, timestamp: new Date(now).toISOString() };
  }

  /** A failing handler never fails a send; it is reported like a failing event subscriber. */
  private deliver(event: QuotaEvent): void {
    const { logger } = this.options;
    const handler = this.options.onEvent ?? ((quotaEvent: QuotaEvent) => reportQuotaEvent(quotaEvent, logger));
    try {
      const result = handler(event);
      if (result instanceof Promise) result.catch((error: unknown) => reportHandlerError(error, event, logger));
    } catch (error) {
      reportHandlerError(error, event, logger);
    }
  }
}

/** Store outages and recoveries as warnings on the logger (warnings about tenants are not). */
export function reportQuotaEvent(event: QuotaEvent, logger: Logger): void {
  if (event.type === 'sms.quota_degraded') {
    logger.warn(
      { code: 'TOOLS_CORE_QUOTA_DEGRADED', component: event.data.component },
      `tools-core ${event.data.component} limit store failed (${event.data.error}); the per-process insurance limiter decides until it answers again.`,
    );
  } else if (event.type === 'sms.quota_recovered') {
    logger.warn({ code: 'TOOLS_CORE_QUOTA_RECOVERED', component: event.data.component, degradedMs: event.data.degraded_ms }, `tools-core ${event.data.component} limit store answers again after ${event.data.degraded_ms} ms.`);
  }
}

function reportHandlerError(error: unknown, event: QuotaEvent, logger: Logger): void {
  const detail = error instanceof Error ? error.message : String(error);
  logger.warn({ code: 'TOOLS_CORE_EVENT_HANDLER', eventType: event.type, err: error }, `A ${event.type} handler failed: ${detail}`);
}
