import { SmsError } from '../errors/sms-error';
import { createResultEvent } from '../events/create-result-event';
import { createStatusEvent } from '../events/create-status-event';
import type { SmsEvent } from '../events/sms-event';
import { fingerprintSendRequest } from '../idempotency/fingerprint-send-request';
import { idempotencyRecordKey } from '../idempotency/idempotency-record-key';
import type { StoredSendOutcome } from '../idempotency/idempotency-store';
import type { SendResult } from '../messages/send-result';
import type { ProviderMessage } from '../providers/provider';
import type { MessageRecord } from '../store/message-record';
import { updateMessage } from '../store/update-message';
import { updateRecordStatus } from '../store/update-record-status';
import type { ReconcileContext } from './reconcile-context';

/**
 * Writes what the provider reported over a record (forward-only, `updateRecordStatus`) and publishes
 * `sms.status`; a record that was waiting for its provider id (an unknown outcome) also gets it, its replay
 * settles to the sent result and `sms.sent` is published. Resolves the new status, or undefined when the
 * report does not move the record.
 */
export async function settleFromProvider(context: ReconcileContext, record: MessageRecord, provider: string, found: ProviderMessage): Promise<MessageRecord | undefined> {
  const now = context.clock.now();
  const error = failureOf(provider, found);
  const settlesOutcome = record.providerMessageId === null;
  const cost = settlesOutcome ? context.price(provider, record.segments, record.to) : null;
  let previous = record.status;
  const next = await updateStored(context, record, (current) => {
    previous = current.status;
    const moved = updateRecordStatus(current, { provider, providerMessageId: found.providerMessageId, status: found.status, error, at: now });
    // The send is settled now: it was accepted, so it costs what an accepted send costs.
    return moved === undefined || !settlesOutcome ? moved : { ...moved, cost: cost?.amount ?? null, currency: cost?.currency ?? null };
  });
  if (next === undefined) return undefined;
  if (settlesOutcome) {
    const result = toSendResult(next, provider, found, cost);
    await settleReplay(context, record, { status: 'sent', result }, true);
    await publish(context, next.id, createResultEvent({
      eventId: context.generateId(), messageId: next.id, correlationId: next.id, tenantId: next.tenantId ?? undefined, timestamp: now, to: next.to, from: next.from ?? undefined,
      provider, providerMessageId: found.providerMessageId, cost, segments: next.segments, encoding: next.encoding, metadata: next.metadata, error: undefined,
    }));
  }
  await publish(context, next.id, createStatusEvent({
    eventId: context.generateId(), messageId: next.id, tenantId: next.tenantId, timestamp: now, provider, providerMessageId: found.providerMessageId,
    status: next.status, previousStatus: previous, providerStatus: found.status, errorCode: found.providerCode, error,
  }));
  return next;
}

/**
 * Settles a record the provider provably never accepted: `failed` with `NOT_ACCEPTED_BY_PROVIDER`, its
 * replay freed (`resend`) or settled to that failure, `sms.status` published. Resolves false, changing
 * nothing, when a live idempotency lease still holds its key (its send may be running).
 */
export async function settleNotSent(context: ReconcileContext, record: MessageRecord, options: { readonly resend: boolean }): Promise<boolean> {
  const now = context.clock.now();
  const error = new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'NOT_ACCEPTED_BY_PROVIDER',
    message: `Reconciliation: no provider holds the message (searched after the listing delay), so it was never sent. Fix: send it again${record.idempotencyKey === null ? '' : ' with the same idempotency key'}, or pass resendNotSent: true.`,
    retryable: true,
    provider: record.provider ?? undefined,
  });
  // A callback may have given it its provider id since it was listed: then it was sent after all.
  const fresh = (await context.store.get(record.id)) ?? record;
  if (fresh.status !== record.status || fresh.providerMessageId !== null) return false;
  if (!(await settleReplay(context, record, options.resend ? null : { status: 'failed', error: error.toJSON() }, false))) return false;
  const previous = record.status;
  const next = await updateStored(context, record, (current) =>
    current.status === previous && current.providerMessageId === null
      ? { ...current, status: 'failed', errorCode: error.code, errorReason: error.reason, errorMessage: error.message, providerCode: null, statusChangedAt: new Date(now).toISOString() }
      : undefined,
  );
  if (next === undefined) return false;
  await publish(context, next.id, createStatusEvent({
    eventId: context.generateId(), messageId: next.id, tenantId: next.tenantId, timestamp: now, provider: record.provider ?? 'unknown', providerMessageId: '',
    status: 'failed', previousStatus: previous, providerStatus: 'not_found', errorCode: null, error,
  }));
  return true;
}

/** Serialises this process's reconciliation writes per message for stores without `update` (`updateMessage`). */
const locks = new Map<string, Promise<unknown>>();

/** The change through the store (atomic when it has `update`); the record as written when it changed. */
async function updateStored(context: ReconcileContext, record: MessageRecord, change: (current: MessageRecord) => MessageRecord | undefined): Promise<MessageRecord | undefined> {
  const update = await updateMessage(context.store, record.id, change, locks);
  return update?.changed === true ? update.record : undefined;
}

/** The replay of the record's idempotency key, when it has one: the proven outcome, or freed for a resend. */
async function settleReplay(context: ReconcileContext, record: MessageRecord, outcome: StoredSendOutcome | null, takeOverLease: boolean): Promise<boolean> {
  if (record.idempotencyKey === null || context.idempotency.settle === undefined) return true;
  const key = idempotencyRecordKey({ tenantId: record.tenantId ?? undefined, idempotencyKey: record.idempotencyKey });
  const fingerprint = fingerprintSendRequest({ to: record.to, from: record.from ?? undefined, body: record.body, mediaUrls: record.mediaUrls, sendAt: undefined });
  return context.idempotency.settle({ key, fingerprint, outcome, retentionMs: context.retentionMs, takeOverLease });
}

function failureOf(provider: string, found: ProviderMessage): SmsError | null {
  if (found.status !== 'failed' && found.status !== 'undelivered') return null;
  const code = found.providerCode === null ? '' : ` (code ${found.providerCode})`;
  return new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_REJECTED', message: `${provider} reports the message ${found.status}${code}.`, provider, ...(found.providerCode === null ? {} : { providerCode: found.providerCode }) });
}

function toSendResult(record: MessageRecord, provider: string, found: ProviderMessage, cost: SendResult['cost']): SendResult {
  return {
    id: record.id, status: record.status, provider, providerMessageId: found.providerMessageId, to: record.to, from: found.from ?? record.from, segments: record.segments,
    encoding: record.encoding, units: record.body.length, cost, attempts: [], tenantId: record.tenantId, correlationId: record.id, createdAt: record.createdAt,
  };
}

async function publish(context: ReconcileContext, messageId: string, event: SmsEvent): Promise<void> {
  try {
    await context.events.publish(event);
  } catch (error) {
    context.onPublishError(error, messageId);
  }
}
