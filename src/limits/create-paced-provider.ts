import { SmsError } from '../errors/sms-error';
import { isE164 } from '../phone/is-e164';
import { maskPhoneNumber } from '../phone/mask-phone-number';
import type { ProviderSendOptions, ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';
import { createInMemorySenderPacer } from './in-memory-sender-pacer';
import { QuotaExceededError } from './quota-exceeded-error';
import type { PaceRule } from './quota-options';
import { readPaceRule, readPaceRules, type ResolvedPaceRule } from './read-pace-rule';
import type { SenderPacer } from './sender-pacer';
import { sleep } from '../timers/sleep';

export interface PacedProviderOptions {
  provider: SmsProvider;
  /** Rule for every sender of this provider that `senders` does not name. Without it, those are not paced. */
  rule?: PaceRule;
  /** Rules by sender (`from`); a send without `from` uses the provider's own default sender under `rule`. */
  senders?: Readonly<Record<string, PaceRule>>;
  /** Where slots are kept. Default: a new `InMemorySenderPacer`. */
  pacer?: SenderPacer;
  /** Told the `storeError` of every pacing decision (undefined when the store answered). */
  onStoreDecision?: (storeError: Error | undefined) => void;
}

/**
 * Wraps a provider so each sender goes at most at its rate: a send waits for its sender's next slot, and
 * is refused (`RATE_LIMITED`, reason `SENDER_QUEUE_FULL`, window `sender`, not sent, `retryAfterMs`)
 * only when its slot is beyond the rule's `maxQueue` or `maxWaitMs`. Other senders are never delayed.
 * Returns the same `SmsProvider` port (docs/architecture.md#rules-every-module-follows). The refusal is a
 * request fault: the queue bound is the host's back-pressure, so retries do not stretch it, a circuit
 * breaker does not count it against the provider, and failover does not change the sender. An aborted
 * signal ends the wait with a not-sent `TIMEOUT`, a request fault too (the caller gave up).
 *
 * @example
 * const twilio = createPacedProvider({
 *   provider: createTwilioProvider({ accountSid, authToken, from: '+14155550100' }),
 *   rule: { messagesPerSecond: 1 }, // long code
 *   senders: { '12345': { messagesPerSecond: 100 } }, // short code
 * });
 */
export function createPacedProvider(options: PacedProviderOptions): SmsProvider {
  const { provider, onStoreDecision } = options;
  const defaultRule = options.rule === undefined ? undefined : readPaceRule('options.rule', options.rule);
  const senders = readPaceRules('options.senders', options.senders);
  const pacer = options.pacer ?? createInMemorySenderPacer();
  return {
    specificationVersion: 'v1',
    id: provider.id,
    ...(provider.capabilities === undefined ? {} : { capabilities: provider.capabilities }),
    ready: async (): Promise<void> => {
      await provider.ready?.();
    },
    async send(request: ProviderSendRequest, sendOptions?: ProviderSendOptions): Promise<ProviderSendResult> {
      const rule = (request.from === undefined ? undefined : senders.get(request.from)) ?? defaultRule;
      if (rule === undefined) return provider.send(request, sendOptions);
      const decision = await pacer.reserve({ key: `${provider.id}:${request.from ?? 'default'}`, intervalMs: rule.intervalMs, maxWaitMs: rule.maxWaitMs });
      onStoreDecision?.(decision.storeError);
      if (!decision.accepted) throw queueFull(provider.id, request, rule, decision.retryAfterMs);
      if (decision.waitMs > 0 && !(await sleep(decision.waitMs, sendOptions?.signal))) throw abortedWhilePaced(provider.id);
      return provider.send(request, sendOptions);
    },
  };
}

function queueFull(providerId: string, request: ProviderSendRequest, rule: ResolvedPaceRule, retryAfterMs: number | undefined): QuotaExceededError {
  const sender = request.from === undefined ? 'default sender' : `sender ${isE164(request.from) ? maskPhoneNumber(request.from) : request.from}`;
  return new QuotaExceededError({
    window: 'sender',
    limit: rule.maxQueue,
    unit: 'messages',
    retryAfterMs: Math.max(retryAfterMs ?? rule.intervalMs, 1),
    resetAt: null,
    subject: `the ${sender} of ${providerId}`,
    provider: providerId,
    ...(request.tenantId === undefined ? {} : { tenantId: request.tenantId }),
  });
}

/** Aborted while waiting for the sender's slot: the provider has not been called, nothing was sent. */
function abortedWhilePaced(providerId: string): SmsError {
  return new SmsError({
    code: 'TIMEOUT',
    reason: 'ABORTED_WHILE_PACED',
    message: `The send was aborted while waiting for its sender's slot on "${providerId}"; nothing was sent.`,
    fault: 'request',
    retryable: true,
    outcomeUnknown: false,
    provider: providerId,
  });
}
