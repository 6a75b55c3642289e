import { readFunction } from '../options/read-function';
import { checkOptionsObject } from '../options/check-options-object';
import { readChoice } from '../options/read-choice';
import type { ProviderSendRequest } from '../providers/provider';

/**
 * What happens after an attempt whose outcome is unknown (it may have been delivered):
 * - `fail` (default): the send ends as `TIMEOUT` with `outcomeUnknown: true`; nothing is re-sent.
 * - `failover-accept-duplicate-risk`: the next provider is tried anyway; the recipient may get the
 *   message twice. An explicit opt-in (docs/reliability.md#failover).
 */
export type UnknownOutcomePolicy = 'fail' | 'failover-accept-duplicate-risk';

export interface FailoverStrategyContext {
  readonly request: ProviderSendRequest;
  /** Ids of the configured providers, in their configured order. */
  readonly providerIds: readonly string[];
}

/**
 * Picks the providers to try for one message, in order, by id. Providers left out are not tried.
 *
 * @example
 * const strategy: FailoverStrategy = ({ request }) => (request.to.startsWith('+44') ? ['telnyx', 'twilio'] : ['twilio', 'telnyx']);
 */
export type FailoverStrategy = (context: FailoverStrategyContext) => readonly string[];

export interface FailoverOptions {
  /** Order per message. Default: the configured order. */
  strategy?: FailoverStrategy;
  /** Default `fail`. */
  onUnknownOutcome?: UnknownOutcomePolicy;
}

export interface ResolvedFailoverOptions {
  readonly strategy: FailoverStrategy | undefined;
  readonly onUnknownOutcome: UnknownOutcomePolicy;
}

/**
 * Validates failover options and applies the defaults; `field` names them in errors
 * (`options.failover`).
 *
 * @example
 * readFailoverOptions({ onUnknownOutcome: 'fail' }, 'options.failover').onUnknownOutcome; // 'fail'
 */
export function readFailoverOptions(value: unknown, field: string): ResolvedFailoverOptions {
  const options = checkOptionsObject(field, value, ['strategy', 'onUnknownOutcome']);
  return {
    strategy: readFunction<FailoverStrategy>(`${field}.strategy`, options.strategy),
    onUnknownOutcome: readChoice(`${field}.onUnknownOutcome`, options.onUnknownOutcome, ['fail', 'failover-accept-duplicate-risk']),
  };
}
