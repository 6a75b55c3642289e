import { ValidationError } from '../errors/validation-error';
import type { IdempotencyLease } from '../idempotency/create-idempotency-guard';
import type { SendRequest } from '../messages/send-request';
import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import { messageStoreUnavailableError } from '../store/message-store-unavailable-error';
import type { SendEventSink } from './create-send-event-sink';

/**
 * Writes a send's record before its provider call (docs/persistence.md#write-ahead). A store that cannot
 * take it refuses the send with `MESSAGE_STORE_UNAVAILABLE` (or the store's own `ValidationError` for a record it
 * cannot hold): nothing is sent, the idempotency key is freed
 * so the same request can be retried, and `sms.failed` is published like any refusal.
 *
 * @example
 * await writeAheadRecord(store, buildQueuedRecord(facts), { input, lease, events });
 */
export async function writeAheadRecord(
  store: MessageStore,
  record: MessageRecord,
  send: { readonly input: SendRequest; readonly lease: IdempotencyLease | undefined; readonly events: SendEventSink },
): Promise<void> {
  try {
    await store.save(record);
  } catch (storeError) {
    // A store refusing the record itself (an id its table cannot key) is a configuration problem, not an outage.
    const error = ValidationError.isInstance(storeError) ? storeError : messageStoreUnavailableError(storeError);
    await send.lease?.release();
    await send.events.refused(send.input, error);
    throw error;
  }
}
