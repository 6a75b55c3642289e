import { ANY_SENDER } from '../opt-outs/opt-out-store';
import { MESSAGE_ID_PARAMETER } from '../providers/kit/with-message-id-parameter';
import type { MessageRecord } from '../store/message-record';
import { createStatusEvent } from '../events/create-status-event';
import type { ParsedStatusCallback } from '../providers/kit/parsed-webhook';
import { updateMessage } from '../store/update-message';
import { updateRecordStatus } from '../store/update-record-status';
import { publishWebhookEvent, type WebhookContext } from './webhook-context';
import { stage } from './webhook-stage';

/**
 * Applies a verified status callback: finds the message (the `message_id` our callback URLs carry,
 * else the provider message id), records a provider opt-out error (21610, 40300) for the pair, moves
 * the record forward atomically (`updateRecordStatus`), and publishes `sms.status` when it moved. A
 * stale or duplicate callback changes and publishes nothing. A callback for a message the store does
 * not know (sent by another system, or evicted) is published with `message_id: null` and not recorded:
 * a record needs the body and segments the callback does not carry. Store failures throw (the
 * handler answers 500 so the provider retries); publish failures are reported.
 */
export async function handleStatusCallback(context: WebhookContext, callback: ParsedStatusCallback): Promise<void> {
  const { settings, providerId } = context;
  const now = settings.clock.now();
  const record = await stage('store', null, () => correlate(context, callback));
  const optOuts = settings.optOuts;
  const recipient = callback.to ?? record?.to;
  if (optOuts !== undefined && callback.error?.reason === 'OPTED_OUT' && recipient !== undefined) {
    await stage('opt-outs', record?.id ?? null, () =>
      optOuts.add({ sender: callback.from ?? record?.from ?? ANY_SENDER, recipient, source: 'provider', detail: callback.errorCode, provider: providerId, createdAt: new Date(now).toISOString() }),
    );
  }

  let previous = record?.status ?? null;
  const result =
    record === undefined
      ? undefined
      : await stage('store', record.id, () =>
          updateMessage(
            settings.store,
            record.id,
            (current) => {
              previous = current.status;
              return updateRecordStatus(current, { provider: providerId, providerMessageId: callback.providerMessageId, status: callback.status, error: callback.error, at: now });
            },
            context.locks,
          ),
        );
  if (result !== undefined && !result.changed) return;
  const messageId = result?.record.id ?? null;
  await publishWebhookEvent(
    context,
    createStatusEvent({
      eventId: settings.generateId(),
      messageId,
      tenantId: result?.record.tenantId ?? null,
      timestamp: now,
      provider: providerId,
      providerMessageId: callback.providerMessageId,
      status: callback.status,
      previousStatus: result === undefined ? null : previous,
      providerStatus: callback.providerStatus,
      errorCode: callback.errorCode,
      error: callback.error,
    }),
    messageId,
  );
}

/**
 * The outbound record a callback is about. `message_id` wins when that record is still waiting for
 * its provider id (an unknown outcome: this callback settles it) or has this one; otherwise the
 * provider id decides, so a `message_id` cannot re-point a callback at another message.
 */
async function correlate(context: WebhookContext, callback: ParsedStatusCallback): Promise<MessageRecord | undefined> {
  const { store } = context.settings;
  const messageId = new URL(context.request.url).searchParams.get(MESSAGE_ID_PARAMETER);
  if (messageId !== null && messageId !== '' && messageId.length <= 255) {
    const record = await store.get(messageId);
    if (record?.direction === 'outbound' && (record.providerMessageId === null || record.providerMessageId === callback.providerMessageId)) return record;
  }
  const found = await store.findByProviderMessageId(context.providerId, callback.providerMessageId);
  return found?.direction === 'outbound' ? found : undefined;
}
