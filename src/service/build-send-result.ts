import type { SendResult } from '../messages/send-result';
import type { AcceptedOutcome, SendFacts } from './send-facts';

/**
 * The `SendResult` of an accepted send.
 *
 * @example
 * buildSendResult({ ...facts, outcome: { accepted, provider: 'twilio', cost: null } }).status; // 'queued'
 */
export function buildSendResult(facts: SendFacts & { readonly outcome: AcceptedOutcome }): SendResult {
  const { request, analysis, outcome } = facts;
  return {
    id: facts.messageId,
    status: outcome.accepted.status,
    provider: outcome.provider,
    providerMessageId: outcome.accepted.providerMessageId,
    to: request.to,
    from: outcome.accepted.from ?? request.from ?? null,
    segments: analysis.segments,
    encoding: analysis.encoding,
    units: analysis.units,
    cost: outcome.cost,
    attempts: facts.attempts,
    tenantId: request.tenantId ?? null,
    correlationId: request.correlationId ?? facts.messageId,
    createdAt: new Date(facts.createdAt).toISOString(),
  };
}
