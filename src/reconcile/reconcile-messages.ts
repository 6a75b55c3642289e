import { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';
import type { MessageStatus } from '../messages/message-status';
import type { ReconcileContext } from './reconcile-context';
import { readReconcileOptions, type ReconcileOptions } from './reconcile-options';
import { reconcileRecord } from './reconcile-record';
import { createReconcileTally, summarizeReconcile, type ReconcileSummary } from './reconcile-summary';

/** The statuses a record can wait in for an answer that never came. */
const UNSETTLED: readonly MessageStatus[] = ['unknown', 'queued', 'sending', 'sent'];
/** The shared lock: one reconciler at a time across every instance on the idempotency store. */
const LOCK_KEY = 'tools-core:reconcile:lock';
const LOCK_LEASE_MS = 10 * 60_000;

/**
 * `SMSService.reconcile()` (docs/reconciliation.md): takes the lock in the shared idempotency store (another
 * instance reconciling makes this run return `ran: false`), asks the store for the records waiting longer
 * than `olderThan`, settles each from what its provider reports (`reconcileRecord`), and returns the summary.
 * It never sends, except with `resendNotSent` for a message the provider provably never accepted. An error
 * on one record (a provider outage) is in the summary and leaves that record for the next run.
 *
 * @example
 * const summary = await sms.reconcile({ olderThan: 15 * 60_000, limit: 100 });
 * summary.settled.delivered; // messages whose lost `delivered` callback was recovered
 */
export async function reconcileMessages(context: ReconcileContext, input?: ReconcileOptions): Promise<ReconcileSummary> {
  const options = readReconcileOptions(input);
  const findUnsettled = context.store.findUnsettled?.bind(context.store);
  if (findUnsettled === undefined) {
    throw new ValidationError({ field: 'options.store', reason: 'RECONCILIATION_UNSUPPORTED', problem: 'has no findUnsettled, so reconciliation cannot list the messages to check.', fix: 'use createInMemoryMessageStore, createPostgresMessageStore, or add findUnsettled to your store (runMessageStoreContract checks it).' });
  }
  const tally = createReconcileTally();
  const token = context.generateId();
  const lock = await context.idempotency.claim({ key: LOCK_KEY, fingerprint: 'reconcile', token, leaseMs: LOCK_LEASE_MS });
  if (lock.status !== 'claimed') return summarizeReconcile(tally, false);
  try {
    const changedBefore = new Date(context.clock.now() - options.olderThanMs).toISOString();
    const records = await findUnsettled({ statuses: UNSETTLED, changedBefore, limit: options.limit });
    for (const record of records) {
      if (options.signal?.aborted === true) break;
      tally.checked += 1;
      try {
        const outcome = await reconcileRecord(context, record, options);
        if (outcome.kind === 'settled') tally.settled[outcome.status] = (tally.settled[outcome.status] ?? 0) + 1;
        else if (outcome.kind === 'not-sent') {
          tally.notSent += 1;
          if (outcome.resent) tally.resent += 1;
        } else if (outcome.kind === 'unchanged') tally.unchanged += 1;
        else if (outcome.kind === 'still-unknown') tally.stillUnknown += 1;
        else if (outcome.kind === 'ambiguous') tally.ambiguousIds.push(record.id);
        else tally.unsupported += 1;
      } catch (error) {
        tally.errors.push({ messageId: record.id, message: SmsError.isInstance(error) || error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await context.idempotency.release({ key: LOCK_KEY, token });
  }
  return summarizeReconcile(tally, true);
}
