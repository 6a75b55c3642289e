import type { Clock } from '../clock';
import type { SmsProvider } from '../providers/provider';
import { applyPacing } from './apply-pacing';
import { QuotaGate } from './quota-gate';
import type { EventPublisher } from '../events/event-publisher';
import type { QuotaEvent } from '../events/quota-event';
import { QuotaNotifier, reportQuotaEvent } from './quota-notifier';
import { readLimitOptions } from './read-quota-options';
import type { GuardOptions, PacingOptions, QuotaOptions } from './quota-options';
import type { Logger } from '../logging/logger';

/** The service options the limits read. */
export interface ServiceLimitOptions {
  readonly quotas?: QuotaOptions | undefined;
  readonly guards?: GuardOptions | undefined;
  readonly pacing?: PacingOptions | undefined;
}

/** What the limits need from the service, read once at construction. */
export interface ServiceLimitsContext {
  readonly providers: readonly SmsProvider[];
  readonly clock: Clock;
  readonly generateId: () => string;
  /** Where quota notices go when `quotas.onEvent` is not set: the service's event publisher. */
  readonly events: EventPublisher;
  /** The service's logger: store outages are reported there too. */
  readonly logger: Logger;
  /** A notice the publisher refused; the service reports it as a background error. */
  readonly onPublishError: (error: unknown, event: QuotaEvent) => void;
}

/**
 * Internal: reads `quotas`, `guards` and `pacing` once, at construction. Returns the quota stage (absent
 * when neither quotas nor guards are set, so such a service pays nothing) and the providers, each wrapped
 * by pacing when it has a rule.
 */
export function createServiceLimits(
  options: ServiceLimitOptions,
  context: ServiceLimitsContext,
): { providers: readonly SmsProvider[]; quotaGate: QuotaGate | undefined } {
  const { providers, clock, generateId, events, onPublishError, logger } = context;
  const policy = readLimitOptions(options.quotas, options.guards, clock);
  if (policy === undefined && options.pacing === undefined) return { providers, quotaGate: undefined };
  const onEvent =
    policy?.onEvent ??
    ((event: QuotaEvent) => {
      // Best effort: a send never waits for a notice, and a refused one is reported, never thrown.
      try {
        events.publish(event).catch((error: unknown) => onPublishError(error, event));
      } catch (error) {
        onPublishError(error, event);
      }
      // An outage must never go unnoticed, even by a host that does not subscribe to the bus.
      reportQuotaEvent(event, logger);
    });
  const notifier = new QuotaNotifier({ onEvent, clock, generateId, logger });
  return {
    providers: applyPacing(providers, options.pacing, { clock, onStoreDecision: (storeError) => notifier.observeStore('pacing', storeError) }),
    quotaGate: policy === undefined ? undefined : new QuotaGate(policy, notifier),
  };
}
