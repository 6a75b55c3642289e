import type { MessageRecord } from '../store/message-record';
import type { SendFacts } from './send-facts';

/**
 * The outbound `MessageRecord` of a send that reached the provider port: `sent` fields from the
 * provider's answer, or the error, with status `unknown` when the provider may have accepted it.
 *
 * @example
 * buildMessageRecord({ ...facts, outcome: { error } }).status; // 'failed' (or 'unknown')
 */
export function buildMessageRecord(facts: SendFacts): MessageRecord {
  return recordOf(facts);
}

/**
 * The record written before the provider call (write-ahead, docs/persistence.md#write-ahead): status
 * `queued`, no provider yet. A crash before the outcome is written leaves exactly this for
 * reconciliation to settle.
 *
 * @example
 * buildQueuedRecord({ messageId, request, analysis, createdAt }).status; // 'queued'
 */
export function buildQueuedRecord(facts: Pick<SendFacts, 'messageId' | 'request' | 'analysis' | 'createdAt'>): MessageRecord {
  return recordOf({ ...facts, finishedAt: facts.createdAt, attempts: [], outcome: QUEUED });
}

const QUEUED = { queued: true } as const;

function recordOf(facts: Omit<SendFacts, 'outcome'> & { readonly outcome: SendFacts['outcome'] | typeof QUEUED }): MessageRecord {
  const { request, analysis, outcome } = facts;
  const accepted = 'accepted' in outcome ? outcome : undefined;
  const error = 'error' in outcome ? outcome.error : undefined;
  return {
    id: facts.messageId,
    tenantId: request.tenantId ?? null,
    direction: 'outbound',
    from: accepted?.accepted.from ?? request.from ?? null,
    to: request.to,
    body: request.body,
    mediaUrls: request.mediaUrls,
    provider: accepted?.provider ?? error?.provider ?? null,
    providerMessageId: accepted?.accepted.providerMessageId ?? null,
    status: accepted?.accepted.status ?? (error === undefined ? 'queued' : error.outcomeUnknown ? 'unknown' : 'failed'),
    errorCode: error?.code ?? null,
    errorReason: error?.reason ?? null,
    errorMessage: error?.message ?? null,
    providerCode: error?.providerCode ?? null,
    cost: accepted?.cost?.amount ?? null,
    currency: accepted?.cost?.currency ?? null,
    segments: analysis.segments,
    encoding: analysis.encoding,
    metadata: request.metadata,
    attempts: facts.attempts.length,
    idempotencyKey: request.idempotencyKey ?? null,
    createdAt: new Date(facts.createdAt).toISOString(),
    sentAt: accepted === undefined ? null : new Date(facts.finishedAt).toISOString(),
    deliveredAt: null,
    statusChangedAt: new Date(facts.finishedAt).toISOString(),
  };
}
