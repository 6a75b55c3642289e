import type { MessageRecord } from '../store/message-record';
import type { MessageStore } from '../store/message-store';
import { sleep } from '../timers/sleep';
import { mergeSendOutcome } from './merge-send-outcome';

export interface SettleMessageRecordOptions {
  /** Waits before each retry after the first write failed; the defaults total 3.5 s over three retries. */
  readonly retryDelaysMs?: readonly number[];
  /** The last failure, once every retry failed: the record still says `queued`, and reconciliation settles it. */
  readonly onGiveUp: (error: unknown) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 400, 3_000] as const;

/**
 * Writes the outcome of a send over its write-ahead record, without moving a status a webhook already
 * advanced ({@link mergeSendOutcome}, through `store.update` when the store has it, so instances
 * sharing the store agree). Resolves once the first write is done or has failed: a failure is retried in
 * the background with bounded backoff, and reported through `onGiveUp` when every retry failed. It never
 * throws: the provider has answered, and `send()` must report what it did (docs/persistence.md#write-ahead).
 *
 * @example
 * await settleMessageRecord(store, buildMessageRecord(facts), { onGiveUp: (error) => report(error) });
 */
export async function settleMessageRecord(store: MessageStore, final: MessageRecord, options: SettleMessageRecordOptions): Promise<void> {
  try {
    await writeOutcome(store, final);
  } catch (error) {
    void retryInBackground(store, final, options, error);
  }
}

async function retryInBackground(store: MessageStore, final: MessageRecord, options: SettleMessageRecordOptions, firstError: unknown): Promise<void> {
  let lastError = firstError;
  for (const delayMs of options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS) {
    await sleep(delayMs);
    try {
      await writeOutcome(store, final);
      return;
    } catch (error) {
      lastError = error;
    }
  }
  options.onGiveUp(lastError);
}

async function writeOutcome(store: MessageStore, final: MessageRecord): Promise<void> {
  if (typeof store.update === 'function') {
    const updated = await store.update(final.id, (current) => mergeSendOutcome(current, final));
    if (updated !== undefined) return;
  }
  // A store without `update`: read, merge and save (atomic within one process only, as the port says).
  const current = await store.get(final.id);
  const next = current === undefined ? final : mergeSendOutcome(current, final);
  if (next !== undefined) await store.save(next);
}
